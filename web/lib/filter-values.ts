import { fromDateTimeLocal } from '@/lib/format';

/**
 * The filter panel's count and "Clear filters" for string-valued filters kept in the address:
 * every set key but the always-visible `primary` one counts, and clearing empties just those.
 */
export function secondaryFilters<K extends string>(
  keys: readonly K[],
  primary: K,
  values: Record<K, string>,
  onChange: (next: Partial<Record<K, string>>) => void,
) {
  const more = keys.filter((key) => key !== primary && values[key]);
  return {
    activeCount: more.length,
    onClear: () =>
      onChange(Object.fromEntries(more.map((key) => [key, ''])) as Partial<Record<K, string>>),
  };
}

/** `datetime-local` form values → the API's `from` / `to`, left out when empty. */
export function toDateRange(values: { from: string; to: string }): { from?: string; to?: string } {
  const from = fromDateTimeLocal(values.from);
  const to = fromDateTimeLocal(values.to);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
