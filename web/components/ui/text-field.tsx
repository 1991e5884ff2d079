import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field } from '@/components/ui/field';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}

export function TextField({ label, hint, error, className, ...inputProps }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {({ inputId, describedBy, isInvalid }) => (
        <input
          id={inputId}
          className={`field__control${className ? ` ${className}` : ''}`}
          aria-describedby={describedBy}
          aria-invalid={isInvalid || undefined}
          {...inputProps}
        />
      )}
    </Field>
  );
}
