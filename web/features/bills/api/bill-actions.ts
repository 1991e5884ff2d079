import type {
  AttachBody,
  AttachResult,
  Bill,
  CreateBillBody,
  PatchBillBody,
  RemoveParentResult,
} from '@common/contracts/bills';
import { api } from '@/lib/api-client';
import type { NewScanJob } from '@/lib/scan-queue/scan-queue';

const billPath = (billNo: string) => `/api/bills/${encodeURIComponent(billNo)}`;

/** POST /api/bills → 201 bill; 409 BILL_EXISTS. */
export function createBill(body: CreateBillBody): Promise<Bill> {
  return api.post<Bill>('/api/bills', body);
}

/** POST /api/bills/:billNo/parents → `{bill, parent, duplicate}`. */
export function attachParent(billNo: string, body: AttachBody): Promise<AttachResult> {
  return api.post<AttachResult>(`${billPath(billNo)}/parents`, body);
}

/** The POST path of a bill's attach scans: the offline queue follows a bill's scans by it. */
export function billAttachPath(billNo: string): string {
  return `${billPath(billNo)}/parents`;
}

/**
 * POST /api/bills/:billNo/parents as an offline-queue job: kept on the device without a
 * connection and replayed in order; the server answers a replayed scanId with its first answer.
 */
export function attachParentJob(billNo: string, body: AttachBody): NewScanJob {
  return {
    id: body.scanId,
    path: billAttachPath(billNo),
    body: { ...body },
    label: `Parent ${body.qr} onto bill ${billNo}`,
  };
}

/** PATCH /api/bills/:billNo → bill; 409 BILL_CAPACITY_BELOW_ATTACHED. */
export function updateBill(billNo: string, patch: PatchBillBody): Promise<Bill> {
  return api.patch<Bill>(billPath(billNo), patch);
}

/** DELETE /api/bills/:billNo → 204 (admin); the parent bags survive, taken off the bill. */
export function deleteBill(billNo: string): Promise<void> {
  return api.delete<void>(billPath(billNo));
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
