import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { assertNotSelfHarm, resolveArea, sessionEndReason } from './users.policy.js';

const AREAS = ['lucknow', 'indore'] as const;

/** The code of the AppError `run` throws, or undefined when it throws nothing. */
function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) {
      return error.code;
    }
    throw error;
  }
  return undefined;
}

describe('resolveArea', () => {
  it('gives a new dispatcher the known area asked for', () => {
    // Arrange
    const choice = {
      role: 'dispatcher',
      requested: 'indore',
      current: null,
      areas: AREAS,
    } as const;

    // Act
    const area = resolveArea(choice);

    // Assert
    expect(area).toBe('indore');
  });

  it('keeps a dispatcher in the current area when no area is mentioned', () => {
    expect(
      resolveArea({ role: 'dispatcher', requested: undefined, current: 'lucknow', areas: AREAS }),
    ).toBe('lucknow');
  });

  it('moves a dispatcher to the area asked for', () => {
    expect(
      resolveArea({ role: 'dispatcher', requested: 'indore', current: 'lucknow', areas: AREAS }),
    ).toBe('indore');
  });

  it('throws AREA_REQUIRED for a dispatcher without any area', () => {
    expect(
      codeOf(() =>
        resolveArea({ role: 'dispatcher', requested: undefined, current: null, areas: AREAS }),
      ),
    ).toBe('AREA_REQUIRED');
  });

  it('throws AREA_REQUIRED when a dispatcher’s area is set to null', () => {
    expect(
      codeOf(() =>
        resolveArea({ role: 'dispatcher', requested: null, current: 'lucknow', areas: AREAS }),
      ),
    ).toBe('AREA_REQUIRED');
  });

  it('throws VALIDATION for an area not in the configured list', () => {
    expect(
      codeOf(() =>
        resolveArea({ role: 'dispatcher', requested: 'mumbai', current: null, areas: AREAS }),
      ),
    ).toBe('VALIDATION');
  });

  it('throws VALIDATION when a kept area is no longer configured', () => {
    expect(
      codeOf(() =>
        resolveArea({ role: 'dispatcher', requested: undefined, current: 'gone', areas: AREAS }),
      ),
    ).toBe('VALIDATION');
  });

  it.each(['admin', 'biller'] as const)('throws VALIDATION for an area on a %s', (role) => {
    expect(
      codeOf(() => resolveArea({ role, requested: 'lucknow', current: null, areas: AREAS })),
    ).toBe('VALIDATION');
  });

  it.each([undefined, null])('gives a non-dispatcher no area when the area is %s', (requested) => {
    expect(resolveArea({ role: 'biller', requested, current: null, areas: AREAS })).toBeNull();
  });

  it('drops the area of a dispatcher who becomes a biller', () => {
    expect(
      resolveArea({ role: 'biller', requested: undefined, current: 'lucknow', areas: AREAS }),
    ).toBeNull();
  });
});

describe('assertNotSelfHarm', () => {
  it('throws SELF_ROLE_CHANGE when a user changes their own role', () => {
    expect(
      codeOf(() =>
        assertNotSelfHarm({ actorId: 7, targetId: 7, currentRole: 'admin', role: 'biller' }),
      ),
    ).toBe('SELF_ROLE_CHANGE');
  });

  it('throws SELF_DEACTIVATE when a user deactivates their own account', () => {
    expect(
      codeOf(() =>
        assertNotSelfHarm({ actorId: 7, targetId: 7, currentRole: 'admin', active: false }),
      ),
    ).toBe('SELF_DEACTIVATE');
  });

  it('allows restating one’s own role and active state', () => {
    expect(
      codeOf(() =>
        assertNotSelfHarm({
          actorId: 7,
          targetId: 7,
          currentRole: 'admin',
          role: 'admin',
          active: true,
        }),
      ),
    ).toBeUndefined();
  });

  it('allows changing another user’s role and active state', () => {
    expect(
      codeOf(() =>
        assertNotSelfHarm({
          actorId: 7,
          targetId: 8,
          currentRole: 'admin',
          role: 'biller',
          active: false,
        }),
      ),
    ).toBeUndefined();
  });
});

describe('sessionEndReason', () => {
  const none = {
    roleChanged: false,
    areaChanged: false,
    deactivated: false,
    passwordChanged: false,
  };

  it('answers null when nothing that ends sessions changed', () => {
    expect(sessionEndReason(none)).toBeNull();
  });

  it.each([
    [{ ...none, deactivated: true }, 'deactivated'],
    [{ ...none, roleChanged: true }, 'role_changed'],
    [{ ...none, areaChanged: true }, 'role_changed'],
    [{ ...none, passwordChanged: true }, 'password_reset'],
  ])('answers the reason for %o', (change, reason) => {
    expect(sessionEndReason(change)).toBe(reason);
  });

  it('names deactivation first when several changes come together', () => {
    expect(
      sessionEndReason({
        roleChanged: true,
        areaChanged: true,
        deactivated: true,
        passwordChanged: true,
      }),
    ).toBe('deactivated');
  });

  it('names the role change before a password reset', () => {
    expect(sessionEndReason({ ...none, roleChanged: true, passwordChanged: true })).toBe(
      'role_changed',
    );
  });
});
