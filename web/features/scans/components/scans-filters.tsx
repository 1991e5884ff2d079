import type { ScanFilters } from '@/features/scans/api/get-scans';
import { AreaFilterField, DateRangeFields, SearchField } from '@/components/ui/filter-fields';
import { FilterPanel } from '@/components/ui/filter-panel';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { secondaryFilters, toDateRange } from '@/lib/filter-values';

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
  return {
    ...(values.user.trim() ? { user: values.user.trim() } : {}),
    ...(values.station.trim() ? { station: values.station.trim() } : {}),
    ...(values.type ? { type: values.type } : {}),
    ...(values.area ? { area: values.area } : {}),
    ...toDateRange(values),
  };
}

export interface ScansFiltersProps {
  values: ScanFilterValues;
  onChange: (next: Partial<ScanFilterValues>) => void;
  isAreaFilterShown: boolean;
}

export function ScansFilters({ values, onChange, isAreaFilterShown }: ScansFiltersProps) {
  const more = secondaryFilters(SCAN_FILTER_KEYS, 'user', values, onChange);
  return (
    <FilterPanel
      label="Filter scans"
      {...more}
      primary={
        <SearchField
          label="User"
          placeholder="Username"
          autoCapitalize="none"
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
        <AreaFilterField value={values.area} onChange={(area) => onChange({ area })} />
      ) : null}
      <DateRangeFields
        fromLabel="From"
        toLabel="Until"
        from={values.from}
        to={values.to}
        onChange={onChange}
      />
    </FilterPanel>
  );
}
