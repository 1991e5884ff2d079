import { useQueryClient } from '@tanstack/react-query';
import type { ReturnScanResult } from '@common/contracts/returns';
import { readStationName } from '@/features/packing/utils/station-name';
import { RETURNS_QUERY_KEY, returnScanJob, returnScanPath } from '@/features/returns/api/returns';
import {
  returnScanErrorMessage,
  returnScanSuccess,
} from '@/features/returns/utils/return-messages';
import { WaitingScans } from '@/components/scan-queue/queued-scan-lists';
import { ScanResultView, useScanResult } from '@/components/ui/scan-result';
import { ScanInput } from '@/lib/scanner/scan-input';
import { newScanId } from '@/lib/scan-id';
import {
  keptOnDeviceText,
  lateScanText,
  scannedCodeOf,
  useQueuedScans,
} from '@/lib/scan-queue/use-queued-scans';

/** Scans returned parents into a ticket through the offline scan queue. */
function useReturnScan(code: string) {
  const queryClient = useQueryClient();
  const { result, show } = useScanResult();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: RETURNS_QUERY_KEY });
  const scans = useQueuedScans({
    path: returnScanPath(code),
    onAccepted: (_job, value, isLate) => {
      const shown = returnScanSuccess(value as ReturnScanResult);
      show(isLate ? { ...shown, text: lateScanText(shown.text, false) } : shown);
      refresh();
    },
    onRejected: (job, _error, cause, isLate) => {
      const text = returnScanErrorMessage(cause, scannedCodeOf(job));
      show({ tone: 'error', text: isLate ? lateScanText(text, true) : text });
      refresh();
    },
    onWaiting: (jobs) =>
      show({
        tone: 'parent',
        isPending: true,
        text: keptOnDeviceText(jobs.map(scannedCodeOf), 'returned'),
      }),
  });
  function scan(raw: string) {
    const station = readStationName();
    scans.send(
      returnScanJob(code, {
        qr: raw.trim(),
        scanId: newScanId(),
        ...(station ? { station } : {}),
      }),
    );
  }
  return { result, scan, scans };
}

/** Scan returned parents into an open ticket. */
export function ReturnScanner({ code }: { code: string }) {
  const { result, scan, scans } = useReturnScan(code);
  return (
    <section className="card stack" aria-label="Scan returned parent bags">
      <ScanInput
        label="Scan or type a returned parent bag"
        size="lg"
        onCode={scan}
        hint="Each parent leaves its bill and joins this ticket."
      />
      <ScanResultView result={result} />
      {scans.isStalled ? <WaitingScans pending={scans.pending} whose="for this ticket" /> : null}
    </section>
  );
}
