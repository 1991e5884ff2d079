import { ROLES, type Role } from '@common/roles';

/**
 * Which role may open which screen (SPEC §3). Navigation offers only these; any other screen's
 * URL shows "not allowed". The server enforces the same rules on every request.
 */
const EVERYONE = ROLES;
const ADMINS: readonly Role[] = ['admin'];
const BILLING: readonly Role[] = ['admin', 'biller'];

export const SCREEN_ROLES = {
  dashboard: EVERYONE,
  pack: EVERYONE,
  lookup: EVERYONE,
  bags: EVERYONE,
  scans: EVERYONE,
  bills: EVERYONE,
  returns: BILLING,
  summary: BILLING,
  more: EVERYONE,
  account: EVERYONE,
  users: ADMINS,
  bagKinds: ADMINS,
  audit: ADMINS,
} as const satisfies Record<string, readonly Role[]>;

export type Screen = keyof typeof SCREEN_ROLES;

/** Why a role may not open a screen, for the "not allowed" page. */
export const SCREEN_DENIED_REASON: Partial<Record<Screen, string>> = {
  returns: 'Return tickets are handled by admins and billers.',
  summary: 'The daily summary is for admins and billers.',
  users: 'Managing users is for admins.',
  bagKinds: 'Bag kinds (parent formats) are managed by admins.',
  audit: 'The audit log is for admins.',
};

export function canOpen(role: Role, screen: Screen): boolean {
  return (SCREEN_ROLES[screen] as readonly Role[]).includes(role);
}

/** What a route declares in its `handle`, read by the signed-in shell. */
export interface ScreenHandle {
  screen: Screen;
  /** Full-screen: no header or navigation (the packing station). */
  isFullScreen?: boolean;
}

export function isScreenHandle(value: unknown): value is ScreenHandle {
  return (
    typeof value === 'object' &&
    value !== null &&
    'screen' in value &&
    typeof value.screen === 'string' &&
    value.screen in SCREEN_ROLES
  );
}

/** Dispatchers see their own area only: screens hide area filters from them. */
export function hasAreaScope(role: Role): boolean {
  return role === 'dispatcher';
}

/** Bills: admins and billers create, edit, scan, complete and reopen them (SPEC §3). */
export function canEditBills(role: Role): boolean {
  return BILLING.includes(role);
}

/** Only admins delete a bill (its bags survive). */
export function canDeleteBills(role: Role): boolean {
  return ADMINS.includes(role);
}

/** The end-of-day figures (GET /api/eod) are for admins; billers print their own day. */
export function canSeeEndOfDay(role: Role): boolean {
  return ADMINS.includes(role);
}
