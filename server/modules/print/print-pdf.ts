import { setImmediate as nextTick } from 'node:timers/promises';
import { APP_TITLE, formatDay } from './print-format.js';
import {
  FONT,
  FONT_BOLD,
  contentWidth,
  drawDocHead,
  drawFacts,
  drawParagraph,
  ensureSpace,
  openPdf,
  type Pdf,
} from './pdf-layout.js';
import { drawTable } from './pdf-table.js';
import {
  SIGNATURES,
  SIGNATURE_HINT,
  billFactsOf,
  billFiguresOf,
  dayFactsOf,
  overviewTableOf,
  parentsTableOf,
  printedLine,
} from './print-content.js';
import type { PrintBill, PrintDay, PrintMeta } from './print.presenter.js';

export interface PdfOptions {
  /** Deflate the content streams (default true); false lets tests read the text. */
  compress?: boolean;
}

const INK = '#111111';
const GREY = '#555555';

function drawTotals(doc: Pdf, bill: PrintBill): void {
  ensureSpace(doc, 64);
  doc.font(FONT_BOLD).fontSize(10.5).fillColor(INK).text('Totals', doc.page.margins.left, doc.y);
  doc.y += 3;
  drawFacts(doc, billFiguresOf(bill), 3);
}

/** Three signature lines side by side (kept on one page), then the printed-at line. */
function drawSignatures(doc: Pdf, meta: PrintMeta): void {
  ensureSpace(doc, 96);
  doc.y += 28;
  const left = doc.page.margins.left;
  const gap = 24;
  const width = (contentWidth(doc) - 2 * gap) / 3;
  const lineY = doc.y + 20;
  SIGNATURES.forEach((label, i) => {
    const x = left + i * (width + gap);
    doc
      .save()
      .lineWidth(0.8)
      .strokeColor(INK)
      .moveTo(x, lineY)
      .lineTo(x + width, lineY)
      .stroke();
    doc.restore();
    doc
      .font(FONT_BOLD)
      .fontSize(9.5)
      .fillColor(INK)
      .text(label, x, lineY + 4, { width });
    doc
      .font(FONT)
      .fontSize(7.5)
      .fillColor(GREY)
      .text(SIGNATURE_HINT, x, lineY + 17, { width });
  });
  doc.font(FONT).fontSize(7.5).fillColor(GREY);
  doc.text(printedLine(meta), left, lineY + 36, { width: contentWidth(doc) });
  doc.fillColor(INK);
}

/** One bill from the current position: header, facts, parents table, totals, signatures. */
function drawBill(doc: Pdf, bill: PrintBill, meta: PrintMeta): void {
  drawDocHead(doc, { kind: 'Dispatch bill', label: 'Bill no.', value: bill.billNo });
  drawFacts(doc, billFactsOf(bill, meta));
  if (bill.description) {
    drawParagraph(doc, 'Description', bill.description);
  }
  drawTable(doc, parentsTableOf(bill));
  drawTotals(doc, bill);
  drawSignatures(doc, meta);
}

/** A bill's PDF, drawn and ended: pipe or send the returned stream. */
export function buildBillPdf(bill: PrintBill, meta: PrintMeta, options: PdfOptions = {}): Pdf {
  const doc = openPdf({
    title: `Bill ${bill.billNo}`,
    footer: `${APP_TITLE} · Bill ${bill.billNo} · ${printedLine(meta)}`,
    compress: options.compress ?? true,
  });
  drawBill(doc, bill, meta);
  doc.end();
  return doc;
}

function drawDayOverview(doc: Pdf, day: PrintDay, meta: PrintMeta): void {
  drawDocHead(doc, { kind: 'Daily summary', label: 'Day', value: formatDay(day.date) });
  drawFacts(doc, dayFactsOf(day, meta));
  drawTable(doc, overviewTableOf(day, meta), { fontSize: 8 });
  doc.font(FONT).fontSize(7.5).fillColor(GREY);
  doc.text(printedLine(meta), doc.page.margins.left, doc.y);
  doc.fillColor(INK);
}

/**
 * The daily summary PDF: overview, then each bill from a new page. Drawing yields to the event
 * loop between bills, so a long day streams out without stalling other requests.
 */
export function buildDayPdf(day: PrintDay, meta: PrintMeta, options: PdfOptions = {}): Pdf {
  const doc = openPdf({
    title: `Daily summary ${day.date}`,
    footer: `${APP_TITLE} · Daily summary ${formatDay(day.date)} · ${printedLine(meta)}`,
    compress: options.compress ?? true,
  });
  const draw = async () => {
    drawDayOverview(doc, day, meta);
    for (const bill of day.bills) {
      await nextTick();
      doc.addPage();
      drawBill(doc, bill, meta);
    }
    doc.end();
  };
  draw().catch((error: unknown) =>
    doc.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return doc;
}
