import { DEFAULT_DISPATCH_AREAS, areaDisplayName } from '@common/areas';
import { ROLES, roleLabel, type Role } from '@common/roles';
import type { SelectOption } from '@/components/ui/select-field';

export const ROLE_OPTIONS: readonly SelectOption[] = ROLES.map((role) => ({
  value: role,
  label: roleLabel(role),
}));

export const AREA_OPTIONS: readonly SelectOption[] = DEFAULT_DISPATCH_AREAS.map((area) => ({
  value: area,
  label: areaDisplayName(area),
}));

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** True while a sign-in lock (after repeated failures) is still in force. */
export function isLocked(lockedUntil: string | null, now: number = Date.now()): boolean {
  return lockedUntil !== null && Date.parse(lockedUntil) > now;
}
