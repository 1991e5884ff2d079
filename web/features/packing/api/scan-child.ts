import type { ScanChildBody, ScanChildResult } from '@common/contracts/bags';
import type { NewScanJob } from '@/lib/scan-queue/scan-queue';

export const SCAN_CHILD_PATH = '/api/scans/child';

export type { ScanChildResult };

/**
 * POST /api/scans/child `{parentQr, qr, scanId, station}` → `{child, parent, created,
 * duplicate}`; sent through the offline scan queue.
 */
export function scanChildJob(body: ScanChildBody): NewScanJob {
  return {
    id: body.scanId,
    path: SCAN_CHILD_PATH,
    body: { ...body },
    label: `Child ${body.qr} into ${body.parentQr}`,
  };
}
