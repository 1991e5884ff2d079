/** Roles of SPEC §3. */
export const ROLES = ['admin', 'biller', 'dispatcher'] as const;
export type Role = (typeof ROLES)[number];

export function roleLabel(role: Role): string {
  switch (role) {
    case 'admin':
      return 'Admin';
    case 'biller':
      return 'Biller';
    case 'dispatcher':
      return 'Dispatcher';
  }
}
