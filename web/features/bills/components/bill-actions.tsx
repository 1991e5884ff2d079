import { useState, type FormEvent } from 'react';
import type { Bill } from '@common/contracts/bills';
import { billPrintHref } from '@/features/bills/api/bill-actions';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';

export interface BillActionsProps {
  bill: Bill;
  canEdit: boolean;
  isBusy: boolean;
  onComplete: (reason: string | undefined) => void;
  onReopen: () => void;
}

function PrintLinks({ billNo }: { billNo: string }) {
  return (
    <>
      <a
        className="btn btn--secondary btn--md"
        href={billPrintHref(billNo)}
        target="_blank"
        rel="noopener"
      >
        Print
      </a>
      <a
        className="btn btn--secondary btn--md"
        href={billPrintHref(billNo, 'pdf')}
        target="_blank"
        rel="noopener"
      >
        PDF
      </a>
    </>
  );
}

/** Complete (a reason is required below capacity), Reopen, Print and PDF. */
export function BillActions({ bill, canEdit, isBusy, onComplete, onReopen }: BillActionsProps) {
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const isBelowCapacity = bill.parentCount < bill.capacity;
  const isCompleted = bill.status === 'completed';
  function handleComplete(event: FormEvent) {
    event.preventDefault();
    if (isBelowCapacity && !reason.trim()) {
      setReasonError('The bill is below its capacity: say why it is completed early.');
      return;
    }
    setReasonError(null);
    onComplete(isBelowCapacity ? reason.trim() : undefined);
  }
  return (
    <section className="card stack" aria-label="Bill actions">
      {canEdit && !isCompleted ? (
        <form className="stack" noValidate onSubmit={handleComplete}>
          {isBelowCapacity ? (
            <TextField
              label="Reason for completing early"
              value={reason}
              maxLength={500}
              error={reasonError}
              hint={`${bill.parentCount} of ${bill.capacity} parent bags are attached.`}
              onChange={(event) => setReason(event.target.value)}
            />
          ) : null}
          <div className="row">
            <Button type="submit" isLoading={isBusy}>
              Complete bill
            </Button>
          </div>
        </form>
      ) : null}
      <div className="row">
        {canEdit && isCompleted ? (
          <Button variant="secondary" isLoading={isBusy} onClick={onReopen}>
            Reopen
          </Button>
        ) : null}
        <PrintLinks billNo={bill.billNo} />
      </div>
    </section>
  );
}
