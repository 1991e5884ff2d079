import { useParams } from 'react-router';
import { useReturnTicket } from '@/features/returns/api/returns';
import { ReturnTicketPage } from '@/features/returns/components/return-ticket-page';
import { Banner } from '@/components/ui/banner';
import { LinkButton } from '@/components/ui/button';
import { BackIcon } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { friendlyErrorMessage } from '@/lib/error-messages';

/** One return ticket (`/returns/:code`). */
export function ReturnTicketRoute() {
  const code = useParams().code ?? '';
  useDocumentTitle(`Return ${code}`);
  const query = useReturnTicket(code);
  let body;
  if (query.data) {
    body = <ReturnTicketPage ticket={query.data} />;
  } else if (query.isPending) {
    body = <Spinner size="lg" label="Loading the ticket…" />;
  } else {
    body = (
      <Banner tone="error" title="Could not load the ticket">
        {friendlyErrorMessage(query.error, { TICKET_NOT_FOUND: `Ticket ${code} not found.` })}
      </Banner>
    );
  }
  return (
    <div className="page">
      <div className="page__header">
        <h1>Return ticket</h1>
        <LinkButton variant="secondary" icon={<BackIcon />} to={paths.app.returns.getHref()}>
          All tickets
        </LinkButton>
      </div>
      {body}
    </div>
  );
}
