import type { EodCreator, EodSummary, EodTotals } from '@common/contracts/eod';
import type { Bill } from '@common/contracts/bills';
import { billStatusText } from '@/features/bills/utils/bill-labels';

export interface LabelledTotals extends EodTotals {
  key: string;
  label: string;
}

const STATUSES: readonly Bill['status'][] = ['new', 'processing', 'completed'];

/** "ravi (biller)", or "Unknown" when the creating user is gone. */
export function creatorLabel(creator: EodCreator): string {
  return creator ? `${creator.username} (${creator.role})` : 'Unknown';
}

/** One row per bill status, in workflow order. */
export function statusRows(summary: EodSummary): LabelledTotals[] {
  return STATUSES.map((status) => ({
    key: status,
    label: billStatusText(status),
    ...summary.totals.byStatus[status],
  }));
}

/** One row per creator, as the server ordered them (by username, unknown last). */
export function creatorRows(summary: EodSummary): LabelledTotals[] {
  return summary.totals.byCreator.map(({ creator, ...totals }) => ({
    key: creator?.username ?? '(unknown)',
    label: creatorLabel(creator),
    ...totals,
  }));
}

export function grandRow(summary: EodSummary): LabelledTotals {
  return { key: 'all', label: 'All bills', ...summary.totals.grand };
}
