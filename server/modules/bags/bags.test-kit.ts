import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../db/migrate.js';
import type { ManualClock } from '../../platform/clock.js';

/**
 * Test helpers of the bags module (used only by its *.test.ts files). Codes are unique across
 * tests and workers: each generator starts at a random base and skips every code that has a bag
 * or any trace (scans, links, audit), so a history test never sees another test's events.
 */

/** True when the code has a bag or ever had one (a deleted bag leaves its trace). */
async function codeUsed(database: Database, code: string): Promise<boolean> {
  const result = await database.db.execute(sql`select
    exists(select 1 from bags where qr = ${code})
    or exists(select 1 from scans where qr = ${code} or target_qr = ${code})
    or exists(select 1 from link_events where parent_qr = ${code} or child_qr = ${code})
    or exists(select 1 from audit_log where entity_type = 'bag' and entity_id = ${code}) as used`);
  return rowsOf<{ used: boolean }>(result)[0]?.used === true;
}

/** A generator of unused parent codes of one kind, from a random base. */
export function parentCodes(database: Database, kind: 'SB' | 'M444' = 'SB') {
  let next = randomInt(100_000);
  return async function freshParent(): Promise<string> {
    for (let tries = 0; tries < 100_000; tries += 1) {
      const digits = String(next).padStart(5, '0');
      next = (next + 1) % 100_000;
      const code = kind === 'SB' ? `SB${digits}` : `M444-${digits}`;
      if (!(await codeUsed(database, code))) {
        return code;
      }
    }
    throw new Error(`no unused ${kind} code left`);
  };
}

/** A generator of unused child codes `<base>-<n>` (letters outside A–F never start a reserved prefix here). */
export function childCodes(database: Database) {
  const base = `K${randomInt(36 ** 6)
    .toString(36)
    .toUpperCase()
    .padStart(6, '0')}`;
  let n = 0;
  return async function freshChild(): Promise<string> {
    for (;;) {
      n += 1;
      const code = `${base}-${n}`;
      if (!(await codeUsed(database, code))) {
        return code;
      }
    }
  };
}

/**
 * Moves the test's clock to a random minute between 2100 and 2110, a window of time no other
 * test writes in: rows created from here on can be told apart by `from`/`to` alone. In the
 * future rather than the past, so that jobs pruning old rows (expired scanIds) never see them.
 */
export function privateWindow(clock: ManualClock): Date {
  const start = new Date(Date.UTC(2100, 0, 1) + randomInt(5_000_000) * 60_000);
  clock.set(start);
  return start;
}

export const plusMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);
