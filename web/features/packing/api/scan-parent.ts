import type { ScanParentBody, ScanParentResult } from '@common/contracts/bags';
import type { NewScanJob } from '@/lib/scan-queue/scan-queue';

export const SCAN_PARENT_PATH = '/api/scans/parent';

export type { ScanParentResult };

/**
 * POST /api/scans/parent `{qr, scanId, station}` → `{bag, created, childCount, maxChildren,
 * complete}`; sent through the offline scan queue (a replay answers the first answer).
 */
export function scanParentJob(body: ScanParentBody): NewScanJob {
  return { id: body.scanId, path: SCAN_PARENT_PATH, body: { ...body }, label: `Parent ${body.qr}` };
}
