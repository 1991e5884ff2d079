import { Link } from 'react-router';
import type { Bag, BagDetail } from '@common/contracts/bags';
import { billStatusLabel } from '@/features/bags/utils/bag-labels';
import { Card } from '@/components/ui/card';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format';

function ChildrenList({ children, max }: { children: readonly Bag[]; max: number | null }) {
  if (children.length === 0) {
    return <p className="muted">No child bags in it.</p>;
  }
  return (
    <>
      <p className="muted">
        {children.length}
        {max ? ` of ${max}` : ''} child bag{children.length === 1 ? '' : 's'}, in the order they
        were packed.
      </p>
      <ol className="code-grid" aria-label="Child bags">
        {children.map((child) => (
          <li key={child.qr}>
            <Link to={paths.app.lookup.getHref(child.qr)} className="code">
              {child.qr}
            </Link>
          </li>
        ))}
      </ol>
    </>
  );
}

/** Where the bag sits: a child's parent, a parent's children, and the bill. */
export function BagRelations({ detail }: { detail: BagDetail }) {
  const { bag, parent } = detail;
  return (
    <>
      {bag.type === 'child' ? (
        <Card title="Parent">
          {parent ? (
            <p>
              In{' '}
              <Link to={paths.app.lookup.getHref(parent.qr)} className="code">
                {parent.qr}
              </Link>{' '}
              ({parent.childCount} / {parent.maxChildren})
              {parent.linkedAt ? `, since ${formatDateTime(parent.linkedAt)}` : ''}.
            </p>
          ) : (
            <p className="muted">Not in any parent bag.</p>
          )}
        </Card>
      ) : (
        <Card title="Children">
          <ChildrenList children={detail.children} max={detail.kind?.maxChildren ?? null} />
        </Card>
      )}
      <Card title="Bill">
        {detail.bill ? (
          <p>
            {bag.type === 'child' ? 'Its parent is on bill ' : 'On bill '}
            <Link to={paths.app.bill.getHref(detail.bill.billNo)} className="code">
              <strong>{detail.bill.billNo}</strong>
            </Link>{' '}
            ({billStatusLabel(detail.bill.status)}).
          </p>
        ) : (
          <p className="muted">
            {bag.type === 'parent'
              ? 'Not on a bill.'
              : 'Not on a bill (a child travels on its parent’s bill).'}
          </p>
        )}
      </Card>
    </>
  );
}
