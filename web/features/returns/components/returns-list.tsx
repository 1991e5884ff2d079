import { Link } from 'react-router';
import type { ReturnTicket } from '@common/contracts/returns';
import { areaDisplayName } from '@common/areas';
import { useReturns } from '@/features/returns/api/returns';
import { returnStatusText, returnStatusTone } from '@/features/returns/utils/return-messages';
import { Badge } from '@/components/ui/badge';
import { PagedList } from '@/components/ui/paged-list';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format';

function ReturnRow({ ticket }: { ticket: ReturnTicket }) {
  return (
    <li className="data-row">
      <div className="data-row__head">
        <Link to={paths.app.returnTicket.getHref(ticket.code)} className="data-row__title code">
          {ticket.code}
        </Link>
        <Badge tone={returnStatusTone(ticket.status)}>{returnStatusText(ticket.status)}</Badge>
      </div>
      <dl className="data-row__meta">
        <div>
          <dt>Location</dt>
          <dd>{areaDisplayName(ticket.location)}</dd>
        </div>
        <div>
          <dt>Bags</dt>
          <dd>{ticket.bagCount}</dd>
        </div>
        <div>
          <dt>Weight</dt>
          <dd>{ticket.weightKg} kg</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>
            {formatDateTime(ticket.createdAt)}
            {ticket.createdBy ? ` by ${ticket.createdBy}` : ''}
          </dd>
        </div>
      </dl>
    </li>
  );
}

/** Return tickets, newest first, loading more as the list scrolls. */
export function ReturnsList() {
  return (
    <PagedList
      query={useReturns()}
      label="Return tickets"
      loadingLabel="Loading return tickets…"
      emptyMessage="No return tickets yet."
      noun="ticket"
      renderItem={(ticket) => <ReturnRow key={ticket.code} ticket={ticket} />}
    />
  );
}
