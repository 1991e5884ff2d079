import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Bill, PatchBillBody } from '@common/contracts/bills';
import { updateBill } from '@/features/bills/api/bill-actions';
import { BillTextFields } from '@/features/bills/components/bill-text-fields';
import {
  buildBillPatch,
  capacityConflictOf,
  editBillErrorMessage,
  editBillValues,
  validateEditBill,
  type EditBillErrors,
  type EditBillValues,
} from '@/features/bills/utils/bill-form';
import { Banner } from '@/components/ui/banner';
import { FormActions } from '@/components/ui/form-actions';
import { Card } from '@/components/ui/card';
import { TextField } from '@/components/ui/text-field';

export interface EditBillFormProps {
  bill: Bill;
  onSaved: (bill: Bill) => void;
  onCancel: () => void;
}

function useEditBill(bill: Bill, onSaved: (bill: Bill) => void) {
  const [values, setValues] = useState(() => editBillValues(bill));
  const [errors, setErrors] = useState<EditBillErrors>({});
  const [isUnchanged, setIsUnchanged] = useState(false);
  const mutation = useMutation({
    mutationFn: (patch: PatchBillBody) => updateBill(bill.billNo, patch),
    onSuccess: onSaved,
  });
  const set = (key: keyof EditBillValues) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [key]: event.target.value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
    setIsUnchanged(false);
    mutation.reset();
  };
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const found = validateEditBill(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    const patch = buildBillPatch(bill, values);
    setIsUnchanged(Object.keys(patch).length === 0);
    if (Object.keys(patch).length > 0) {
      mutation.mutate(patch);
    }
  }
  const capacityConflict = capacityConflictOf(mutation.error, bill);
  const otherError =
    mutation.error && !capacityConflict ? editBillErrorMessage(mutation.error) : null;
  return { values, errors, set, handleSubmit, mutation, capacityConflict, otherError, isUnchanged };
}

/** Edit a bill's description, destination, vehicle and capacity (admin, biller). */
export function EditBillForm({ bill, onSaved, onCancel }: EditBillFormProps) {
  const form = useEditBill(bill, onSaved);
  const attached = `${bill.parentCount} parent bag${bill.parentCount === 1 ? ' is' : 's are'} attached`;
  return (
    <Card title="Edit bill details">
      <form className="stack" noValidate onSubmit={form.handleSubmit} aria-label="Edit bill">
        {form.capacityConflict ? (
          <Banner tone="error">{form.capacityConflict.message}</Banner>
        ) : null}
        {form.otherError ? <Banner tone="error">{form.otherError}</Banner> : null}
        {form.isUnchanged ? <Banner tone="info">Nothing changed.</Banner> : null}
        <TextField
          label="Capacity (parent bags)"
          type="number"
          inputMode="numeric"
          min={Math.max(1, bill.parentCount)}
          max={500}
          autoFocus
          value={form.values.capacity}
          error={
            form.errors.capacity ??
            (form.capacityConflict ? `At least ${form.capacityConflict.attached}.` : undefined)
          }
          hint={`${attached}: the capacity cannot go below that.`}
          onChange={form.set('capacity')}
        />
        <BillTextFields values={form.values} errors={form.errors} set={form.set} />
        <FormActions
          submitLabel="Save changes"
          isPending={form.mutation.isPending}
          onCancel={onCancel}
        />
      </form>
    </Card>
  );
}
