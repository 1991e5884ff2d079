import { isValidBillNo, normaliseBillNo } from '../../../common/bills.js';
import { invalid } from '../../platform/errors.js';

/** @throws VALIDATION when the bill number is empty or too long after normalisation */
export function billNoOf(raw: string): string {
  const billNo = normaliseBillNo(raw);
  if (!isValidBillNo(billNo)) {
    throw invalid('A bill number has 1–50 characters.', { field: 'billNo' });
  }
  return billNo;
}

/** Free-text fields as stored: trimmed, and an empty one is no value. */
export function cleanText(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  return text.length > 0 ? text : null;
}
