import { returnScanPath } from '@/features/returns/api/returns';
import { returnScanErrorMessage } from '@/features/returns/utils/return-messages';
import { RefusedScans } from '@/components/scan-queue/queued-scan-lists';
import { jobErrorToApiError, scannedCodeOf } from '@/lib/scan-queue/use-queued-scans';

/** This ticket's scans that were refused when sent after the connection came back. */
export function ReturnRefusedScans({ code }: { code: string }) {
  return (
    <RefusedScans
      path={returnScanPath(code)}
      describe={(job) => returnScanErrorMessage(jobErrorToApiError(job.error), scannedCodeOf(job))}
    />
  );
}
