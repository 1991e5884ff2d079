import type { UndoBody, UndoResult } from '@common/contracts/bags';
import type { NewScanJob } from '@/lib/scan-queue/scan-queue';

export const UNDO_SCAN_PATH = '/api/scans/undo';

export type { UndoResult };

/**
 * POST /api/scans/undo `{parentQr, scanId, station}` → `{removed, childDeleted, parent}`; with a
 * scanId a retried undo never removes a second link, so it goes through the queue like a scan.
 */
export function undoScanJob(body: UndoBody & { scanId: string }): NewScanJob {
  return {
    id: body.scanId,
    path: UNDO_SCAN_PATH,
    body: { ...body },
    label: `Undo the last child of ${body.parentQr}`,
  };
}
