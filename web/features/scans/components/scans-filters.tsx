import type { ScanFilters } from '@/features/scans/api/get-scans';
import { FilterPanel } from '@/components/ui/filter-panel';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { AREA_OPTIONS } from '@/lib/area-options';
import { fromDateTimeLocal } from '@/lib/format';

export const SCAN_FILTER_KEYS = ['user', 'station', 'type', 'area', 'from', 'to'] as const;
export type ScanFilterValues = Record<(typeof SCAN_FILTER_KEYS)[number], string>;

const TYPE_OPTIONS = [
  { value: 'parent', label: 'Parent' },
  { value: 'child', label: 'Child' },
  { value: 'bill', label: 'Bill' },
  { value: 'return', label: 'Return' },
];

/** Form values → API filters; `user` and `station` are debounced by the screen. */
export function toScanFilters(values: ScanFilterValues): ScanFilters {
  const from = fromDateTimeLocal(values.from);
  const to = fromDateTimeLocal(values.to);
  return {
    ...(values.user.trim() ? { user: values.user.trim() } : {}),
    ...(values.station.trim() ? { station: values.station.trim() } : {}),
    ...(values.type ? { type: values.type } : {}),
    ...(values.area ? { area: values.area } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

export interface ScansFiltersProps {
  values: ScanFilterValues;
  onChange: (next: Partial<ScanFilterValues>) => void;
  isAreaFilterShown: boolean;
}

export function ScansFilters({ values, onChange, isAreaFilterShown }: ScansFiltersProps) {
  const more = SCAN_FILTER_KEYS.filter((key) => key !== 'user' && values[key]);
  return (
    <FilterPanel
      label="Filter scans"
      activeCount={more.length}
      onClear={() => onChange(Object.fromEntries(more.map((key) => [key, ''])))}
      primary={
        <TextField
          label="User"
          type="search"
          placeholder="Username"
          autoCapitalize="none"
          spellCheck={false}
          value={values.user}
          onChange={(e) => onChange({ user: e.target.value })}
        />
      }
    >
      <TextField
        label="Station"
        value={values.station}
        onChange={(e) => onChange({ station: e.target.value })}
      />
      <SelectField
        label="Type"
        placeholder="All types"
        options={TYPE_OPTIONS}
        value={values.type}
        onChange={(e) => onChange({ type: e.target.value })}
      />
      {isAreaFilterShown ? (
        <SelectField
          label="Area"
          placeholder="All areas"
          options={AREA_OPTIONS}
          value={values.area}
          onChange={(e) => onChange({ area: e.target.value })}
        />
      ) : null}
      <TextField
        label="From"
        type="datetime-local"
        value={values.from}
        onChange={(e) => onChange({ from: e.target.value })}
      />
      <TextField
        label="Until"
        type="datetime-local"
        value={values.to}
        onChange={(e) => onChange({ to: e.target.value })}
      />
    </FilterPanel>
  );
}
