import type { Role } from '../../../common/roles.js';
import { AppError, invalid } from '../../platform/errors.js';

export interface AreaChoice {
  role: Role;
  /** The area asked for: undefined = not mentioned, null = none. */
  requested: string | null | undefined;
  /** The user's area before this change (null for a new user). */
  current: string | null;
  areas: readonly string[];
}

/**
 * The dispatch area a user ends up with (SPEC §3): dispatchers need a known one, other roles
 * have none.
 * @throws AREA_REQUIRED, VALIDATION (unknown area, or an area for a non-dispatcher)
 */
export function resolveArea({ role, requested, current, areas }: AreaChoice): string | null {
  if (role !== 'dispatcher') {
    if (requested) {
      throw invalid('Only dispatchers have a dispatch area.', { field: 'dispatchArea' });
    }
    return null;
  }
  const area = requested === undefined ? current : requested;
  if (!area) {
    throw new AppError('AREA_REQUIRED', 'A dispatcher needs a dispatch area.', {
      field: 'dispatchArea',
    });
  }
  if (!areas.includes(area)) {
    throw invalid(`Unknown dispatch area ${area}.`, { field: 'dispatchArea', allowed: areas });
  }
  return area;
}

export interface SelfChange {
  actorId: number;
  targetId: number;
  currentRole: Role;
  role?: Role | undefined;
  active?: boolean | undefined;
}

/** @throws SELF_ROLE_CHANGE, SELF_DEACTIVATE */
export function assertNotSelfHarm(change: SelfChange) {
  if (change.actorId !== change.targetId) {
    return;
  }
  if (change.role !== undefined && change.role !== change.currentRole) {
    throw new AppError('SELF_ROLE_CHANGE', 'Nobody changes their own role.');
  }
  if (change.active === false) {
    throw new AppError('SELF_DEACTIVATE', 'You cannot deactivate your own account.');
  }
}

/** Why a user's sessions end after an admin edit, or null when they go on. */
export function sessionEndReason(change: {
  roleChanged: boolean;
  areaChanged: boolean;
  deactivated: boolean;
  passwordChanged: boolean;
}): string | null {
  if (change.deactivated) {
    return 'deactivated';
  }
  if (change.roleChanged || change.areaChanged) {
    return 'role_changed';
  }
  return change.passwordChanged ? 'password_reset' : null;
}
