import type { BillFilters } from '@/features/bills/api/get-bills';
import { BILL_STATUS_OPTIONS } from '@/features/bills/utils/bill-labels';
import { FilterPanel } from '@/components/ui/filter-panel';
import { SearchField } from '@/components/ui/filter-fields';
import { SelectField } from '@/components/ui/select-field';

export const BILL_FILTER_KEYS = ['q', 'status'] as const;
export type BillFilterValues = Record<(typeof BILL_FILTER_KEYS)[number], string>;

export function toBillFilters(values: BillFilterValues, q: string): BillFilters {
  const status = values.status;
  return {
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(status === 'new' || status === 'processing' || status === 'completed' ? { status } : {}),
  };
}

export interface BillsFiltersProps {
  values: BillFilterValues;
  onChange: (next: Partial<BillFilterValues>) => void;
}

export function BillsFilters({ values, onChange }: BillsFiltersProps) {
  return (
    <FilterPanel
      label="Filter bills"
      activeCount={values.status ? 1 : 0}
      onClear={() => onChange({ status: '' })}
      primary={
        <SearchField
          label="Bill number starts with"
          autoCapitalize="characters"
          value={values.q}
          onChange={(event) => onChange({ q: event.target.value })}
        />
      }
    >
      <SelectField
        label="Status"
        placeholder="Any status"
        options={BILL_STATUS_OPTIONS}
        value={values.status}
        onChange={(event) => onChange({ status: event.target.value })}
      />
    </FilterPanel>
  );
}
