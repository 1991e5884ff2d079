import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bill, BillDetail } from '@common/contracts/bills';
import { deleteBill } from '@/features/bills/api/bill-actions';
import { BILLS_QUERY_KEY, billQueryKey } from '@/features/bills/api/get-bills';
import { EditBillForm } from '@/features/bills/components/edit-bill-form';
import { deleteBillErrorMessage } from '@/features/bills/utils/bill-form';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { countOf } from '@/lib/format';

export type BillManageMode = 'view' | 'edit' | 'delete';

export interface BillManageProps {
  bill: Bill;
  /** Admins and billers edit a bill's details. */
  canEdit: boolean;
  /** Only admins delete a bill (SPEC §3). */
  canDelete: boolean;
  mode: BillManageMode;
  onModeChange: (mode: BillManageMode) => void;
  /** Saved (the bill's cached detail already shows the new values). */
  onSaved: () => void;
  /** Deleted (the bills list is refreshed). */
  onDeleted: () => void;
}

function DeleteBillDialog({
  bill,
  onCancel,
  onDeleted,
}: {
  bill: Bill;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => deleteBill(bill.billNo),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [...BILLS_QUERY_KEY, 'list'] });
      onDeleted();
    },
  });
  const parents = countOf(bill.parentCount, 'parent bag');
  return (
    <ConfirmDialog
      title={`Delete bill ${bill.billNo}?`}
      confirmLabel="Delete bill"
      isDanger
      isBusy={mutation.isPending}
      error={mutation.error ? deleteBillErrorMessage(mutation.error) : null}
      onConfirm={() => mutation.mutate()}
      onCancel={onCancel}
    >
      <p>The bill is removed for good. This cannot be undone.</p>
      <p>
        {bill.parentCount > 0
          ? `Its ${parents} are not deleted: they are taken off the bill, keep their child bags and can go on another bill.`
          : 'No parent bags are on it.'}
      </p>
    </ConfirmDialog>
  );
}

/** "Edit details" (admin, biller) and "Delete bill" (admin, after a confirmation). */
export function BillManage({
  bill,
  canEdit,
  canDelete,
  mode,
  onModeChange,
  onSaved,
  onDeleted,
}: BillManageProps) {
  const queryClient = useQueryClient();
  function handleSaved(saved: Bill) {
    queryClient.setQueryData<BillDetail>(billQueryKey(saved.billNo), (current) =>
      current ? { ...current, bill: saved } : current,
    );
    void queryClient.invalidateQueries({ queryKey: BILLS_QUERY_KEY });
    onSaved();
  }
  if (!canEdit && !canDelete) {
    return null;
  }
  if (mode === 'edit') {
    return <EditBillForm bill={bill} onSaved={handleSaved} onCancel={() => onModeChange('view')} />;
  }
  return (
    <>
      <div className="row" role="group" aria-label="Manage the bill">
        {canEdit ? (
          <Button variant="secondary" onClick={() => onModeChange('edit')}>
            Edit details
          </Button>
        ) : null}
        {canDelete ? (
          <Button variant="danger" onClick={() => onModeChange('delete')}>
            Delete bill
          </Button>
        ) : null}
      </div>
      {mode === 'delete' ? (
        <DeleteBillDialog bill={bill} onCancel={() => onModeChange('view')} onDeleted={onDeleted} />
      ) : null}
    </>
  );
}
