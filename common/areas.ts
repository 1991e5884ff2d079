/** Dispatch areas (SPEC §1). Keys travel on the wire; screens show the display form. */
export const DEFAULT_DISPATCH_AREAS = [
  'lucknow',
  'indore',
  'jaipur',
  'hisar',
  'sri_ganganagar',
  'sangaria',
  'bathinda',
  'raipur',
  'ranchi',
  'akola',
] as const;

/** `sri_ganganagar` → `Sri Ganganagar`. */
export function areaDisplayName(key: string): string {
  return key
    .split('_')
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

/** An area key: lowercase letters, digits and underscores, 2–40 characters. */
export const AREA_KEY_PATTERN = '^[a-z][a-z0-9_]{1,39}$';
