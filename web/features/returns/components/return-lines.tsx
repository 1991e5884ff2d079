import type { ReturnLine } from '@common/contracts/returns';
import { Link } from 'react-router';
import { Card } from '@/components/ui/card';
import { paths } from '@/config/paths';
import { countOf, formatDateTime } from '@/lib/format';

/** The parents in the ticket: code, original bill, children, weight, who scanned it and when. */
export function ReturnLines({ lines }: { lines: readonly ReturnLine[] }) {
  return (
    <Card title={`Returned bags (${lines.length})`}>
      {lines.length === 0 ? (
        <p className="muted">No bags scanned yet.</p>
      ) : (
        <ul className="bill-lines" aria-label="Returned parent bags">
          {lines.map((line) => (
            <li key={line.qr} className="bill-line">
              <div>
                <Link to={paths.app.lookup.getHref(line.qr)} className="code">
                  {line.qr}
                </Link>
                <div className="bill-line__facts">
                  {line.originalBill ? (
                    <>
                      From bill{' '}
                      <Link to={paths.app.bill.getHref(line.originalBill)}>
                        {line.originalBill}
                      </Link>
                    </>
                  ) : (
                    'No bill'
                  )}{' '}
                  · {countOf(line.childCount, 'child bag')} · {line.weightKg} kg ·{' '}
                  {formatDateTime(line.scannedAt)}
                  {line.scannedBy ? ` by ${line.scannedBy}` : ''}
                  {line.restored === false && line.restoreNote
                    ? ` · not restored: ${line.restoreNote}`
                    : ''}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
