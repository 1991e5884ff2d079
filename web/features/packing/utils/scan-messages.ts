import { detailText, friendlyErrorMessage } from '@/lib/error-messages';
import type { ScanJob, ScanJobError } from '@/lib/scan-queue/scan-queue-storage';

/** What the station shows for a refused scan, and the parent it can switch to. */
export interface RefusalView {
  text: string;
  /** A parent code scanned in CHILD state: offer "Finish and start <code>". */
  switchTo: string | null;
}

function detail(details: Record<string, unknown> | null, key: string): string {
  return detailText(details?.[key]);
}

export function wrongTypeText(code: string, actual: 'parent' | 'child'): string {
  return actual === 'parent'
    ? `${code} is a parent bag. Finish this parent first, or use “Finish and start ${code}”.`
    : `${code} is a child bag. Scan a parent bag first.`;
}

type MessageOf = (details: Record<string, unknown> | null) => string;

const MESSAGES: Record<string, MessageOf> = {
  QR_EMPTY: () => 'The scan was empty. Scan the label again.',
  QR_INVALID: (d) => `${detail(d, 'qr') || 'That'} is not a valid bag code.`,
  CHILD_IN_OTHER_PARENT: (d) =>
    `${detail(d, 'qr') || 'This child'} is already in ${detail(d, 'parent') || 'another parent'}. Keep it out of this one.`,
  PARENT_FULL: (d) =>
    `${detail(d, 'parent') || 'This parent'} is full. Finish it and scan the next parent.`,
  AREA_FORBIDDEN: (d) =>
    `${detail(d, 'qr') || 'This bag'} belongs to another dispatch area; you cannot pack it here.`,
  BAG_NOT_FOUND: (d) => `${detail(d, 'qr') || 'That bag'} was not found.`,
  BILL_CLOSED: (d) =>
    `${detail(d, 'parent') || 'This parent'} is on completed bill ${detail(d, 'bill')}; it cannot change.`,
  NOTHING_TO_UNDO: (d) => `Nothing of yours to undo on ${detail(d, 'parent') || 'this parent'}.`,
  UNDO_WINDOW_PASSED: (d) =>
    `Your last link on ${detail(d, 'parent') || 'this parent'} is too old to undo.`,
  SCAN_ID_REUSED: () => 'This scan clashed with an earlier one. Scan the label again.',
};

/** A refused scan, in words for the person at the station (switching on `code`, never text). */
export function describeScanRefusal(error: ScanJobError, cause?: unknown): RefusalView {
  const { code, details } = error;
  if (code === 'QR_WRONG_TYPE') {
    const qr = detail(details, 'qr');
    const actual = detail(details, 'actual') === 'parent' ? 'parent' : 'child';
    return { text: wrongTypeText(qr, actual), switchTo: actual === 'parent' && qr ? qr : null };
  }
  if (code === 'QR_INVALID_PARENT') {
    // The server's sentence names the accepted formats.
    return { text: error.message, switchTo: null };
  }
  const message = MESSAGES[code];
  if (message) {
    return { text: message(details), switchTo: null };
  }
  return {
    text: cause === undefined ? error.message : friendlyErrorMessage(cause),
    switchTo: null,
  };
}

/** Why a packing scan sent late was refused, for the "Needs attention" list. */
export function describeRefusedJob(job: ScanJob): string {
  return job.error ? describeScanRefusal(job.error).text : 'Refused.';
}
