import { describe, expect, it } from 'vitest';
import {
  describeTimeLeft,
  getSessionDeadline,
  getSessionWarning,
} from '@/features/auth/utils/session-deadline';

const T0 = Date.parse('2025-03-03T10:00:00.000Z');
const MINUTE = 60_000;

function session(absoluteMin: number, idleMin: number) {
  return {
    expiresAt: new Date(T0 + absoluteMin * MINUTE).toISOString(),
    idleExpiresAt: new Date(T0 + idleMin * MINUTE).toISOString(),
  };
}

describe('getSessionDeadline', () => {
  it('picks the idle end when it comes first', () => {
    const deadline = getSessionDeadline({
      session: session(60, 30),
      readAt: T0,
      lastActivityAt: T0,
    });
    expect(deadline).toEqual({ kind: 'idle', at: T0 + 30 * MINUTE });
  });

  it('picks the absolute end when it comes first', () => {
    const deadline = getSessionDeadline({
      session: session(10, 30),
      readAt: T0,
      lastActivityAt: T0,
    });
    expect(deadline).toEqual({ kind: 'absolute', at: T0 + 10 * MINUTE });
  });

  it('moves the idle end with later activity', () => {
    const deadline = getSessionDeadline({
      session: session(60, 30),
      readAt: T0,
      lastActivityAt: T0 + 5 * MINUTE,
    });
    expect(deadline).toEqual({ kind: 'idle', at: T0 + 35 * MINUTE });
  });

  it('never moves the idle end past the absolute end', () => {
    const deadline = getSessionDeadline({
      session: session(40, 30),
      readAt: T0,
      lastActivityAt: T0 + 20 * MINUTE,
    });
    expect(deadline).toEqual({ kind: 'absolute', at: T0 + 40 * MINUTE });
  });
});

describe('getSessionWarning', () => {
  const deadline = { kind: 'idle' as const, at: T0 + 30 * MINUTE };

  it('stays quiet until two minutes before the end', () => {
    expect(getSessionWarning(deadline, T0 + 27 * MINUTE)).toBeNull();
  });

  it('warns within the last two minutes', () => {
    expect(getSessionWarning(deadline, T0 + 28 * MINUTE + 1)).toEqual(deadline);
  });
});

describe('describeTimeLeft', () => {
  it('rounds to minutes and says "less than a minute" at the end', () => {
    expect(describeTimeLeft(2 * MINUTE)).toBe('in about 2 minutes');
    expect(describeTimeLeft(61_000)).toBe('in about 1 minute');
    expect(describeTimeLeft(30_000)).toBe('in less than a minute');
    expect(describeTimeLeft(0)).toBe('now');
  });
});
