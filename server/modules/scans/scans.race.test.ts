import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bags } from '../../db/schema/bags.js';
import { scans } from '../../db/schema/scans.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { freshChildCode, freshParentCode, newScanId, packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';

/**
 * Real concurrent requests (meaningful on PostgreSQL with a connection pool: npm run test:pg;
 * PGlite serialises them and must give the same outcome), with child scans sharing transactions
 * (the default, child-batcher.ts) and one transaction per scan (SCAN_BATCH_MAX=1).
 */
describe.each(['32', '1'])('packing races, SCAN_BATCH_MAX=%s', (batchMax) => {
  let t: TestApp;
  let sessions: TestSession[];
  beforeAll(async () => {
    t = await buildTestApp({ env: { SCAN_BATCH_MAX: batchMax } });
    const users = await Promise.all(
      Array.from({ length: 5 }, () => createUser(t.database, { role: 'biller' })),
    );
    sessions = await Promise.all(users.map((u) => loginAs(t.app, u.username)));
  });
  afterAll(async () => t.app.close());

  const session = (i: number) => sessions[i % sessions.length] as TestSession;

  it('20 parents racing for one child: exactly 1 success and 19 CHILD_IN_OTHER_PARENT', async () => {
    const parents: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const code = await freshParentCode(t.database);
      await packer(t.app, session(i)).parent(code);
      parents.push(code);
    }
    const child = freshChildCode();

    const answers = await Promise.all(
      parents.map((p, i) => packer(t.app, session(i)).child(p, child)),
    );

    const winners = answers.filter((r) => r.statusCode === 200);
    expect(winners).toHaveLength(1);
    expect(answers.filter((r) => errorCode(r) === 'CHILD_IN_OTHER_PARENT')).toHaveLength(19);
    const winner = winners[0]?.json().parent.qr as string;
    const rows = await t.database.db.select().from(bags).where(inArray(bags.qr, parents));
    expect(rows.map((r) => r.childCount).sort()).toEqual([...Array<number>(19).fill(0), 1]);
    expect(rows.find((r) => r.childCount === 1)?.qr).toBe(winner);
    const losers = answers
      .filter((r) => r.statusCode === 409)
      .map((r) => r.json().error.details.parent as string);
    expect(new Set(losers)).toEqual(new Set([winner]));
  });

  it('45 children racing into one SB parent: exactly 30 linked, 15 PARENT_FULL, final count 30', async () => {
    const parent = await freshParentCode(t.database);
    await packer(t.app, session(0)).parent(parent);
    const children = Array.from({ length: 45 }, () => freshChildCode());

    const answers = await Promise.all(
      children.map((c, i) => packer(t.app, session(i)).child(parent, c)),
    );

    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(30);
    expect(answers.filter((r) => errorCode(r) === 'PARENT_FULL')).toHaveLength(15);
    const [row] = await t.database.db.select().from(bags).where(eq(bags.qr, parent));
    expect(row).toMatchObject({ childCount: 30, weightKg: 30, status: 'complete' });
    const linked = await t.database.db
      .select()
      .from(bags)
      .where(eq(bags.parentId, row?.id ?? -1));
    expect(linked).toHaveLength(30);
  });

  it('the same scanId sent 10 times at once: one write, ten identical answers', async () => {
    const parent = await freshParentCode(t.database);
    await packer(t.app, session(0)).parent(parent);
    const child = freshChildCode();
    const body = { parentQr: parent, qr: child, scanId: newScanId(), station: 'race-desk' };
    const call = as(t.app, session(0));

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call('POST', '/api/scans/child', body)),
    );

    expect(answers.map((r) => r.statusCode)).toEqual(Array<number>(10).fill(200));
    expect(new Set(answers.map((r) => r.body)).size).toBe(1);
    expect(await t.database.db.select().from(scans).where(eq(scans.qr, child))).toHaveLength(1);
    const [row] = await t.database.db.select().from(bags).where(eq(bags.qr, parent));
    expect(row?.childCount).toBe(1);
  });

  it('two stations creating the same new parent at once: one creates it, both open it', async () => {
    const parent = await freshParentCode(t.database);

    const answers = await Promise.all(
      [0, 1, 2, 3].map((i) => packer(t.app, session(i)).parent(parent)),
    );

    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(answers.filter((r) => r.json().created === true)).toHaveLength(1);
  });
});
