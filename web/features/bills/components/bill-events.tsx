import type { BillEvent } from '@common/contracts/bills';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/lib/format';

const ACTION_TEXT: Record<string, string> = {
  create: 'Created',
  attach: 'Attached',
  remove: 'Removed',
  complete: 'Completed',
  reopen: 'Reopened',
  return: 'Returned (IPT)',
  restore: 'Restored from a cancelled return',
  edit: 'Edited',
};

function describe(event: BillEvent): string {
  const action = ACTION_TEXT[event.action] ?? event.action;
  const parent = event.parentQr ? ` ${event.parentQr}` : '';
  const note = event.note ? ` (${event.note})` : '';
  return `${action}${parent}${note}`;
}

/** The bill's history, newest first. */
export function BillEvents({
  events,
  isTruncated,
}: {
  events: readonly BillEvent[];
  isTruncated: boolean;
}) {
  const newestFirst = [...events].reverse();
  return (
    <Card title="History">
      {newestFirst.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <ol className="bill-events" aria-label="Bill history, newest first">
          {newestFirst.map((event, index) => (
            <li key={`${event.at}-${index}`}>
              <span className="muted">{formatDateTime(event.at)}</span> {describe(event)}
              {event.user ? ` by ${event.user}` : ''}
            </li>
          ))}
        </ol>
      )}
      {isTruncated ? <p className="muted">Older events are not shown.</p> : null}
    </Card>
  );
}
