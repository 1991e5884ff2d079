import { Link } from 'react-router';
import type { Bill } from '@common/contracts/bills';
import { useBills, type BillFilters } from '@/features/bills/api/get-bills';
import { billStatusText, billStatusTone, formatKg } from '@/features/bills/utils/bill-labels';
import { Badge } from '@/components/ui/badge';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { ListFooter } from '@/components/ui/list-footer';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { friendlyErrorMessage } from '@/lib/error-messages';
import { formatDateTime } from '@/lib/format';

function BillRow({ bill }: { bill: Bill }) {
  return (
    <li className="data-row">
      <div className="data-row__head">
        <Link to={paths.app.bill.getHref(bill.billNo)} className="data-row__title code">
          {bill.billNo}
        </Link>
        <Badge tone={billStatusTone(bill.status)}>{billStatusText(bill.status)}</Badge>
      </div>
      <dl className="data-row__meta">
        <div>
          <dt>Parents</dt>
          <dd>
            {bill.parentCount} / {bill.capacity}
          </dd>
        </div>
        <div>
          <dt>Child bags</dt>
          <dd>{bill.childCount}</dd>
        </div>
        <div>
          <dt>Weight</dt>
          <dd>{formatKg(bill.actualWeightKg)}</dd>
        </div>
        {bill.destination ? (
          <div>
            <dt>Destination</dt>
            <dd>{bill.destination}</dd>
          </div>
        ) : null}
        <div>
          <dt>Created</dt>
          <dd>
            {formatDateTime(bill.createdAt)}
            {bill.createdBy ? ` by ${bill.createdBy.username}` : ''}
          </dd>
        </div>
      </dl>
    </li>
  );
}

/** Bills matching the filters, newest first, loading more as the list scrolls. */
export function BillsList({ filters }: { filters: BillFilters }) {
  const query = useBills(filters);
  const bills = query.data?.pages.flatMap((page) => page.items);
  if (!bills) {
    return query.isPending ? (
      <Spinner size="lg" label="Loading bills…" />
    ) : (
      <Banner
        tone="error"
        title="Could not load the bills"
        action={
          <Button variant="secondary" onClick={() => void query.refetch()}>
            Try again
          </Button>
        }
      >
        {friendlyErrorMessage(query.error)}
      </Banner>
    );
  }
  if (bills.length === 0) {
    return <p className="empty-state">No bills match these filters.</p>;
  }
  return (
    <div className="stack">
      <ul className="data-list" aria-label="Bills">
        {bills.map((bill) => (
          <BillRow key={bill.billNo} bill={bill} />
        ))}
      </ul>
      <ListFooter
        count={bills.length}
        noun="bill"
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        isFetchNextPageError={query.isFetchNextPageError}
        error={query.error}
        fetchNextPage={() => void query.fetchNextPage()}
      />
    </div>
  );
}
