import PDFDocument from 'pdfkit';

/**
 * Drawing primitives for the print PDFs (pdfkit, built-in Helvetica so no font files are needed
 * on the server): page setup with a footer on every page, wrapped text blocks, and tables whose
 * header row repeats on each page they span.
 */

export type Pdf = PDFKit.PDFDocument;

export const FONT = 'Helvetica';
export const FONT_BOLD = 'Helvetica-Bold';
const MARGIN = 40;
const FOOTER_ZONE = 26;
const GREY = '#555555';
const RULE = '#999999';

/** Characters Helvetica (WinAnsiEncoding) can show beyond Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the built-in fonts can draw: other characters become `?`, controls (but \n) go. */
export function pdfSafe(text: string): string {
  let out = '';
  for (const c of text.replace(/\r\n?/g, '\n')) {
    const code = c.codePointAt(0) ?? 0;
    if (c === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) {
      out += c;
    } else if (WIN_ANSI_EXTRA.has(c)) {
      out += c;
    } else if (code >= 0x20 && !(code >= 0x7f && code <= 0x9f)) {
      out += '?';
    }
  }
  return out;
}

export interface PdfSetup {
  title: string;
  /** Left part of every page's footer (the page number goes right). */
  footer: string;
  /** false writes plain content streams (tests read the text back). */
  compress: boolean;
}

/** An A4 portrait document whose every page gets the footer and its number as it is added. */
export function openPdf(setup: PdfSetup): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_ZONE },
    compress: setup.compress,
    autoFirstPage: false,
    info: { Title: pdfSafe(setup.title), Author: 'TraceTrack', Creator: 'TraceTrack' },
  });
  let pageNo = 0;
  doc.on('pageAdded', () => {
    pageNo += 1;
    drawFooter(doc, pdfSafe(setup.footer), `Page ${pageNo}`);
  });
  doc.addPage();
  return doc;
}

function drawFooter(doc: Pdf, left: string, right: string): void {
  const { margins } = doc.page;
  const bottom = margins.bottom;
  // Writing below the bottom margin would make pdfkit open a new page: lift it while drawing.
  margins.bottom = 0;
  const y = doc.page.height - MARGIN - 8;
  const width = doc.page.width - margins.left - margins.right;
  doc
    .save()
    .strokeColor(RULE)
    .lineWidth(0.5)
    .moveTo(margins.left, y - 4)
    .lineTo(margins.left + width, y - 4)
    .stroke()
    .restore();
  doc.font(FONT).fontSize(7.5).fillColor(GREY);
  doc.text(left, margins.left, y, {
    width: width - 60,
    lineBreak: false,
    ellipsis: true,
    height: 10,
  });
  doc.text(right, margins.left + width - 60, y, { width: 60, align: 'right', lineBreak: false });
  margins.bottom = bottom;
  doc.fillColor('#111111');
  doc.x = margins.left;
  doc.y = margins.top;
}

export const contentWidth = (doc: Pdf) =>
  doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottomY = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` more points fit on this one. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottomY(doc)) {
    doc.addPage();
  }
}

/** Brand block: app title and document kind left, label and identifier right; then a rule. */
export function drawDocHead(doc: Pdf, a: { kind: string; label: string; value: string }): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const top = doc.y;
  doc
    .font(FONT_BOLD)
    .fontSize(20)
    .fillColor('#111111')
    .text('TraceTrack', left, top, { lineBreak: false });
  doc
    .font(FONT)
    .fontSize(9)
    .fillColor(GREY)
    .text(a.kind.toUpperCase(), left, top + 24, { characterSpacing: 1, lineBreak: false });
  doc
    .font(FONT)
    .fontSize(7.5)
    .text(a.label.toUpperCase(), left + width / 2, top, {
      width: width / 2,
      align: 'right',
      characterSpacing: 1,
    });
  doc.font(FONT_BOLD).fontSize(15).fillColor('#111111');
  const value = pdfSafe(a.value);
  const valueHeight = doc.heightOfString(value, { width: width / 2 });
  doc.text(value, left + width / 2, top + 11, { width: width / 2, align: 'right' });
  const ruleY = Math.max(top + 38, top + 11 + valueHeight + 3);
  doc
    .save()
    .lineWidth(1.5)
    .strokeColor('#111111')
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .stroke()
    .restore();
  doc.x = left;
  doc.y = ruleY + 10;
}

/** Label/value pairs in `columns` columns, each row as tall as its longest value. */
export function drawFacts(doc: Pdf, items: Array<[string, string]>, columns = 2): void {
  const left = doc.page.margins.left;
  const gap = 18;
  const colWidth = (contentWidth(doc) - gap * (columns - 1)) / columns;
  const labelWidth = columns > 2 ? 74 : 86;
  for (let i = 0; i < items.length; i += columns) {
    const row = items.slice(i, i + columns).map(([k, v]) => [pdfSafe(k), pdfSafe(v)] as const);
    doc.font(FONT_BOLD).fontSize(9.5);
    const height =
      Math.max(...row.map(([, v]) => doc.heightOfString(v, { width: colWidth - labelWidth }))) + 6;
    ensureSpace(doc, height);
    const y = doc.y;
    row.forEach(([label, value], c) => {
      const x = left + c * (colWidth + gap);
      doc
        .font(FONT)
        .fontSize(9)
        .fillColor(GREY)
        .text(label, x, y + 3, {
          width: labelWidth - 4,
          lineBreak: false,
          ellipsis: true,
          height: 11,
        });
      doc
        .font(FONT_BOLD)
        .fontSize(9.5)
        .fillColor('#111111')
        .text(value, x + labelWidth, y + 3, { width: colWidth - labelWidth });
      doc
        .save()
        .lineWidth(0.5)
        .strokeColor('#dddddd')
        .moveTo(x, y + height)
        .lineTo(x + colWidth, y + height)
        .stroke()
        .restore();
    });
    doc.x = left;
    doc.y = y + height;
  }
  doc.y += 8;
}

/** A paragraph with a grey label, wrapped to the content width. */
export function drawParagraph(doc: Pdf, label: string, text: string): void {
  const left = doc.page.margins.left;
  const body = pdfSafe(text);
  doc.font(FONT).fontSize(9.5);
  ensureSpace(doc, Math.min(doc.heightOfString(body, { width: contentWidth(doc) }) + 14, 120));
  doc
    .fillColor(GREY)
    .text(`${label}: `, left, doc.y, { continued: true })
    .fillColor('#111111')
    .text(body, { width: contentWidth(doc) });
  doc.y += 8;
}
