import type { Bill } from '@common/contracts/bills';
import { billAttachPath } from '@/features/bills/api/bill-actions';
import { attachErrorMessage } from '@/features/bills/utils/bill-messages';
import { RefusedScans } from '@/components/scan-queue/queued-scan-lists';
import { jobErrorToApiError, scannedCodeOf } from '@/lib/scan-queue/use-queued-scans';

export interface BillRefusedScansProps {
  billNo: string;
  /** Absent when the bill is gone (deleted): its refused scans can still be read and dismissed. */
  bill?: Bill;
}

/** This bill's scans that were refused when sent after the connection came back. */
export function BillRefusedScans({ billNo, bill }: BillRefusedScansProps) {
  return (
    <RefusedScans
      path={billAttachPath(billNo)}
      describe={(job) =>
        attachErrorMessage(jobErrorToApiError(job.error), scannedCodeOf(job), bill)
      }
    />
  );
}
