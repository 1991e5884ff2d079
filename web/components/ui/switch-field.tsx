import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import './field.css';

export interface SwitchFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'type' | 'role'
> {
  label: ReactNode;
  hint?: ReactNode;
}

/** An on/off choice as a big switch (a checkbox with role="switch"). */
export function SwitchField({ label, hint, ...inputProps }: SwitchFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="switch-field">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch-field__input"
        aria-describedby={hintId}
        {...inputProps}
      />
      <label htmlFor={id} className="switch-field__label">
        <span className="switch-field__track" aria-hidden="true" />
        <span>{label}</span>
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
