import { Link } from 'react-router';
import type { BagSnapshot } from '@common/contracts/bags';
import { Banner } from '@/components/ui/banner';
import { Card } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { friendlyErrorMessage } from '@/lib/error-messages';
import { formatDateTime } from '@/lib/format';

export interface BagSnapshotViewProps {
  snapshot: BagSnapshot | undefined;
  isPending: boolean;
  error: unknown;
}

/** The bag's parent or children as they were at the chosen moment (`?at=`). */
export function BagSnapshotView({ snapshot, isPending, error }: BagSnapshotViewProps) {
  if (error) {
    return <Banner tone="error">{friendlyErrorMessage(error)}</Banner>;
  }
  if (isPending || !snapshot) {
    return <Spinner label="Reading the history…" />;
  }
  const title = `As of ${formatDateTime(snapshot.at)}`;
  const bill = snapshot.bill ? (
    <p>
      On bill <strong className="code">{snapshot.bill.billNo}</strong> (since{' '}
      {formatDateTime(snapshot.bill.attachedAt)}).
    </p>
  ) : (
    <p className="muted">On no bill.</p>
  );
  if (snapshot.type === 'child') {
    return (
      <Card title={title} tone="highlight">
        {snapshot.parent ? (
          <p>
            <span className="code">{snapshot.qr}</span> was in{' '}
            <Link to={paths.app.lookup.getHref(snapshot.parent.qr)} className="code">
              {snapshot.parent.qr}
            </Link>{' '}
            (packed {formatDateTime(snapshot.parent.linkedAt)}).
          </p>
        ) : (
          <p>
            <span className="code">{snapshot.qr}</span> was in no parent bag.
          </p>
        )}
        {bill}
      </Card>
    );
  }
  return (
    <Card title={title} tone="highlight">
      <p>
        <span className="code">{snapshot.qr}</span> held {snapshot.children.length} child bag
        {snapshot.children.length === 1 ? '' : 's'}.
      </p>
      {snapshot.children.length > 0 ? (
        <ol className="code-grid" aria-label={`Child bags as of ${formatDateTime(snapshot.at)}`}>
          {snapshot.children.map((child) => (
            <li key={child.qr}>
              <Link to={paths.app.lookup.getHref(child.qr)} className="code">
                {child.qr}
              </Link>
            </li>
          ))}
        </ol>
      ) : null}
      {bill}
    </Card>
  );
}
