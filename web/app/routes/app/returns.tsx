import { useState } from 'react';
import { useNavigate } from 'react-router';
import { CreateReturnForm } from '@/features/returns/components/create-return-form';
import { ReturnsList } from '@/features/returns/components/returns-list';
import { Button } from '@/components/ui/button';
import { PlusIcon } from '@/components/ui/icons';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** IPT return tickets (admin, biller): the list and "New ticket". */
export function ReturnsRoute() {
  useDocumentTitle('Returns');
  const navigate = useNavigate();
  const [isCreating, setIsCreating] = useState(false);
  return (
    <div className="page">
      <div className="page__header">
        <h1>Returns</h1>
        {isCreating ? null : (
          <Button icon={<PlusIcon />} onClick={() => setIsCreating(true)}>
            New ticket
          </Button>
        )}
      </div>
      {isCreating ? (
        <CreateReturnForm
          onCancel={() => setIsCreating(false)}
          onCreated={(ticket) => void navigate(paths.app.returnTicket.getHref(ticket.code))}
        />
      ) : null}
      <ReturnsList />
    </div>
  );
}
