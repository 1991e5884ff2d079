import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List filters kept in the address (shareable, survive reload, back button works).
 * Values are strings; empty means "any".
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [searchParams, setSearchParams] = useSearchParams();
  const values = useMemo(() => {
    const result = {} as Record<K, string>;
    for (const key of keys) {
      result[key] = searchParams.get(key) ?? '';
    }
    return result;
  }, [keys, searchParams]);
  const setValues = useCallback(
    (next: Partial<Record<K, string>>) => {
      setSearchParams(
        (current) => {
          const params = new URLSearchParams(current);
          for (const [key, value] of Object.entries(next) as Array<[K, string | undefined]>) {
            if (value) {
              params.set(key, value);
            } else {
              params.delete(key);
            }
          }
          return params;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );
  return [values, setValues] as const;
}
