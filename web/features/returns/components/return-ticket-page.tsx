import { useMutation, useQueryClient } from '@tanstack/react-query';
import { areaDisplayName } from '@common/areas';
import type { CancelReturnResult, ReturnTicketDetail } from '@common/contracts/returns';
import { RETURNS_QUERY_KEY, cancelReturn, finalizeReturn } from '@/features/returns/api/returns';
import { CancelReport } from '@/features/returns/components/cancel-report';
import { ReturnLines } from '@/features/returns/components/return-lines';
import { ReturnRefusedScans } from '@/features/returns/components/return-refused-scans';
import { ReturnScanner } from '@/features/returns/components/return-scanner';
import {
  returnStatusText,
  returnStatusTone,
  ticketActionErrorMessage,
} from '@/features/returns/utils/return-messages';
import { Badge } from '@/components/ui/badge';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/lib/format';
import '@/features/bills/components/bills.css';

type Action = 'finalize' | 'cancel';

/** One return ticket: figures, scanner (while open), lines, Finalize and Cancel. */
export function ReturnTicketPage({ ticket }: { ticket: ReturnTicketDetail }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (action: Action): Promise<unknown> =>
      action === 'finalize' ? finalizeReturn(ticket.code) : cancelReturn(ticket.code),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: RETURNS_QUERY_KEY }),
  });
  const report =
    mutation.isSuccess && mutation.variables === 'cancel'
      ? (mutation.data as CancelReturnResult)
      : null;
  const isOpen = ticket.status === 'open';
  return (
    <>
      <Card
        title={<span className="code">{ticket.code}</span>}
        actions={
          <span data-testid="ticket-status">
            <Badge tone={returnStatusTone(ticket.status)}>{returnStatusText(ticket.status)}</Badge>
          </span>
        }
      >
        <dl className="facts">
          <div>
            <dt>C&amp;F location</dt>
            <dd>{areaDisplayName(ticket.location)}</dd>
          </div>
          <div>
            <dt>Bags</dt>
            <dd>{ticket.bagCount}</dd>
          </div>
          <div>
            <dt>Child bags</dt>
            <dd>{ticket.childCount}</dd>
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
        {ticket.notes ? <p className="muted">{ticket.notes}</p> : null}
      </Card>
      {mutation.error ? (
        <Banner tone="error">{ticketActionErrorMessage(mutation.error)}</Banner>
      ) : null}
      {mutation.isSuccess && mutation.variables === 'finalize' ? (
        <Banner tone="success">Ticket finalized.</Banner>
      ) : null}
      {report ? <CancelReport report={report} /> : null}
      {isOpen ? <ReturnScanner code={ticket.code} /> : null}
      <ReturnRefusedScans code={ticket.code} />
      {isOpen ? (
        <div className="row">
          <Button
            isLoading={mutation.isPending && mutation.variables === 'finalize'}
            onClick={() => mutation.mutate('finalize')}
          >
            Finalize
          </Button>
          <Button
            variant="secondary"
            isLoading={mutation.isPending && mutation.variables === 'cancel'}
            onClick={() => mutation.mutate('cancel')}
          >
            Cancel ticket
          </Button>
        </div>
      ) : null}
      <ReturnLines lines={ticket.lines} />
    </>
  );
}
