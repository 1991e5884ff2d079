import { useState, type FormEvent } from 'react';
import { STATION_NAME_MAX, stationNameProblem } from '@/features/packing/utils/station-name';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';

export interface StationNameFormProps {
  initialName: string | null;
  onSave: (name: string) => void;
  /** Present when renaming (a name exists already). */
  onCancel?: () => void;
}

/** Names this device's station once; the name is kept in the browser and sent with every scan. */
export function StationNameForm({ initialName, onSave, onCancel }: StationNameFormProps) {
  const [name, setName] = useState(initialName ?? '');
  const [error, setError] = useState<string | null>(null);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problem = stationNameProblem(name);
    if (problem) {
      setError(problem);
      return;
    }
    onSave(name.trim());
  }

  return (
    <form
      className="station-name-form"
      role={onCancel ? 'dialog' : undefined}
      aria-modal={onCancel ? true : undefined}
      aria-labelledby="station-name-title"
      onSubmit={handleSubmit}
      noValidate
    >
      <h2 id="station-name-title">{onCancel ? 'Rename this station' : 'Name this station'}</h2>
      <p className="muted">
        Every scan from this device carries the station name, so the dashboard can tell desks apart.
      </p>
      <TextField
        label="Station name"
        value={name}
        maxLength={STATION_NAME_MAX}
        autoFocus
        autoComplete="off"
        placeholder="Desk 3"
        error={error}
        onChange={(event) => {
          setName(event.target.value);
          setError(null);
        }}
      />
      <div className="row">
        <Button type="submit" size="lg">
          {onCancel ? 'Save' : 'Start packing'}
        </Button>
        {onCancel ? (
          <Button variant="ghost" size="lg" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
