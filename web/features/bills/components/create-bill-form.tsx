import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Bill } from '@common/contracts/bills';
import { createBill } from '@/features/bills/api/bill-actions';
import { BILLS_QUERY_KEY } from '@/features/bills/api/get-bills';
import { BillTextFields } from '@/features/bills/components/bill-text-fields';
import { Banner } from '@/components/ui/banner';
import { FormActions } from '@/components/ui/form-actions';
import { Card } from '@/components/ui/card';
import { TextField } from '@/components/ui/text-field';
import { isApiError } from '@/lib/api-client';
import { friendlyErrorMessage } from '@/lib/error-messages';

const EMPTY = { billNo: '', capacity: '', description: '', destination: '', vehicleNumber: '' };
type Values = typeof EMPTY;
type Errors = Partial<Record<keyof Values, string>>;

function validate(values: Values): Errors {
  const errors: Errors = {};
  if (!values.billNo.trim()) {
    errors.billNo = 'Give the bill a number.';
  } else if (values.billNo.trim().length > 50) {
    errors.billNo = 'At most 50 characters.';
  }
  const capacity = Number(values.capacity);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 500) {
    errors.capacity = 'A whole number of parent bags from 1 to 500.';
  }
  return errors;
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

interface BillFieldsProps {
  values: Values;
  errors: Errors;
  set: (key: keyof Values) => (event: { target: { value: string } }) => void;
}

function BillFields({ values, errors, set }: BillFieldsProps) {
  return (
    <>
      <TextField
        label="Bill number"
        autoCapitalize="characters"
        spellCheck={false}
        value={values.billNo}
        error={errors.billNo}
        onChange={set('billNo')}
      />
      <TextField
        label="Capacity (parent bags)"
        type="number"
        inputMode="numeric"
        min={1}
        max={500}
        value={values.capacity}
        error={errors.capacity}
        hint="1 to 500."
        onChange={set('capacity')}
      />
      <BillTextFields values={values} errors={errors} set={set} />
    </>
  );
}

export interface CreateBillFormProps {
  onCreated: (bill: Bill) => void;
  onCancel: () => void;
}

/** "New bill" (admin, biller): number, capacity, and the optional shipping details. */
export function CreateBillForm({ onCreated, onCancel }: CreateBillFormProps) {
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: createBill,
    onSuccess: (bill) => {
      void queryClient.invalidateQueries({ queryKey: BILLS_QUERY_KEY });
      onCreated(bill);
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'BILL_EXISTS') {
        setErrors({
          billNo: `Bill ${values.billNo.trim()} already exists. Choose another number.`,
        });
      }
    },
  });
  const set = (key: keyof Values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length === 0) {
      mutation.mutate({
        billNo: values.billNo.trim(),
        capacity: Number(values.capacity),
        description: optional(values.description),
        destination: optional(values.destination),
        vehicleNumber: optional(values.vehicleNumber),
      });
    }
  }
  const otherError =
    mutation.error && !(isApiError(mutation.error) && mutation.error.code === 'BILL_EXISTS')
      ? friendlyErrorMessage(mutation.error)
      : null;
  return (
    <Card title="New bill">
      <form className="stack" noValidate onSubmit={handleSubmit}>
        {otherError ? <Banner tone="error">{otherError}</Banner> : null}
        <BillFields values={values} errors={errors} set={set} />
        <FormActions submitLabel="Create bill" isPending={mutation.isPending} onCancel={onCancel} />
      </form>
    </Card>
  );
}
