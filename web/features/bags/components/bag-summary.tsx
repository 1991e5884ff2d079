import { Link } from 'react-router';
import type { BagDetail } from '@common/contracts/bags';
import { areaDisplayName } from '@common/areas';
import { bagStatusLabel, bagStatusTone, bagTypeLabel } from '@/features/bags/utils/bag-labels';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format';

/** What the bag is: type, kind, status, children, weight, area, who made it when. */
export function BagSummary({ detail }: { detail: BagDetail }) {
  const { bag, kind } = detail;
  const isParent = bag.type === 'parent';
  return (
    <Card
      title={<span className="code">{bag.qr}</span>}
      tone="highlight"
      actions={
        <>
          <Badge tone={isParent ? 'accent' : 'primary'}>{bagTypeLabel(bag.type)}</Badge>
          {bag.status ? (
            <Badge tone={bagStatusTone(bag.status)}>{bagStatusLabel(bag.status)}</Badge>
          ) : null}
        </>
      }
    >
      <dl className="facts">
        {isParent ? (
          <>
            <div>
              <dt>Kind</dt>
              <dd>{kind?.label ?? bag.kind ?? 'Unknown'}</dd>
            </div>
            <div>
              <dt>Children</dt>
              <dd>
                {bag.childCount}
                {kind ? ` / ${kind.maxChildren}` : ''}
              </dd>
            </div>
          </>
        ) : (
          <div>
            <dt>In parent</dt>
            <dd>
              {detail.parent ? (
                <Link to={paths.app.lookup.getHref(detail.parent.qr)} className="code">
                  {detail.parent.qr}
                </Link>
              ) : (
                'None'
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>Weight</dt>
          <dd>
            {bag.weightKg} kg{isParent && kind ? ` (expected ${kind.expectedKg} kg)` : ''}
          </dd>
        </div>
        <div>
          <dt>Area</dt>
          <dd>{bag.dispatchArea ? areaDisplayName(bag.dispatchArea) : 'None'}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>
            {formatDateTime(bag.createdAt)}
            {bag.createdBy ? ` by ${bag.createdBy}` : ''}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
