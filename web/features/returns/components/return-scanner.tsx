import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { readStationName } from '@/features/packing/utils/station-name';
import { RETURNS_QUERY_KEY, scanReturnBag } from '@/features/returns/api/returns';
import {
  returnScanErrorMessage,
  returnScanSuccess,
} from '@/features/returns/utils/return-messages';
import { ScanResultView, type ScanResult } from '@/components/ui/scan-result';
import { ScanInput } from '@/lib/scanner/scan-input';
import { newScanId } from '@/lib/scan-id';

/** Scan returned parents into an open ticket. */
export function ReturnScanner({ code }: { code: string }) {
  const queryClient = useQueryClient();
  const [result, setResult] = useState<ScanResult | null>(null);
  const nextId = useRef(0);
  async function scan(raw: string) {
    const qr = raw.trim();
    const station = readStationName();
    let next: Omit<ScanResult, 'id'>;
    try {
      const answer = await scanReturnBag(code, {
        qr,
        scanId: newScanId(),
        ...(station ? { station } : {}),
      });
      next = returnScanSuccess(answer);
    } catch (error) {
      next = { tone: 'error', text: returnScanErrorMessage(error, qr) };
    }
    nextId.current += 1;
    setResult({ ...next, id: nextId.current });
    void queryClient.invalidateQueries({ queryKey: RETURNS_QUERY_KEY });
  }
  return (
    <section className="card stack" aria-label="Scan returned parent bags">
      <ScanInput
        label="Scan or type a returned parent bag"
        size="lg"
        onCode={(raw) => void scan(raw)}
        hint="Each parent leaves its bill and joins this ticket."
      />
      <ScanResultView result={result} />
    </section>
  );
}
