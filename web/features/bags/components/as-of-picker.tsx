import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { fromDateTimeLocal, toDateTimeLocal } from '@/lib/format';

export interface AsOfPickerProps {
  /** ISO time, or null for "now". */
  at: string | null;
  onChange: (at: string | null) => void;
}

/** "What was in SB12260 on 3 March?": pick a moment; the trace shows the bag as it was then. */
export function AsOfPicker({ at, onChange }: AsOfPickerProps) {
  const [value, setValue] = useState(() => toDateTimeLocal(at));
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    onChange(fromDateTimeLocal(value));
  }
  return (
    <form className="as-of" onSubmit={handleSubmit} aria-label="As of">
      <TextField
        label="As of (date and time)"
        type="datetime-local"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        hint="Shows what the bag held, and where it was, at that moment."
      />
      <div className="row">
        <Button type="submit" variant="secondary" disabled={!value}>
          Show then
        </Button>
        {at ? (
          <Button
            variant="ghost"
            onClick={() => {
              setValue('');
              onChange(null);
            }}
          >
            Back to now
          </Button>
        ) : null}
      </div>
    </form>
  );
}
