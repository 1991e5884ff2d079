import type { AuditFilters } from '@/features/audit/api/get-audit';
import { DateRangeFields, SearchField } from '@/components/ui/filter-fields';
import { FilterPanel } from '@/components/ui/filter-panel';
import { TextField } from '@/components/ui/text-field';
import { secondaryFilters, toDateRange } from '@/lib/filter-values';

export const AUDIT_FILTER_KEYS = ['actor', 'action', 'entity', 'from', 'to'] as const;
export type AuditFilterValues = Record<(typeof AUDIT_FILTER_KEYS)[number], string>;

/** Form values → API filters (text fields are debounced by the screen). */
export function toAuditFilters(values: AuditFilterValues): AuditFilters {
  return {
    ...(values.actor.trim() ? { actor: values.actor.trim() } : {}),
    ...(values.action.trim() ? { action: values.action.trim() } : {}),
    ...(values.entity.trim() ? { entity: values.entity.trim() } : {}),
    ...toDateRange(values),
  };
}

export interface AuditFiltersProps {
  values: AuditFilterValues;
  onChange: (next: Partial<AuditFilterValues>) => void;
}

export function AuditFiltersPanel({ values, onChange }: AuditFiltersProps) {
  const more = secondaryFilters(AUDIT_FILTER_KEYS, 'action', values, onChange);
  return (
    <FilterPanel
      label="Filter the audit log"
      {...more}
      primary={
        <SearchField
          label="Action"
          placeholder="user.update or user."
          autoCapitalize="none"
          value={values.action}
          onChange={(e) => onChange({ action: e.target.value })}
          hint="Exact, or a prefix ending in a dot."
        />
      }
    >
      <TextField
        label="Actor (username)"
        autoCapitalize="none"
        spellCheck={false}
        value={values.actor}
        onChange={(e) => onChange({ actor: e.target.value })}
      />
      <TextField
        label="Entity"
        placeholder="user or user:12"
        autoCapitalize="none"
        spellCheck={false}
        value={values.entity}
        onChange={(e) => onChange({ entity: e.target.value })}
      />
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
