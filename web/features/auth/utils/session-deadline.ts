import type { SessionInfo } from '@common/contracts/auth';

/** Warn this long before the session ends. */
export const SESSION_WARNING_MS = 2 * 60_000;

export type SessionDeadlineKind = 'idle' | 'absolute';

export interface SessionDeadline {
  kind: SessionDeadlineKind;
  /** Epoch ms when the session ends. */
  at: number;
}

export interface SessionDeadlineInput {
  session: SessionInfo;
  /** Epoch ms when that `session` was read (the me query's dataUpdatedAt). */
  readAt: number;
  /** Epoch ms of the last successful API request; each one restarts the server's idle timer. */
  lastActivityAt: number;
}

/**
 * The earlier of the two ends of the session. The idle end moves with activity: the server restarts
 * its idle timer on every request, so it is projected from the last request the app made.
 */
export function getSessionDeadline({
  session,
  readAt,
  lastActivityAt,
}: SessionDeadlineInput): SessionDeadline {
  const absoluteAt = Date.parse(session.expiresAt);
  const idleReported = Date.parse(session.idleExpiresAt);
  const idleWindow = Math.max(0, idleReported - readAt);
  const idleAt = Math.max(idleReported, lastActivityAt + idleWindow);
  return idleAt < absoluteAt ? { kind: 'idle', at: idleAt } : { kind: 'absolute', at: absoluteAt };
}

/** The deadline when it is close enough to warn about, else null. */
export function getSessionWarning(deadline: SessionDeadline, now: number): SessionDeadline | null {
  return deadline.at - now <= SESSION_WARNING_MS ? deadline : null;
}

/** "in about 2 minutes", "in less than a minute", "now". */
export function describeTimeLeft(ms: number): string {
  if (ms <= 0) {
    return 'now';
  }
  if (ms < 60_000) {
    return 'in less than a minute';
  }
  const minutes = Math.round(ms / 60_000);
  return `in about ${minutes} minute${minutes === 1 ? '' : 's'}`;
}
