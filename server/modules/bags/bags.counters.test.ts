import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../db/migrate.js';
import { as, loginAs, type TestSession } from '../../test/auth.js';
import { packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { openIsolatedDatabase } from '../../test/test-database.js';

/** Dashboard counters move with hand-made bags (a database of its own: counters are global). */
describe('POST and DELETE /api/bags keep the dashboard counters', () => {
  let database: Database;
  let t: TestApp;
  let admin: TestSession;

  beforeAll(async () => {
    database = await openIsolatedDatabase();
    t = await buildTestApp({ database });
    admin = await loginAs(t.app, (await createUser(database, { role: 'admin' })).username);
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  async function counters(area: string) {
    const result = await database.db.execute(
      sql`select metric, sum(value)::int as n from stats_counters where area = ${area} group by metric`,
    );
    const out: Record<string, number> = { parents: 0, children: 0, unlinked_children: 0 };
    for (const row of rowsOf<{ metric: string; n: number }>(result)) {
      out[row.metric] = Number(row.n);
    }
    return out;
  }
  const post = (body: object) => as(t.app, admin)('POST', '/api/bags', body);
  const remove = (qr: string) => as(t.app, admin)('DELETE', `/api/bags/${qr}`);

  it('counts a created parent and child (unlinked) in their area, and un-counts them on delete', async () => {
    await post({ qr: 'SB10001', dispatchArea: 'hisar' });
    await post({ qr: 'LOOSE-1', dispatchArea: 'hisar' });
    await post({ qr: 'LOOSE-2' });

    expect(await counters('hisar')).toEqual({ parents: 1, children: 1, unlinked_children: 1 });
    expect(await counters('')).toEqual({ parents: 0, children: 1, unlinked_children: 1 });

    await remove('LOOSE-1');
    await remove('SB10001');

    expect(await counters('hisar')).toEqual({ parents: 0, children: 0, unlinked_children: 0 });
  });

  it('un-counts a deleted linked child without touching the unlinked count', async () => {
    await post({ qr: 'M444-20001', dispatchArea: 'raipur' });
    await packer(t.app, admin).child('M444-20001', 'PACKED-1');
    const before = await counters('raipur');

    await remove('PACKED-1');

    expect(before).toEqual({ parents: 1, children: 1, unlinked_children: 0 });
    expect(await counters('raipur')).toEqual({ parents: 1, children: 0, unlinked_children: 0 });
  });

  it('leaves the counters alone when a create or delete is refused', async () => {
    await post({ qr: 'SB30001', dispatchArea: 'akola' });
    await packer(t.app, admin).child('SB30001', 'HELD-1');
    const before = await counters('akola');

    const exists = await post({ qr: 'SB30001', dispatchArea: 'akola' });
    const held = await remove('SB30001');

    expect([exists.statusCode, held.statusCode]).toEqual([409, 409]);
    expect(await counters('akola')).toEqual(before);
  });
});
