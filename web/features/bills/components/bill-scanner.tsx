import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AttachResult, Bill, BillDetail } from '@common/contracts/bills';
import { readStationName } from '@/features/packing/utils/station-name';
import { attachParentJob, billAttachPath } from '@/features/bills/api/bill-actions';
import { BILLS_QUERY_KEY, billQueryKey } from '@/features/bills/api/get-bills';
import { attachErrorMessage, attachSuccess } from '@/features/bills/utils/bill-messages';
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

/**
 * Scans a parent onto the bill through the offline scan queue (kept on the device and replayed in
 * order without a connection) and turns each answer into a result (tone, flash, message).
 */
function useBillScan(bill: Bill) {
  const queryClient = useQueryClient();
  const { result, show } = useScanResult();
  const { billNo } = bill;
  const scans = useQueuedScans({
    path: billAttachPath(billNo),
    onAccepted: (job, value, isLate) => {
      const answer = value as AttachResult;
      queryClient.setQueryData<BillDetail>(billQueryKey(billNo), (current) =>
        current ? { ...current, bill: answer.bill } : current,
      );
      const shown = attachSuccess(scannedCodeOf(job), answer);
      show(isLate ? { ...shown, text: lateScanText(shown.text, false) } : shown);
      void queryClient.invalidateQueries({ queryKey: BILLS_QUERY_KEY });
    },
    onRejected: (job, _error, cause, isLate) => {
      const text = attachErrorMessage(cause, scannedCodeOf(job), bill);
      show({ tone: 'error', text: isLate ? lateScanText(text, true) : text });
      void queryClient.invalidateQueries({ queryKey: BILLS_QUERY_KEY });
    },
    onWaiting: (jobs) =>
      show({
        tone: 'parent',
        isPending: true,
        text: keptOnDeviceText(jobs.map(scannedCodeOf), 'attached'),
      }),
  });
  function scan(raw: string, isManual: boolean) {
    const station = readStationName();
    scans.send(
      attachParentJob(billNo, {
        qr: raw.trim(),
        scanId: newScanId(),
        ...(isManual ? { manual: true } : {}),
        ...(station ? { station } : {}),
      }),
    );
  }
  return { result, scan, scans };
}

/** The bill page's scanner input (admin, biller): each parent scanned goes onto the bill. */
export function BillScanner({ bill, isPaused }: { bill: Bill; isPaused: boolean }) {
  const { result, scan, scans } = useBillScan(bill);
  const [isManual, setIsManual] = useState(false);
  return (
    <section className="card stack" aria-label="Scan parent bags">
      <ScanInput
        label="Scan or type a parent bag"
        size="lg"
        onCode={(raw) => scan(raw, isManual)}
        isActive={!isPaused}
        hint="A scanner types the code and presses Enter. You can type it and press Enter too."
      />
      <label className="bill-scan-options">
        <input
          type="checkbox"
          checked={isManual}
          onChange={(event) => setIsManual(event.target.checked)}
        />
        Typed entry (may create an unknown parent bag)
      </label>
      <ScanResultView result={result} />
      {scans.isStalled ? <WaitingScans pending={scans.pending} whose="for this bill" /> : null}
    </section>
  );
}
