import { SelectField } from '@/components/ui/select-field';
import { TextField, type TextFieldProps } from '@/components/ui/text-field';
import { AREA_OPTIONS } from '@/lib/area-options';

/** A filter panel's main search box: no spell-check, the browser's search input. */
export function SearchField(props: Omit<TextFieldProps, 'type' | 'spellCheck'>) {
  return <TextField type="search" spellCheck={false} {...props} />;
}

export interface AreaFilterFieldProps {
  value: string;
  onChange: (area: string) => void;
}

/** "Area": any of the dispatch areas, or all of them. */
export function AreaFilterField({ value, onChange }: AreaFilterFieldProps) {
  return (
    <SelectField
      label="Area"
      placeholder="All areas"
      options={AREA_OPTIONS}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export interface DateRangeFieldsProps {
  /** e.g. "From" or "Created from". */
  fromLabel: string;
  /** e.g. "Until" or "Created until". */
  toLabel: string;
  from: string;
  to: string;
  onChange: (next: { from?: string; to?: string }) => void;
}

/** Two `datetime-local` inputs bounding a time range; either may be left empty. */
export function DateRangeFields({ fromLabel, toLabel, from, to, onChange }: DateRangeFieldsProps) {
  return (
    <>
      <TextField
        label={fromLabel}
        type="datetime-local"
        value={from}
        onChange={(e) => onChange({ from: e.target.value })}
      />
      <TextField
        label={toLabel}
        type="datetime-local"
        value={to}
        onChange={(e) => onChange({ to: e.target.value })}
      />
    </>
  );
}
