import { useId, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { useScanInput, type UseScanInputOptions } from '@/lib/scanner/use-scan-input';
import './scan-input.css';

export interface ScanInputProps extends UseScanInputOptions {
  /** Receives each whole code as scanned or typed (raw; normalise with common/qr.ts). */
  onCode: (raw: string) => void;
  label: ReactNode;
  hint?: ReactNode;
  placeholder?: string;
  /** A button next to the input that submits what was typed, e.g. "Look up". */
  submitLabel?: string;
  size?: 'md' | 'lg';
  /** Visually hide the label (it is still read out). */
  isLabelHidden?: boolean;
  /** Focus on mount (implied by keepFocus). */
  autoFocus?: boolean;
}

/** The labelled scanner input: a scanner (Enter/Tab ending a code) or the keyboard feeds it. */
export function ScanInput({
  onCode,
  label,
  hint,
  placeholder,
  submitLabel,
  size = 'md',
  isLabelHidden = false,
  keepFocus,
  isActive,
  autoFocus,
}: ScanInputProps) {
  const { inputRef, inputProps, submit } = useScanInput(onCode, { keepFocus, isActive });
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={`scan-input scan-input--${size}`}>
      <label htmlFor={id} className={isLabelHidden ? 'visually-hidden' : 'scan-input__label'}>
        {label}
      </label>
      <div className="scan-input__row">
        <input
          ref={inputRef}
          id={id}
          type="text"
          className="scan-input__control"
          placeholder={placeholder}
          aria-describedby={hintId}
          autoFocus={autoFocus}
          {...inputProps}
        />
        {submitLabel ? (
          <Button variant="primary" size={size} onClick={submit}>
            {submitLabel}
          </Button>
        ) : null}
      </div>
      {hint ? (
        <p id={hintId} className="scan-input__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
