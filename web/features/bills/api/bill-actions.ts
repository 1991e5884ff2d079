import type {
  AttachBody,
  AttachResult,
  Bill,
  CreateBillBody,
  RemoveParentResult,
} from '@common/contracts/bills';
import { api } from '@/lib/api-client';

const billPath = (billNo: string) => `/api/bills/${encodeURIComponent(billNo)}`;

/** POST /api/bills → 201 bill; 409 BILL_EXISTS. */
export function createBill(body: CreateBillBody): Promise<Bill> {
  return api.post<Bill>('/api/bills', body);
}

/** POST /api/bills/:billNo/parents → `{bill, parent, duplicate}`. */
export function attachParent(billNo: string, body: AttachBody): Promise<AttachResult> {
  return api.post<AttachResult>(`${billPath(billNo)}/parents`, body);
}

/** DELETE /api/bills/:billNo/parents/:qr → `{bill}`. */
export function removeParent(billNo: string, qr: string): Promise<RemoveParentResult> {
  return api.delete<RemoveParentResult>(`${billPath(billNo)}/parents/${encodeURIComponent(qr)}`);
}

/** POST /api/bills/:billNo/complete; a reason is required below capacity. */
export function completeBill(billNo: string, reason?: string): Promise<unknown> {
  return api.post(`${billPath(billNo)}/complete`, reason ? { reason } : {});
}

/** POST /api/bills/:billNo/reopen. */
export function reopenBill(billNo: string): Promise<unknown> {
  return api.post(`${billPath(billNo)}/reopen`);
}

export function billPrintHref(billNo: string, format?: 'pdf'): string {
  const href = `/api/print/bill/${encodeURIComponent(billNo)}`;
  return format ? `${href}?format=${format}` : href;
}
