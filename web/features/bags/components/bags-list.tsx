import { Link } from 'react-router';
import type { Bag, BagKind } from '@common/contracts/bags';
import { areaDisplayName } from '@common/areas';
import { useBags, type BagFilters } from '@/features/bags/api/get-bags';
import { bagStatusLabel, bagStatusTone, bagTypeLabel } from '@/features/bags/utils/bag-labels';
import { Badge } from '@/components/ui/badge';
import { PagedList } from '@/components/ui/paged-list';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format';

function BagRow({ bag, maxChildren }: { bag: Bag; maxChildren: number | null }) {
  return (
    <li className="data-row">
      <div className="data-row__head">
        <Link to={paths.app.lookup.getHref(bag.qr)} className="data-row__title code">
          {bag.qr}
        </Link>
        <Badge tone={bag.type === 'parent' ? 'accent' : 'primary'}>{bagTypeLabel(bag.type)}</Badge>
        {bag.status ? (
          <Badge tone={bagStatusTone(bag.status)}>{bagStatusLabel(bag.status)}</Badge>
        ) : null}
      </div>
      <dl className="data-row__meta">
        {bag.type === 'parent' ? (
          <div>
            <dt>Children</dt>
            <dd>
              {bag.childCount}
              {maxChildren ? ` / ${maxChildren}` : ''}
            </dd>
          </div>
        ) : null}
        {bag.kind ? (
          <div>
            <dt>Kind</dt>
            <dd>{bag.kind}</dd>
          </div>
        ) : null}
        <div>
          <dt>Weight</dt>
          <dd>{bag.weightKg} kg</dd>
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
    </li>
  );
}

export interface BagsListProps {
  filters: BagFilters;
  kinds: readonly BagKind[];
}

/** Bags matching the filters, newest first, loading more as the list scrolls. */
export function BagsList({ filters, kinds }: BagsListProps) {
  const query = useBags(filters);
  const maxOf = new Map(kinds.map((kind) => [kind.code, kind.maxChildren]));
  return (
    <PagedList
      query={query}
      label="Bags"
      loadingLabel="Loading bags…"
      errorTitle="Could not load the bags"
      emptyMessage="No bags match these filters."
      noun="bag"
      renderItem={(bag) => (
        <BagRow
          key={bag.qr}
          bag={bag}
          maxChildren={bag.kind ? (maxOf.get(bag.kind) ?? null) : null}
        />
      )}
    />
  );
}
