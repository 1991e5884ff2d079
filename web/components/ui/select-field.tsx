import type { ReactNode, SelectHTMLAttributes } from 'react';
import { Field } from '@/components/ui/field';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: ReactNode;
  options: readonly SelectOption[];
  /** A first, empty choice such as "Choose an area" or "All roles". */
  placeholder?: string;
  hint?: ReactNode;
  error?: ReactNode;
}

export function SelectField({
  label,
  options,
  placeholder,
  hint,
  error,
  ...selectProps
}: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {({ inputId, describedBy, isInvalid }) => (
        <select
          id={inputId}
          className="field__control field__control--select"
          aria-describedby={describedBy}
          aria-invalid={isInvalid || undefined}
          {...selectProps}
        >
          {placeholder === undefined ? null : <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
