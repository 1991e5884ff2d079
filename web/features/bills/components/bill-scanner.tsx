import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Bill, BillDetail } from '@common/contracts/bills';
import { readStationName } from '@/features/packing/utils/station-name';
import { attachParent } from '@/features/bills/api/bill-actions';
import { BILLS_QUERY_KEY, billQueryKey } from '@/features/bills/api/get-bills';
import { attachErrorMessage, attachSuccess } from '@/features/bills/utils/bill-messages';
import { ScanResultView, type ScanResult } from '@/components/ui/scan-result';
import { ScanInput } from '@/lib/scanner/scan-input';
import { newScanId } from '@/lib/scan-id';

/** Scans a parent onto the bill and turns the answer into a result (tone, flash, message). */
function useBillScan(bill: Bill) {
  const queryClient = useQueryClient();
  const [result, setResult] = useState<ScanResult | null>(null);
  const nextId = useRef(0);
  const show = (next: Omit<ScanResult, 'id'>) => {
    nextId.current += 1;
    setResult({ ...next, id: nextId.current });
  };
  async function scan(raw: string, isManual: boolean) {
    const qr = raw.trim();
    const station = readStationName();
    try {
      const answer = await attachParent(bill.billNo, {
        qr,
        scanId: newScanId(),
        ...(isManual ? { manual: true } : {}),
        ...(station ? { station } : {}),
      });
      queryClient.setQueryData<BillDetail>(billQueryKey(bill.billNo), (current) =>
        current ? { ...current, bill: answer.bill } : current,
      );
      show(attachSuccess(qr, answer));
    } catch (error) {
      show({ tone: 'error', text: attachErrorMessage(error, qr, bill) });
    }
    void queryClient.invalidateQueries({ queryKey: BILLS_QUERY_KEY });
  }
  return { result, scan };
}

/** The bill page's scanner input (admin, biller): each parent scanned goes onto the bill. */
export function BillScanner({ bill, isPaused }: { bill: Bill; isPaused: boolean }) {
  const { result, scan } = useBillScan(bill);
  const [isManual, setIsManual] = useState(false);
  return (
    <section className="card stack" aria-label="Scan parent bags">
      <ScanInput
        label="Scan or type a parent bag"
        size="lg"
        onCode={(raw) => void scan(raw, isManual)}
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
    </section>
  );
}
