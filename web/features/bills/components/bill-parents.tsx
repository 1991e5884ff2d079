import type { BillParent } from '@common/contracts/bills';
import { Link } from 'react-router';
import { formatKg } from '@/features/bills/utils/bill-labels';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { paths } from '@/config/paths';
import { countOf, formatDateTime } from '@/lib/format';

export interface BillParentsProps {
  parents: readonly BillParent[];
  /** Null: view only (dispatchers). */
  onRemove: ((qr: string) => void) | null;
  removingQr: string | null;
}

/** The parents on the bill: code, kind, child count, weight, when attached; Remove. */
export function BillParents({ parents, onRemove, removingQr }: BillParentsProps) {
  return (
    <Card title={`Parent bags (${parents.length})`}>
      {parents.length === 0 ? (
        <p className="muted">No parent bags on this bill yet.</p>
      ) : (
        <ul className="bill-lines" aria-label="Attached parent bags">
          {parents.map((parent) => (
            <li key={parent.qr} className="bill-line">
              <div>
                <Link to={paths.app.lookup.getHref(parent.qr)} className="code">
                  {parent.qr}
                </Link>
                <div className="bill-line__facts">
                  {parent.kind ?? 'No kind'} · {countOf(parent.childCount, 'child bag')} ·{' '}
                  {formatKg(parent.weightKg)}
                  {parent.attachedAt ? ` · ${formatDateTime(parent.attachedAt)}` : ''}
                </div>
              </div>
              {onRemove ? (
                <Button
                  variant="secondary"
                  isLoading={removingQr === parent.qr}
                  aria-label={`Remove ${parent.qr}`}
                  onClick={() => onRemove(parent.qr)}
                >
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
