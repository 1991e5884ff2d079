/** Bill numbers (SPEC §5): unique case-insensitively, 1–50 characters after normalisation. */
export const BILL_NO_MAX = 50;
export const BILL_CAPACITY_MIN = 1;
export const BILL_CAPACITY_MAX = 500;

/** Strip control/invisible characters, trim, single spaces, uppercase. */
export function normaliseBillNo(raw: string): string {
  return raw
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

export function isValidBillNo(billNo: string): boolean {
  return billNo.length >= 1 && billNo.length <= BILL_NO_MAX;
}

/** Figures derived for display: difference and fill % (SPEC §5 "Bill figures"). */
export function billDerived(bill: {
  parentCount: number;
  capacity: number;
  actualWeightKg: number;
  expectedWeightKg: number;
}): { differenceKg: number; fillPercent: number } {
  return {
    differenceKg: Math.round((bill.actualWeightKg - bill.expectedWeightKg) * 1000) / 1000,
    fillPercent: bill.capacity > 0 ? Math.round((bill.parentCount / bill.capacity) * 1000) / 10 : 0,
  };
}
