import type { AttachResult, Bill } from '@common/contracts/bills';
import type { ScanResult } from '@/components/ui/scan-result';
import { isApiErrorWithCode } from '@/features/bills/utils/api-error';
import { isApiError } from '@/lib/api-client';
import { detailText as text, friendlyErrorMessage } from '@/lib/error-messages';

/** The sentence and tone of an accepted attach. */
export function attachSuccess(qr: string, result: AttachResult): Omit<ScanResult, 'id'> {
  const { bill } = result;
  const counter = `${bill.parentCount} / ${bill.capacity}`;
  if (result.duplicate) {
    return { tone: 'duplicate', text: `${result.parent.qr} is already on this bill (${counter}).` };
  }
  if (bill.status === 'completed') {
    return {
      tone: 'complete',
      text: `${result.parent.qr} attached. Bill ${bill.billNo} is completed (${counter}).`,
    };
  }
  const created = result.created ? ' (new parent bag created)' : '';
  return { tone: 'parent', text: `${result.parent.qr || qr} attached${created}. ${counter}.` };
}

/** A friendly sentence for every refusal of a bill scan (SPEC §5 rules). */
export function attachErrorMessage(error: unknown, qr: string, bill: Bill | undefined): string {
  if (!isApiError(error)) {
    return friendlyErrorMessage(error);
  }
  const d = error.details ?? {};
  const code = text(d.qr, qr);
  switch (error.code) {
    case 'BILL_NOT_FOUND':
      return `This bill no longer exists. It may have been deleted.`;
    case 'BAG_NOT_FOUND':
      return `${code} is not a known bag. Pack it first, or tick “Typed entry” to create it.`;
    case 'QR_WRONG_TYPE':
      return `${code} is a ${text(d.actual, 'child')} bag. Scan a parent bag here.`;
    case 'QR_EMPTY':
    case 'QR_INVALID':
    case 'QR_INVALID_PARENT':
      return `${code} is not a valid bag code.`;
    case 'BILL_CLOSED':
      return `This bill is completed. Reopen it to add parent bags.`;
    case 'PARENT_ON_OTHER_BILL':
      return `${code} is already on bill ${text(d.bill, 'another bill')}. Remove it there first.`;
    case 'PARENT_IN_OPEN_TICKET':
      return `${code} is in open return ticket ${text(d.ticket, '')}. Finalize or cancel that ticket first.`;
    case 'BILL_FULL':
      return `The bill is full (${text(d.capacity, text(bill?.capacity))} parent bags). Nothing was added.`;
    case 'NETWORK':
      return `Could not reach TraceTrack: ${code} was not added. Scan it again when the connection is back.`;
    default:
      return friendlyErrorMessage(error);
  }
}

/** Completing, reopening or removing: the codes these can meet. */
export function billActionErrorMessage(error: unknown): string {
  if (isApiErrorWithCode(error, 'REASON_REQUIRED')) {
    return 'The bill is below its capacity: give a reason for completing it early.';
  }
  if (isApiErrorWithCode(error, 'BILL_EMPTY')) {
    return 'A bill needs at least one parent bag before it can be completed.';
  }
  if (isApiErrorWithCode(error, 'BILL_CLOSED')) {
    return 'This bill is completed. Reopen it first.';
  }
  return friendlyErrorMessage(error, {
    BILL_NOT_FOUND: 'This bill no longer exists.',
    BAG_NOT_FOUND: 'That parent bag is not on this bill any more.',
  });
}
