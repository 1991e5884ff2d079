import { useId, type ReactNode } from 'react';
import './field.css';

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  children: (ids: FieldIds) => ReactNode;
}

export interface FieldIds {
  inputId: string;
  describedBy: string | undefined;
  isInvalid: boolean;
}

/** Label, control, hint and error wired together for assistive technology. */
export function Field({ label, hint, error, children }: FieldProps) {
  const baseId = useId();
  const inputId = `${baseId}-input`;
  const hintId = hint ? `${baseId}-hint` : null;
  const errorId = error ? `${baseId}-error` : null;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      {children({ inputId, describedBy, isInvalid: Boolean(error) })}
      {errorId ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      {hintId ? (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}
