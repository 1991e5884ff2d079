import type { Readable } from 'node:stream';
import { isValidBillNo, normaliseBillNo } from '../../../common/bills.js';
import { actorOf, type RequestCtx } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { invalid, notFound } from '../../platform/errors.js';
import { resolveDay } from '../eod/eod-day.js';
import { renderBillHtml, renderDayHtml } from './print-html.js';
import { buildBillPdf, buildDayPdf } from './print-pdf.js';
import { dayScopeOf } from './print.policy.js';
import { presentPrintBill, presentPrintDay, type PrintMeta } from './print.presenter.js';
import { findPrintBill, listPrintBillsOfDay } from './print.repository.js';
import type { PrintDayQuery, PrintFormat } from './print.schemas.js';

/** A printed document ready to send: HTML text or a PDF stream. */
export interface PrintOutput {
  contentType: string;
  body: string | Readable;
  /** Content-Disposition of a PDF. */
  disposition?: string;
}

/** `inline; filename="bill-B-1.pdf"`, plus an RFC 5987 `filename*` when the name is not plain. */
export function inlineDisposition(filename: string): string {
  const plain = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  if (plain === filename) {
    return `inline; filename="${filename}"`;
  }
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `inline; filename="${plain}"; filename*=UTF-8''${encoded}`;
}

const HTML = 'text/html; charset=utf-8';

/** Print views of bills (SPEC §5 "Print view"): HTML pages and server-made PDFs. */
export function createPrintService(deps: AppDeps) {
  const { db } = deps.database;
  const timeZone = deps.config.TIME_ZONE;
  const metaOf = (ctx: RequestCtx): PrintMeta => ({
    timeZone,
    printedAt: deps.clock.now(),
    printedBy: actorOf(ctx).username,
  });

  /**
   * One bill's print page or PDF (any signed-in user).
   * @throws VALIDATION (bill number), BILL_NOT_FOUND
   */
  async function printBill(
    ctx: RequestCtx,
    rawBillNo: string,
    format: PrintFormat = 'html',
  ): Promise<PrintOutput> {
    const billNo = normaliseBillNo(rawBillNo);
    if (!isValidBillNo(billNo)) {
      throw invalid('A bill number has 1–50 characters.', { field: 'billNo' });
    }
    const row = await findPrintBill(db, billNo);
    if (!row) {
      throw notFound('bill', billNo);
    }
    const bill = presentPrintBill(row);
    const meta = metaOf(ctx);
    if (format === 'html') {
      return { contentType: HTML, body: renderBillHtml(bill, meta) };
    }
    return {
      contentType: 'application/pdf',
      body: buildBillPdf(bill, meta),
      disposition: inlineDisposition(`bill-${bill.billNo}.pdf`),
    };
  }

  /**
   * The bills created on a local day in TIME_ZONE (default today), each printed in full, with day
   * totals: every bill for admins, their own for billers.
   */
  async function printDay(ctx: RequestCtx, query: PrintDayQuery): Promise<PrintOutput> {
    const actor = actorOf(ctx);
    const meta = metaOf(ctx);
    const date = resolveDay(query.date, meta.printedAt, timeZone);
    const createdBy = dayScopeOf(actor);
    const rows = await listPrintBillsOfDay(db, { day: date, timeZone, createdBy });
    const day = presentPrintDay(rows, {
      date,
      createdBy: createdBy === null ? null : actor.username,
    });
    if ((query.format ?? 'html') === 'html') {
      return { contentType: HTML, body: renderDayHtml(day, meta) };
    }
    return {
      contentType: 'application/pdf',
      body: buildDayPdf(day, meta),
      disposition: inlineDisposition(`summary-${date}.pdf`),
    };
  }

  return { printBill, printDay };
}

export type PrintService = ReturnType<typeof createPrintService>;
