import { describe, expect, it } from 'vitest';
import type { SessionRow } from '../../db/schema/sessions.js';
import type { UserRow } from '../../db/schema/users.js';
import { createSessionCache, userIdOfPayload, type CachedSession } from './session-cache.js';

function entry(userId: number, sessionId = `s${userId}`): CachedSession {
  return {
    session: { id: sessionId, userId } as SessionRow,
    user: { id: userId } as UserRow,
  };
}

describe('session cache', () => {
  it('serves an entry until its ttl has run out, then forgets it', () => {
    const cache = createSessionCache({ ttlMs: 1_000, maxEntries: 10 });
    cache.set('a', entry(1), 0, cache.generation);

    expect(cache.get('a', 999)?.user.id).toBe(1);
    expect(cache.get('a', 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops every session of a user, and only that user', () => {
    const cache = createSessionCache({ ttlMs: 1_000, maxEntries: 10 });
    cache.set('a', entry(1, 'a'), 0, cache.generation);
    cache.set('b', entry(1, 'b'), 0, cache.generation);
    cache.set('c', entry(2, 'c'), 0, cache.generation);

    cache.forgetUser(1);

    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('c', 1)?.user.id).toBe(2);
  });

  it('refuses to keep a read that raced an invalidation', () => {
    const cache = createSessionCache({ ttlMs: 1_000, maxEntries: 10 });
    const before = cache.generation;
    cache.forgetUser(99); // a revocation lands while the database read is in flight

    cache.set('a', entry(1), 0, before);

    expect(cache.get('a', 1)).toBeUndefined();
  });

  it('refuses everything after clear() until a fresh read', () => {
    const cache = createSessionCache({ ttlMs: 1_000, maxEntries: 10 });
    const before = cache.generation;
    cache.set('a', entry(1), 0, before);
    cache.clear();
    cache.set('b', entry(2), 0, before);

    expect(cache.size).toBe(0);
    cache.set('b', entry(2), 0, cache.generation);
    expect(cache.get('b', 1)?.user.id).toBe(2);
  });

  it('holds at most maxEntries, dropping the oldest first', () => {
    const cache = createSessionCache({ ttlMs: 1_000, maxEntries: 2 });
    cache.set('a', entry(1), 0, cache.generation);
    cache.set('b', entry(2), 0, cache.generation);
    cache.set('c', entry(3), 0, cache.generation);

    expect(cache.size).toBe(2);
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('c', 1)?.user.id).toBe(3);
  });

  it('keeps nothing with a ttl of 0 (off)', () => {
    const cache = createSessionCache({ ttlMs: 0, maxEntries: 10 });
    cache.set('a', entry(1), 0, cache.generation);
    expect(cache.get('a', 0)).toBeUndefined();
  });

  it.each([
    ['42', 42],
    ['0', null],
    ['-3', null],
    ['abc', null],
    ['', null],
    ['1.5', null],
  ])('reads the NOTIFY payload %j as %j', (payload, expected) => {
    expect(userIdOfPayload(payload)).toBe(expected);
  });
});
