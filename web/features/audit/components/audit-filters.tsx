import type { AuditFilters } from '@/features/audit/api/get-audit';
import { FilterPanel } from '@/components/ui/filter-panel';
import { TextField } from '@/components/ui/text-field';
import { fromDateTimeLocal } from '@/lib/format';

export const AUDIT_FILTER_KEYS = ['actor', 'action', 'entity', 'from', 'to'] as const;
export type AuditFilterValues = Record<(typeof AUDIT_FILTER_KEYS)[number], string>;

/** Form values → API filters (text fields are debounced by the screen). */
export function toAuditFilters(values: AuditFilterValues): AuditFilters {
  const from = fromDateTimeLocal(values.from);
  const to = fromDateTimeLocal(values.to);
  return {
    ...(values.actor.trim() ? { actor: values.actor.trim() } : {}),
    ...(values.action.trim() ? { action: values.action.trim() } : {}),
    ...(values.entity.trim() ? { entity: values.entity.trim() } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

export interface AuditFiltersProps {
  values: AuditFilterValues;
  onChange: (next: Partial<AuditFilterValues>) => void;
}

export function AuditFiltersPanel({ values, onChange }: AuditFiltersProps) {
  const more = AUDIT_FILTER_KEYS.filter((key) => key !== 'action' && values[key]);
  return (
    <FilterPanel
      label="Filter the audit log"
      activeCount={more.length}
      onClear={() => onChange(Object.fromEntries(more.map((key) => [key, ''])))}
      primary={
        <TextField
          label="Action"
          type="search"
          placeholder="user.update or user."
          autoCapitalize="none"
          spellCheck={false}
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
