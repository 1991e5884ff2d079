import type { BagKind } from '@common/contracts/bags';
import type { BagFilters } from '@/features/bags/api/get-bags';
import { FilterPanel } from '@/components/ui/filter-panel';
import { AreaFilterField, DateRangeFields, SearchField } from '@/components/ui/filter-fields';
import { SelectField } from '@/components/ui/select-field';
import { SwitchField } from '@/components/ui/switch-field';
import { secondaryFilters, toDateRange } from '@/lib/filter-values';

export const BAG_FILTER_KEYS = [
  'q',
  'type',
  'kind',
  'status',
  'area',
  'unlinked',
  'from',
  'to',
] as const;
export type BagFilterValues = Record<(typeof BAG_FILTER_KEYS)[number], string>;

const TYPE_OPTIONS = [
  { value: 'parent', label: 'Parent bags' },
  { value: 'child', label: 'Child bags' },
];
const STATUS_OPTIONS = [
  { value: 'empty', label: 'Empty' },
  { value: 'in_progress', label: 'Being packed' },
  { value: 'complete', label: 'Full' },
];

/** Form values (strings, from the address) → API filters; empty means "any". */
export function toBagFilters(values: BagFilterValues, q: string): BagFilters {
  return {
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(values.type === 'parent' || values.type === 'child' ? { type: values.type } : {}),
    ...(values.kind ? { kind: values.kind } : {}),
    ...(values.status === 'empty' || values.status === 'in_progress' || values.status === 'complete'
      ? { status: values.status }
      : {}),
    ...(values.area ? { area: values.area } : {}),
    ...(values.unlinked === 'true' ? { unlinked: true } : {}),
    ...toDateRange(values),
  };
}

export interface BagsFiltersProps {
  values: BagFilterValues;
  onChange: (next: Partial<BagFilterValues>) => void;
  kinds: readonly BagKind[];
  /** Dispatchers see their own area only: no area filter for them. */
  isAreaFilterShown: boolean;
}

export function BagsFilters({ values, onChange, kinds, isAreaFilterShown }: BagsFiltersProps) {
  const more = secondaryFilters(BAG_FILTER_KEYS, 'q', values, onChange);
  const kindOptions = kinds.map((kind) => ({ value: kind.code, label: kind.label }));
  return (
    <FilterPanel
      label="Filter bags"
      {...more}
      primary={
        <SearchField
          label="Code starts with"
          placeholder="SB122 or 00165"
          autoCapitalize="characters"
          value={values.q}
          onChange={(event) => onChange({ q: event.target.value })}
        />
      }
    >
      <SelectField
        label="Type"
        placeholder="All types"
        options={TYPE_OPTIONS}
        value={values.type}
        onChange={(e) => onChange({ type: e.target.value })}
      />
      <SelectField
        label="Kind"
        placeholder="All kinds"
        options={kindOptions}
        value={values.kind}
        onChange={(e) => onChange({ kind: e.target.value })}
      />
      <SelectField
        label="Status"
        placeholder="Any status"
        options={STATUS_OPTIONS}
        value={values.status}
        onChange={(e) => onChange({ status: e.target.value })}
      />
      {isAreaFilterShown ? (
        <AreaFilterField value={values.area} onChange={(area) => onChange({ area })} />
      ) : null}
      <DateRangeFields
        fromLabel="Created from"
        toLabel="Created until"
        from={values.from}
        to={values.to}
        onChange={onChange}
      />
      <SwitchField
        label="Only children in no parent"
        checked={values.unlinked === 'true'}
        onChange={(e) => onChange({ unlinked: e.target.checked ? 'true' : '' })}
      />
    </FilterPanel>
  );
}
