import { Link } from 'react-router';
import { areaDisplayName } from '@common/areas';
import { useReturns } from '@/features/returns/api/returns';
import { returnStatusText, returnStatusTone } from '@/features/returns/utils/return-messages';
import { Badge } from '@/components/ui/badge';
import { Banner } from '@/components/ui/banner';
import { ListFooter } from '@/components/ui/list-footer';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { friendlyErrorMessage } from '@/lib/error-messages';
import { formatDateTime } from '@/lib/format';

/** Return tickets, newest first, loading more as the list scrolls. */
export function ReturnsList() {
  const query = useReturns();
  const tickets = query.data?.pages.flatMap((page) => page.items);
  if (!tickets) {
    return query.isPending ? (
      <Spinner size="lg" label="Loading return tickets…" />
    ) : (
      <Banner tone="error">{friendlyErrorMessage(query.error)}</Banner>
    );
  }
  if (tickets.length === 0) {
    return <p className="empty-state">No return tickets yet.</p>;
  }
  return (
    <div className="stack">
      <ul className="data-list" aria-label="Return tickets">
        {tickets.map((ticket) => (
          <li key={ticket.code} className="data-row">
            <div className="data-row__head">
              <Link
                to={paths.app.returnTicket.getHref(ticket.code)}
                className="data-row__title code"
              >
                {ticket.code}
              </Link>
              <Badge tone={returnStatusTone(ticket.status)}>
                {returnStatusText(ticket.status)}
              </Badge>
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
        ))}
      </ul>
      <ListFooter
        count={tickets.length}
        noun="ticket"
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        isFetchNextPageError={query.isFetchNextPageError}
        error={query.error}
        fetchNextPage={() => void query.fetchNextPage()}
      />
    </div>
  );
}
