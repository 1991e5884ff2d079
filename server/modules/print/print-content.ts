import {
  creatorLabel,
  formatCount,
  formatDateTime,
  formatDay,
  formatDifferenceKg,
  formatKg,
  formatPercent,
  kindLabel,
  orDash,
  statusLabel,
} from './print-format.js';
import type { PrintBill, PrintDay, PrintMeta } from './print.presenter.js';

/**
 * What a printed bill and a daily summary say, as label/value pairs and tables of text: the HTML
 * page and the PDF both render this, so they always carry the same content.
 */

export type Facts = Array<[label: string, value: string]>;

export interface TableColumn {
  header: string;
  /** Percent of the table width (the HTML page has a `.w-<n>` class for each). */
  width: number;
  align?: 'right';
  /** Codes (bill numbers, QR) in a monospaced face. */
  code?: boolean;
}

export interface TableModel {
  title: string;
  /** Class of the HTML table. */
  name: string;
  columns: TableColumn[];
  rows: string[][];
  /** Totals row: its first cell spans `span` columns, the rest fill the others. */
  footer: { cells: string[]; span: number };
  /** The one row shown when there are no rows. */
  empty: string;
}

export const SIGNATURES = ['Prepared by', 'Checked by', 'Driver'] as const;
export const SIGNATURE_HINT = 'Name, signature and date';

export const printedLine = (meta: PrintMeta): string =>
  `Printed ${formatDateTime(meta.printedAt, meta.timeZone)} (${meta.timeZone}) by ${meta.printedBy}`;

export function billFactsOf(bill: PrintBill, meta: PrintMeta): Facts {
  const facts: Facts = [
    ['Date', formatDateTime(bill.createdAt, meta.timeZone)],
    ['Status', statusLabel(bill.status)],
    ['Destination', orDash(bill.destination)],
    ['Vehicle', orDash(bill.vehicleNumber)],
    ['Created by', creatorLabel(bill.creator)],
    ['Capacity', `${formatCount(bill.capacity)} parent bags`],
  ];
  if (bill.completedAt) {
    facts.push(['Completed', formatDateTime(bill.completedAt, meta.timeZone)]);
  }
  if (bill.completionReason) {
    facts.push(['Reason', bill.completionReason]);
  }
  return facts;
}

/** The totals block: parents of capacity, children, weights, difference, fill. */
export function billFiguresOf(bill: PrintBill): Facts {
  const t = bill.totals;
  return [
    ['Parent bags', `${formatCount(t.parents)} / ${formatCount(bill.capacity)}`],
    ['Child bags', formatCount(t.children)],
    ['Fill', formatPercent(t.fillPercent)],
    ['Actual weight', `${formatKg(t.actualWeightKg)} kg`],
    ['Expected weight', `${formatKg(t.expectedWeightKg)} kg`],
    ['Difference', `${formatDifferenceKg(t.differenceKg)} kg`],
  ];
}

export function parentsTableOf(bill: PrintBill): TableModel {
  const t = bill.totals;
  return {
    title: `Parent bags of bill ${bill.billNo}`,
    name: 'parents',
    columns: [
      { header: '#', width: 7, align: 'right' },
      { header: 'Parent bag', width: 22, code: true },
      { header: 'Kind', width: 23 },
      { header: 'Child bags', width: 16, align: 'right' },
      { header: 'Weight (kg)', width: 16, align: 'right' },
      { header: 'Expected (kg)', width: 16, align: 'right' },
    ],
    rows: bill.parents.map((p, i) => [
      String(i + 1),
      p.qr,
      kindLabel(p),
      formatCount(p.childCount),
      formatKg(p.weightKg),
      formatKg(p.expectedKg),
    ]),
    footer: {
      cells: [
        `Total: ${formatCount(t.parents)} parent bags`,
        formatCount(t.children),
        formatKg(t.actualWeightKg),
        formatKg(t.expectedWeightKg),
      ],
      span: 3,
    },
    empty: 'No parent bags attached.',
  };
}

const timeOnly = (at: Date, timeZone: string) => formatDateTime(at, timeZone).split(', ')[1] ?? '';

export function dayFactsOf(day: PrintDay, meta: PrintMeta): Facts {
  const t = day.totals;
  const s = day.byStatus;
  return [
    ['Day', `${formatDay(day.date)} (${meta.timeZone})`],
    ['Bills', day.createdBy === null ? 'All bills' : `Created by ${day.createdBy}`],
    ['By status', `New ${s.new} · Processing ${s.processing} · Completed ${s.completed}`],
    ['Parent bags', formatCount(t.parents)],
    ['Child bags', formatCount(t.children)],
    ['Actual weight', `${formatKg(t.actualWeightKg)} kg`],
    ['Expected weight', `${formatKg(t.expectedWeightKg)} kg`],
    ['Difference', `${formatDifferenceKg(t.differenceKg)} kg`],
  ];
}

/** One line per bill of the day (time of creation, local) and the day totals. */
export function overviewTableOf(day: PrintDay, meta: PrintMeta): TableModel {
  const t = day.totals;
  return {
    title: 'Bills of the day',
    name: 'overview',
    columns: [
      { header: 'Bill no.', width: 13, code: true },
      { header: 'Time', width: 6 },
      { header: 'Created by', width: 14 },
      { header: 'Destination', width: 15 },
      { header: 'Status', width: 10 },
      { header: 'Parents', width: 8, align: 'right' },
      { header: 'Children', width: 9, align: 'right' },
      { header: 'Actual (kg)', width: 8, align: 'right' },
      { header: 'Exp. (kg)', width: 8, align: 'right' },
      { header: 'Diff. (kg)', width: 9, align: 'right' },
    ],
    rows: day.bills.map((b) => [
      b.billNo,
      timeOnly(b.createdAt, meta.timeZone),
      creatorLabel(b.creator),
      orDash(b.destination),
      statusLabel(b.status),
      formatCount(b.totals.parents),
      formatCount(b.totals.children),
      formatKg(b.totals.actualWeightKg),
      formatKg(b.totals.expectedWeightKg),
      formatDifferenceKg(b.totals.differenceKg),
    ]),
    footer: {
      cells: [
        `Day total: ${formatCount(t.bills)} bills`,
        formatCount(t.parents),
        formatCount(t.children),
        formatKg(t.actualWeightKg),
        formatKg(t.expectedWeightKg),
        formatDifferenceKg(t.differenceKg),
      ],
      span: 5,
    },
    empty: 'No bills were created on this day.',
  };
}
