import type { EodTotals } from '../../../common/contracts/eod.js';

/** The figures of one bill that day totals add up. */
export interface BillFigures {
  parents: number;
  children: number;
  actualWeightKg: number;
  expectedWeightKg: number;
}

/** Weights are doubles: sums are rounded to grams so 0.1 + 0.2 prints as 0.3. */
const grams = (kg: number) => Math.round(kg * 1000) / 1000;

export function emptyTotals(): EodTotals {
  return {
    bills: 0,
    parents: 0,
    children: 0,
    actualWeightKg: 0,
    expectedWeightKg: 0,
    differenceKg: 0,
  };
}

/** Adds one bill to running totals (in place) and answers them. */
export function addBill(totals: EodTotals, bill: BillFigures): EodTotals {
  totals.bills += 1;
  totals.parents += bill.parents;
  totals.children += bill.children;
  totals.actualWeightKg = grams(totals.actualWeightKg + bill.actualWeightKg);
  totals.expectedWeightKg = grams(totals.expectedWeightKg + bill.expectedWeightKg);
  totals.differenceKg = grams(totals.actualWeightKg - totals.expectedWeightKg);
  return totals;
}

/** Totals over `bills`. */
export function totalsOf(bills: Iterable<BillFigures>): EodTotals {
  const totals = emptyTotals();
  for (const bill of bills) {
    addBill(totals, bill);
  }
  return totals;
}
