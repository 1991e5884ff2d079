import './spinner.css';

export interface SpinnerProps {
  size?: 'sm' | 'md' | 'lg';
  /** Announced to screen readers; omit for a decorative spinner inside a labelled control. */
  label?: string;
}

export function Spinner({ size = 'md', label }: SpinnerProps) {
  if (!label) {
    return <span className={`spinner spinner--${size}`} aria-hidden="true" />;
  }
  return (
    <span role="status" className="spinner-wrap">
      <span className={`spinner spinner--${size}`} aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

/** Centered spinner for a whole screen that is still loading. */
export function PageSpinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="page-spinner">
      <Spinner size="lg" label={label} />
    </div>
  );
}
