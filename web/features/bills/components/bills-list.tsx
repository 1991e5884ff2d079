import { Link } from 'react-router';
import type { Bill } from '@common/contracts/bills';
import { useBills, type BillFilters } from '@/features/bills/api/get-bills';
import { billStatusText, billStatusTone, formatKg } from '@/features/bills/utils/bill-labels';
import { Badge } from '@/components/ui/badge';
import { PagedList } from '@/components/ui/paged-list';
import { paths } from '@/config/paths';
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
  return (
    <PagedList
      query={useBills(filters)}
      label="Bills"
      loadingLabel="Loading bills…"
      errorTitle="Could not load the bills"
      emptyMessage="No bills match these filters."
      noun="bill"
      renderItem={(bill) => <BillRow key={bill.billNo} bill={bill} />}
    />
  );
}
