import { FONT, FONT_BOLD, contentWidth, ensureSpace, pdfSafe, type Pdf } from './pdf-layout.js';
import type { TableModel } from './print-content.js';

export interface PdfTableOptions {
  fontSize?: number;
}

const PAD_X = 4;
const PAD_Y = 3;
const BORDER = '#999999';

interface Cell {
  text: string;
  x: number;
  width: number;
  align: 'left' | 'right';
  /** Set by rowHeight: the text needs more than one line. */
  wraps?: boolean;
}

function layoutRow(doc: Pdf, table: TableModel, cells: string[], spans: number[] = []): Cell[] {
  const total = table.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = table.columns.map((c) => (contentWidth(doc) * c.width) / total);
  const out: Cell[] = [];
  let x = doc.page.margins.left;
  let col = 0;
  cells.forEach((text, i) => {
    const span = spans[i] ?? 1;
    const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
    out.push({
      text: pdfSafe(text),
      x,
      width,
      align: span > 1 ? 'left' : (table.columns[col]?.align ?? 'left'),
    });
    x += width;
    col += span;
  });
  return out;
}

/**
 * The row's height in the current font; marks the cells that need wrapping. Most cells fit on
 * one line, and measuring their width is far cheaper than pdfkit's line wrapper.
 */
function rowHeight(doc: Pdf, cells: Cell[]): number {
  let height = doc.currentLineHeight(true);
  for (const cell of cells) {
    const inner = cell.width - 2 * PAD_X;
    cell.wraps = cell.text.includes('\n') || doc.widthOfString(cell.text) > inner;
    if (cell.wraps) {
      height = Math.max(height, doc.heightOfString(cell.text, { width: inner }));
    }
  }
  return height + 2 * PAD_Y;
}

function drawRow(doc: Pdf, cells: Cell[], a: { height: number; fill?: string }): void {
  const y = doc.y;
  for (const cell of cells) {
    if (a.fill) {
      doc.save().rect(cell.x, y, cell.width, a.height).fill(a.fill).restore();
    }
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor(BORDER)
      .rect(cell.x, y, cell.width, a.height)
      .stroke()
      .restore();
    doc.fillColor('#111111');
    const inner = cell.width - 2 * PAD_X;
    if (cell.wraps) {
      doc.text(cell.text, cell.x + PAD_X, y + PAD_Y, { width: inner, align: cell.align });
    } else {
      const shift = cell.align === 'right' ? inner - doc.widthOfString(cell.text) : 0;
      doc.text(cell.text, cell.x + PAD_X + shift, y + PAD_Y, { lineBreak: false });
    }
  }
  doc.x = doc.page.margins.left;
  doc.y = y + a.height;
}

/**
 * Draws a table with a title; a row never splits, and each page the table continues on starts
 * with the title marked "(continued)" and the header row again.
 */
export function drawTable(doc: Pdf, table: TableModel, options: PdfTableOptions = {}): void {
  const size = options.fontSize ?? 9;
  const header = layoutRow(
    doc,
    table,
    table.columns.map((c) => c.header),
  );
  doc.font(FONT_BOLD).fontSize(size);
  const headerHeight = rowHeight(doc, header);
  const head = (continued: boolean) => {
    doc.font(FONT_BOLD).fontSize(10.5).fillColor('#111111');
    doc.text(
      pdfSafe(continued ? `${table.title} (continued)` : table.title),
      doc.page.margins.left,
      doc.y,
    );
    doc.y += 3;
    doc.font(FONT_BOLD).fontSize(size);
    drawRow(doc, header, { height: headerHeight, fill: '#e8e8e8' });
  };
  const rows = table.rows.length > 0 ? table.rows : [[table.empty]];
  const spans = table.rows.length > 0 ? [] : [table.columns.length];
  doc.font(FONT).fontSize(size);
  const firstHeight = rowHeight(doc, layoutRow(doc, table, rows[0] ?? [], spans));
  ensureSpace(doc, 18 + headerHeight + firstHeight);
  head(false);
  const fitOrContinue = (height: number, font: string) => {
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      head(true);
    }
    doc.font(font).fontSize(size);
  };
  rows.forEach((row, i) => {
    doc.font(FONT).fontSize(size);
    const cells = layoutRow(doc, table, row, spans);
    const height = rowHeight(doc, cells);
    fitOrContinue(height, FONT);
    drawRow(doc, cells, { height, ...(i % 2 === 1 ? { fill: '#f4f4f4' } : {}) });
  });
  doc.font(FONT_BOLD).fontSize(size);
  const footer = layoutRow(doc, table, table.footer.cells, [table.footer.span]);
  const footerHeight = rowHeight(doc, footer);
  fitOrContinue(footerHeight, FONT_BOLD);
  drawRow(doc, footer, { height: footerHeight, fill: '#e8e8e8' });
  doc.y += 10;
}
