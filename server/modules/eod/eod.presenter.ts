import type {
  EodBill,
  EodCreatorTotals,
  EodSummary,
  EodTotals,
} from '../../../common/contracts/eod.js';
import { addBill, emptyTotals } from './eod-totals.js';
import type { DayBillRow } from './eod.repository.js';

export function presentEodBill(row: DayBillRow): EodBill {
  return {
    billNo: row.bill_no,
    creator: row.username === null ? null : { username: row.username, role: row.role ?? '' },
    parents: row.parents,
    children: row.children,
    actualWeightKg: row.actual_weight_kg,
    expectedWeightKg: row.expected_weight_kg,
    status: row.status,
    createdAt: row.created_at,
  };
}

/** Per-bill lines plus totals by status, by creator (username order, unknown last) and overall. */
export function presentEodSummary(
  rows: DayBillRow[],
  meta: { date: string; timeZone: string; generatedAt: Date },
): EodSummary {
  const byStatus: Record<EodBill['status'], EodTotals> = {
    new: emptyTotals(),
    processing: emptyTotals(),
    completed: emptyTotals(),
  };
  const byCreator = new Map<string, EodCreatorTotals>();
  const grand = emptyTotals();
  const bills = rows.map((row) => {
    const bill = presentEodBill(row);
    addBill(byStatus[bill.status], bill);
    addBill(grand, bill);
    const key = bill.creator?.username ?? '';
    let creator = byCreator.get(key);
    if (!creator) {
      creator = { creator: bill.creator, ...emptyTotals() };
      byCreator.set(key, creator);
    }
    addBill(creator, bill);
    return bill;
  });
  const creators = [...byCreator.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([, totals]) => totals);
  return {
    date: meta.date,
    timeZone: meta.timeZone,
    generatedAt: meta.generatedAt.toISOString(),
    bills,
    totals: { byStatus, byCreator: creators, grand },
  };
}
