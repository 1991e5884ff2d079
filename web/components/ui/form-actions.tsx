import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';

export interface FormActionsProps {
  /** The submit button's words, e.g. "Create bill". */
  submitLabel: ReactNode;
  /** The form is being sent: the submit button shows it is busy. */
  isPending: boolean;
  onCancel: () => void;
}

/** A form's last row: its submit button, then "Cancel". */
export function FormActions({ submitLabel, isPending, onCancel }: FormActionsProps) {
  return (
    <div className="row">
      <Button type="submit" isLoading={isPending}>
        {submitLabel}
      </Button>
      <Button type="button" variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
