import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { classifyCode, DEFAULT_BAG_KINDS } from '@common/qr';
import { useBagKinds } from '@/features/bag-kinds/api/get-bag-kinds';
import { BagTrace } from '@/features/bags/components/bag-trace';
import { Banner } from '@/components/ui/banner';
import { Card } from '@/components/ui/card';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ScanInput } from '@/lib/scanner/scan-input';

/**
 * Lookup / trace (SPEC §8): scan or type any code → its whole story. The code and the "as of"
 * moment live in the address (`?code=&at=`), so a trace can be shared or bookmarked.
 */
export function LookupRoute() {
  const [params, setParams] = useSearchParams();
  const code = params.get('code');
  const at = params.get('at');
  useDocumentTitle(code ? `Lookup ${code}` : 'Lookup');
  const kinds = useBagKinds().data?.items ?? DEFAULT_BAG_KINDS;
  const [localError, setLocalError] = useState<string | null>(null);

  function handleCode(raw: string) {
    const scanned = classifyCode(raw, kinds);
    if (scanned.type === 'error') {
      setLocalError(scanned.message);
      return;
    }
    setLocalError(null);
    setParams({ code: scanned.code });
  }

  return (
    <div className="page">
      <h1>Lookup</h1>
      <Card>
        <ScanInput
          label="Scan or type any code"
          submitLabel="Look up"
          onCode={handleCode}
          keepFocus={false}
          autoFocus
          hint="A parent (SB12260), a child label number (0016586) or a whole child label."
        />
      </Card>
      {localError ? <Banner tone="error">{localError}</Banner> : null}
      {code ? (
        <BagTrace
          key={code}
          code={code}
          at={at}
          onAtChange={(next) => setParams(next ? { code, at: next } : { code })}
        />
      ) : (
        <p className="muted">
          The bag’s kind, its parent or children, its bill and every event appear here.
        </p>
      )}
    </div>
  );
}
