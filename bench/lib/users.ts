import { DEFAULT_DISPATCH_AREAS } from '../../common/areas.js';
import type { Lane, RawQuery } from './scenarios.js';

/** The password bench/seed.ts gives the bench users bench001, bench002, … */
export const BENCH_PASSWORD_DEFAULT = 'Bench-Scan-2024!';

const username = (i: number) => `bench${String(i + 1).padStart(3, '0')}`;

function laneOf(index: number, userId: number, tag: string): Lane {
  const name = username(index);
  return {
    index,
    tag,
    userId,
    username: name,
    station: `desk-${name.slice(5)}`,
    area: DEFAULT_DISPATCH_AREAS[index % DEFAULT_DISPATCH_AREAS.length] as string,
    cookie: '',
    csrf: '',
    parent: null,
    n: 0,
    max: 0,
    seq: 0,
    pending: false,
    opened: [],
  };
}

/**
 * `count` virtual scanners for HTTP and as many for the raw ceiling (same users, separate state).
 * The user ids (raw ceiling) come from the database when one is given.
 */
export async function benchUsers(
  q: RawQuery | null,
  count: number,
): Promise<{ http: Lane[]; raw: Lane[] }> {
  const ids = new Map<string, number>();
  if (q) {
    const rows = await q(
      `select id, username from users where username like 'bench%' order by username`,
      [],
    );
    rows.forEach((r) => ids.set(String(r.username), Number(r.id)));
    if (ids.size < count) {
      throw new Error(
        `${count} bench users needed, the database has ${ids.size}: seed with --users ${count}`,
      );
    }
  }
  const make = (tag: string) =>
    Array.from({ length: count }, (_, i) => laneOf(i, ids.get(username(i)) ?? 0, tag));
  return { http: make('h'), raw: make('r') };
}
