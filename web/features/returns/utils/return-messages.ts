import type { ReturnScanResult, ReturnStatus } from '@common/contracts/returns';
import type { BadgeTone } from '@/components/ui/badge';
import type { ScanResult } from '@/components/ui/scan-result';
import { isApiError } from '@/lib/api-client';
import { countOf } from '@/lib/format';
import { detailText as text, friendlyErrorMessage } from '@/lib/error-messages';

export function returnStatusText(status: ReturnStatus): string {
  return { open: 'Open', committed: 'Finalized', cancelled: 'Cancelled' }[status];
}

export function returnStatusTone(status: ReturnStatus): BadgeTone {
  return { open: 'accent', committed: 'primary', cancelled: 'muted' }[status] as BadgeTone;
}

export function returnScanSuccess(result: ReturnScanResult): Omit<ScanResult, 'id'> {
  const { line } = result;
  if (result.duplicate) {
    return { tone: 'duplicate', text: `${line.qr} is already in this ticket.` };
  }
  const from = line.originalBill ? ` from bill ${line.originalBill}` : '';
  return {
    tone: 'parent',
    text: `${line.qr} returned${from} (${countOf(line.childCount, 'child bag')}).`,
  };
}

export function returnScanErrorMessage(error: unknown, qr: string): string {
  if (!isApiError(error)) {
    return friendlyErrorMessage(error);
  }
  const d = error.details ?? {};
  const code = text(d.qr, qr);
  switch (error.code) {
    case 'BAG_NOT_FOUND':
      return `${code} is not a known bag.`;
    case 'QR_WRONG_TYPE':
      return `${code} is a ${text(d.actual, 'child')} bag. Scan a parent bag here.`;
    case 'QR_EMPTY':
    case 'QR_INVALID':
    case 'QR_INVALID_PARENT':
      return `${code} is not a valid bag code.`;
    case 'PARENT_IN_OTHER_TICKET':
      return `${code} is already in open return ticket ${text(d.ticket, '')}.`;
    case 'PARENT_NOT_ON_BILL':
      return `${code} is not on any bill, so it cannot be returned.`;
    case 'TICKET_CLOSED':
      return `This ticket is ${text(d.status, 'closed')}: no more bags can be scanned into it.`;
    case 'TICKET_NOT_FOUND':
      return 'This return ticket no longer exists.';
    default:
      return friendlyErrorMessage(error);
  }
}

export function ticketActionErrorMessage(error: unknown): string {
  if (isApiError(error) && error.code === 'TICKET_EMPTY') {
    return 'Scan at least one parent bag into the ticket before finalizing it.';
  }
  if (isApiError(error) && error.code === 'TICKET_CLOSED') {
    return 'This ticket is already finalized or cancelled.';
  }
  return friendlyErrorMessage(error);
}
