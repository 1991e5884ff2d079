import { useEffect, useRef, useState } from 'react';
import { giveScanFeedback, type ScanTone } from '@/lib/scanner/scan-feedback';
import './scan-result.css';

/** One scan's result on a scanning screen (bill page, return ticket). `id` grows per result. */
export interface ScanResult {
  id: number;
  tone: ScanTone;
  text: string;
  /** Kept on this device, not sent yet (no connection): shown in amber, no flash. */
  isPending?: boolean;
}

/** The last scan's result, and `show` to replace it (each new result gets a new `id`). */
export function useScanResult() {
  const [result, setResult] = useState<ScanResult | null>(null);
  const nextId = useRef(0);
  const show = (next: Omit<ScanResult, 'id'>) => {
    nextId.current += 1;
    setResult({ ...next, id: nextId.current });
  };
  return { result, show };
}

/**
 * The result of the last scan: a full-screen green or red flash (decorative), the tone and
 * vibration, a coloured message and an `aria-live` announcement (errors assertive).
 */
export function ScanResultView({ result }: { result: ScanResult | null }) {
  const id = result?.id ?? 0;
  const tone = result?.tone ?? null;
  useEffect(() => {
    if (id > 0 && tone) {
      giveScanFeedback(tone);
    }
  }, [id, tone]);
  const isError = tone === 'error';
  const isPending = result?.isPending === true;
  let look = 'empty';
  if (result) {
    look = isError ? 'error' : isPending ? 'pending' : 'success';
  }
  return (
    <>
      {result && tone !== 'undo' && !isPending ? (
        <div
          key={result.id}
          className={`scan-flash scan-flash--${isError ? 'error' : 'success'}`}
          aria-hidden="true"
        />
      ) : null}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {result && !isError ? <p key={result.id}>{result.text}</p> : null}
      </div>
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {result && isError ? <p key={result.id}>{result.text}</p> : null}
      </div>
      <p className={`scan-message scan-message--${look}`} data-testid="scan-message">
        {result?.text ?? '\u00a0'}
      </p>
    </>
  );
}
