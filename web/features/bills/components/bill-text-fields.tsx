import { BILL_TEXT_LIMITS } from '@/features/bills/utils/bill-form';
import { TextField } from '@/components/ui/text-field';

type BillTextKey = keyof typeof BILL_TEXT_LIMITS;

export interface BillTextFieldsProps {
  values: Record<BillTextKey, string>;
  errors: Partial<Record<BillTextKey, string>>;
  set: (key: BillTextKey) => (event: { target: { value: string } }) => void;
}

/** A bill's optional details: description, destination and vehicle number, each with its limit. */
export function BillTextFields({ values, errors, set }: BillTextFieldsProps) {
  return (
    <>
      <TextField
        label="Description"
        value={values.description}
        maxLength={BILL_TEXT_LIMITS.description}
        error={errors.description}
        onChange={set('description')}
      />
      <TextField
        label="Destination"
        value={values.destination}
        maxLength={BILL_TEXT_LIMITS.destination}
        error={errors.destination}
        onChange={set('destination')}
      />
      <TextField
        label="Vehicle number"
        autoCapitalize="characters"
        value={values.vehicleNumber}
        maxLength={BILL_TEXT_LIMITS.vehicleNumber}
        error={errors.vehicleNumber}
        onChange={set('vehicleNumber')}
      />
    </>
  );
}
