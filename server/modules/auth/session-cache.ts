import type { SessionRow } from '../../db/schema/sessions.js';
import type { UserRow } from '../../db/schema/users.js';

export interface CachedSession {
  session: SessionRow;
  user: UserRow;
}

interface Entry extends CachedSession {
  /** Clock time (ms) after which the entry is not used. */
  until: number;
}

export interface SessionCache {
  /** The entry while it is fresh at `now` (ms), else undefined. */
  get(id: string, now: number): CachedSession | undefined;
  /**
   * Keeps an entry read from the database — unless an invalidation happened since `generation`
   * was taken (before the read), so that a read racing a revocation is never kept.
   */
  set(id: string, value: CachedSession, now: number, generation: number): void;
  /** The invalidation counter: take it before reading the database. */
  readonly generation: number;
  /** Drops every entry of a user (a revocation, a role/area/activity or password change). */
  forgetUser(userId: number): void;
  /** Drops everything (the change feed was interrupted, so changes may have been missed). */
  clear(): void;
  readonly size: number;
}

/**
 * An in-process cache of positive session lookups (session id → session and user), so that an
 * authenticated request costs no database round trip of its own. Entries live `ttlMs` at most;
 * revocations drop them at once in this process and, through the `tt_auth` NOTIFY raised by
 * database triggers (migration 0007), in every other instance. A ttl of 0 turns it off.
 */
export function createSessionCache(options: { ttlMs: number; maxEntries: number }): SessionCache {
  const entries = new Map<string, Entry>();
  let generation = 0;

  return {
    get(id, now) {
      const entry = entries.get(id);
      if (!entry) {
        return undefined;
      }
      if (now >= entry.until) {
        entries.delete(id);
        return undefined;
      }
      return entry;
    },
    set(id, value, now, since) {
      if (options.ttlMs <= 0 || since !== generation) {
        return;
      }
      if (entries.size >= options.maxEntries && !entries.has(id)) {
        // The oldest insertion goes first (a Map iterates in insertion order).
        const oldest = entries.keys().next();
        if (!oldest.done) {
          entries.delete(oldest.value);
        }
      }
      entries.set(id, { ...value, until: now + options.ttlMs });
    },
    get generation() {
      return generation;
    },
    forgetUser(userId) {
      generation += 1;
      for (const [id, entry] of entries) {
        if (entry.user.id === userId) {
          entries.delete(id);
        }
      }
    },
    clear() {
      generation += 1;
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}

/** A `tt_auth` NOTIFY payload (a user id) → the id, or null when it is not one. */
export function userIdOfPayload(payload: string): number | null {
  const id = Number(payload);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
