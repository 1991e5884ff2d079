import type { CancelReturnResult } from '@common/contracts/returns';
import { Card } from '@/components/ui/card';

/** What cancelling did: the bags put back on their bills and the ones it could not. */
export function CancelReport({ report }: { report: CancelReturnResult }) {
  return (
    <Card title="Cancel report">
      <p>
        {report.restored.length} bag{report.restored.length === 1 ? '' : 's'} put back on their
        bills.
      </p>
      {report.restored.length > 0 ? (
        <ul aria-label="Restored bags">
          {report.restored.map((qr) => (
            <li key={qr} className="code">
              {qr}
            </li>
          ))}
        </ul>
      ) : null}
      {report.notRestored.length > 0 ? (
        <>
          <p>Not restored:</p>
          <ul aria-label="Bags not restored">
            {report.notRestored.map((item) => (
              <li key={item.qr}>
                <span className="code">{item.qr}</span>
                {item.bill ? ` (bill ${item.bill})` : ''}: {item.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
