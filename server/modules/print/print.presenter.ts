import { billDerived } from '../../../common/bills.js';
import type { EodTotals } from '../../../common/contracts/eod.js';
import { totalsOf } from '../eod/eod-totals.js';
import type { PrintBillRow, PrintParentJson } from './print.repository.js';

export type BillStatus = PrintBillRow['status'];

/** One parent line of a printed bill. */
export type PrintParent = PrintParentJson;

/** Everything a printed bill shows (HTML and PDF render the same model). */
export interface PrintBill {
  billNo: string;
  description: string | null;
  status: BillStatus;
  capacity: number;
  destination: string | null;
  vehicleNumber: string | null;
  completionReason: string | null;
  creator: { username: string; role: string } | null;
  createdAt: Date;
  completedAt: Date | null;
  parents: PrintParent[];
  totals: {
    parents: number;
    children: number;
    actualWeightKg: number;
    expectedWeightKg: number;
    differenceKg: number;
    fillPercent: number;
  };
}

/** A day's bills as printed, with day totals. */
export interface PrintDay {
  date: string;
  /** Whose bills: null = everyone's (admin), else the biller's own. */
  createdBy: string | null;
  bills: PrintBill[];
  totals: EodTotals;
  byStatus: Record<BillStatus, number>;
}

/** Who prints, where and when: the header and footer of every page. */
export interface PrintMeta {
  timeZone: string;
  printedAt: Date;
  printedBy: string;
}

const grams = (kg: number) => Math.round(kg * 1000) / 1000;

/**
 * A bill row → the printed model. Totals are summed over the parents listed, so the printed table
 * always adds up to the printed totals (the stored figures agree by construction, SPEC §5).
 */
export function presentPrintBill(row: PrintBillRow): PrintBill {
  const parents: PrintParent[] =
    typeof row.parents === 'string' ? (JSON.parse(row.parents) as PrintParent[]) : row.parents;
  let children = 0;
  let actual = 0;
  let expected = 0;
  for (const parent of parents) {
    children += parent.childCount;
    actual += parent.weightKg;
    expected += parent.expectedKg;
  }
  const figures = {
    parentCount: parents.length,
    capacity: row.capacity,
    actualWeightKg: grams(actual),
    expectedWeightKg: grams(expected),
  };
  return {
    billNo: row.bill_no,
    description: row.description,
    status: row.status,
    capacity: row.capacity,
    destination: row.destination,
    vehicleNumber: row.vehicle_number,
    completionReason: row.completion_reason,
    creator: row.username === null ? null : { username: row.username, role: row.role ?? '' },
    createdAt: new Date(row.created_at),
    completedAt: row.completed_at === null ? null : new Date(row.completed_at),
    parents,
    totals: {
      parents: parents.length,
      children,
      actualWeightKg: figures.actualWeightKg,
      expectedWeightKg: figures.expectedWeightKg,
      ...billDerived(figures),
    },
  };
}

/** A day's rows → the printed day with totals over every bill and counts by status. */
export function presentPrintDay(
  rows: PrintBillRow[],
  a: { date: string; createdBy: string | null },
): PrintDay {
  const bills = rows.map(presentPrintBill);
  const byStatus: Record<BillStatus, number> = { new: 0, processing: 0, completed: 0 };
  for (const bill of bills) {
    byStatus[bill.status] += 1;
  }
  const totals = totalsOf(bills.map((b) => b.totals));
  return { date: a.date, createdBy: a.createdBy, bills, totals, byStatus };
}
