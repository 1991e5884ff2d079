import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bags } from '../../db/schema/bags.js';
import { scans } from '../../db/schema/scans.js';
import { auditLog } from '../../db/schema/audit.js';
import { errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { freshChildCode, freshParentCode, newScanId, packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { attached, expectStatus, newBill } from '../bills/bills.test-kit.js';

/**
 * Child scans that fall due together share one transaction (child-batcher.ts, tt_scan_children):
 * every scan must still get the answer it would get alone, write what it would write alone, and
 * survive its batch being refused.
 */
describe('POST /api/scans/child, many at once', () => {
  let t: TestApp;
  let sessions: TestSession[];
  const AREA = 'ranchi';

  let realQuery: TestApp['database']['query'];

  beforeAll(async () => {
    t = await buildTestApp();
    realQuery = t.database.query.bind(t.database);
    const users = await Promise.all(
      Array.from({ length: 4 }, () => createUser(t.database, { role: 'biller' })),
    );
    sessions = await Promise.all(users.map((u) => loginAs(t.app, u.username)));
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => t.app.close());

  const station = () => `batch-${randomBytes(4).toString('hex')}`;
  const packerAt = (i: number, desk: string) =>
    packer(t.app, sessions[i % sessions.length] as TestSession, desk);

  async function openParent(desk: string, kind: 'SB' | 'M444' = 'SB') {
    const code = await freshParentCode(t.database, kind);
    expectStatus(await packerAt(0, desk).parent(code, { dispatchArea: AREA }), 200);
    return code;
  }

  const childCount = async (qr: string) =>
    (await t.database.db.select().from(bags).where(eq(bags.qr, qr)))[0]?.childCount;

  /** The dashboard's figures for AREA and one station, summed over shards. */
  async function counters(desk: string) {
    const one = async (text: string, params: string[]) =>
      Number((await t.database.query<{ v: string | null }>(text, params))[0]?.v ?? 0);
    return {
      children: await one(
        `select sum(value)::text as v from stats_counters where area = $1 and metric = 'children'`,
        [AREA],
      ),
      hourly: await one(`select sum(scans)::text as v from stats_hourly where area = $1`, [AREA]),
      recent: await one(`select sum(scans)::text as v from stats_recent where area = $1`, [AREA]),
      station: await one(`select sum(scans)::text as v from stats_stations where station = $1`, [
        desk,
      ]),
    };
  }

  /**
   * Records the scan statements sent; `intercept` may answer a statement (or throw) instead of
   * the database by returning a promise, or let it through with undefined.
   */
  function spyQueries(intercept: (text: string) => Promise<never> | undefined = () => undefined) {
    const sent: Array<{ text: string; params: unknown[] }> = [];
    vi.spyOn(t.database, 'query').mockImplementation((text, params) => {
      sent.push({ text, params });
      return intercept(text) ?? realQuery(text, params);
    });
    const singles = () => sent.filter(({ text }) => text.includes('tt_scan_child('));
    return {
      batches: () => sent.filter(({ text }) => text.includes('tt_scan_children(')).length,
      singles: () => singles().length,
      singleParents: () => singles().map(({ params }) => params[1]),
    };
  }

  it('answers each scan as alone: links, duplicates, refusals and replays in shared transactions', async () => {
    const desk = station();
    const [a, b, full] = [
      await openParent(desk),
      await openParent(desk),
      await openParent(desk, 'M444'),
    ];
    const known = freshChildCode();
    const knownScanId = newScanId();
    const first = expectStatus(await packerAt(0, desk).child(a, known, knownScanId), 200);
    for (let i = 0; i < 15; i += 1) {
      expectStatus(await packerAt(0, desk).child(full, freshChildCode()), 200);
    }
    const twice = { qr: freshChildCode(), scanId: newScanId() };
    const before = await counters(desk);
    const statements = spyQueries();

    const requests: Array<{
      parent: string;
      qr: string;
      scanId: ReturnType<typeof newScanId>;
      user?: number;
    }> = [
      ...Array.from({ length: 8 }, () => ({
        parent: a,
        qr: freshChildCode(),
        scanId: newScanId(),
      })),
      ...Array.from({ length: 6 }, () => ({
        parent: b,
        qr: freshChildCode(),
        scanId: newScanId(),
      })),
      { parent: a, qr: known, scanId: newScanId() }, // 14: the same child again: a duplicate
      { parent: b, qr: known, scanId: newScanId() }, // 15: in A already
      { parent: full, qr: freshChildCode(), scanId: newScanId() }, // 16: PARENT_FULL
      { parent: await freshParentCode(t.database), qr: freshChildCode(), scanId: newScanId() }, // 17
      { parent: a, qr: known, scanId: knownScanId, user: 0 }, // 18: a replay of the first link
      { parent: a, ...twice, user: 1 }, // 19 and 20: one scanId sent twice at once
      { parent: a, ...twice, user: 1 },
    ];
    const answers = await Promise.all(
      requests.map((r, i) => packerAt(r.user ?? i, desk).child(r.parent, r.qr, r.scanId)),
    );

    expect(answers.map((r) => r.statusCode)).toEqual([
      ...Array<number>(15).fill(200),
      409,
      409,
      404,
      200,
      200,
      200,
    ]);
    answers.slice(0, 14).forEach((res, i) => {
      expect(res.json()).toMatchObject({
        child: { qr: requests[i]?.qr },
        parent: { qr: requests[i]?.parent },
        created: true,
        duplicate: false,
      });
    });
    expect(answers[14]?.json()).toMatchObject({ child: { qr: known }, duplicate: true });
    expect(answers[15]?.json().error).toMatchObject({
      code: 'CHILD_IN_OTHER_PARENT',
      details: { qr: known, parent: a },
    });
    expect(errorCode(answers[16] as never)).toBe('PARENT_FULL');
    expect(errorCode(answers[17] as never)).toBe('BAG_NOT_FOUND');
    expect(answers[18]?.body).toBe(first.body);
    expect(answers[19]?.body).toBe(answers[20]?.body);

    // Fewer round trips than scans, at least one of them shared.
    expect(statements.batches()).toBeGreaterThan(0);
    expect(statements.batches() + statements.singles()).toBeLessThan(requests.length);
    // State read back: 1 + 8 + 1 links in A, 6 in B; one write for the scanId sent twice.
    expect(await childCount(a)).toBe(10);
    expect(await childCount(b)).toBe(6);
    expect(await childCount(full)).toBe(15);
    const twiceScans = await t.database.db.select().from(scans).where(eq(scans.qr, twice.qr));
    expect(twiceScans).toHaveLength(1);
    const linkAudits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'bag.link'), eq(auditLog.entityId, requests[3]?.qr ?? '')));
    expect(linkAudits).toHaveLength(1);
    // The counters summed at the end of each batch: 15 new children, 16 recorded scans (the 15
    // links and the duplicate; refusals and replays are not scans).
    expect(await counters(desk)).toEqual({
      children: before.children + 15,
      hourly: before.hourly + 16,
      recent: before.recent + 16,
      station: before.station + 16,
    });
  });

  it('a batch the database refuses: every scan of it runs alone and none is lost', async () => {
    const desk = station();
    const parent = await openParent(desk);
    const before = await counters(desk);
    let refused = 0;
    const statements = spyQueries((text) => {
      if (!text.includes('tt_scan_children(') || refused > 0) {
        return undefined;
      }
      refused += 1;
      return Promise.reject(Object.assign(new Error('deadlock detected'), { code: '40P01' }));
    });
    const children = Array.from({ length: 6 }, () => freshChildCode());

    const answers = await Promise.all(children.map((c, i) => packerAt(i, desk).child(parent, c)));

    expect(refused).toBe(1);
    expect(answers.map((r) => r.statusCode)).toEqual(Array<number>(6).fill(200));
    expect(await childCount(parent)).toBe(6);
    expect(statements.singles()).toBeGreaterThanOrEqual(children.length - 1);
    expect((await counters(desk)).children).toBe(before.children + 6);
  });

  it('a batch lost with its connection: each scan answers INTERNAL and nothing is written', async () => {
    const desk = station();
    const parent = await openParent(desk);
    spyQueries((text) =>
      text.includes('tt_scan_child')
        ? Promise.reject(new Error('write CONNECTION_CLOSED'))
        : undefined,
    );

    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) => packerAt(i, desk).child(parent, freshChildCode())),
    );

    expect(answers.map(errorCode)).toEqual(Array(5).fill('INTERNAL'));
    vi.restoreAllMocks();
    expect(await childCount(parent)).toBe(0);
    expect(expectStatus(await packerAt(0, desk).child(parent, freshChildCode()), 200)).toBeTruthy();
  });

  it('a scan into a parent on a bill runs alone after its batch, and the bill follows', async () => {
    const desk = station();
    const billed = await openParent(desk);
    expectStatus(await packerAt(0, desk).child(billed, freshChildCode()), 200);
    const billNo = await newBill(t, sessions[0] as TestSession, 5);
    await attached(t, sessions[0] as TestSession, billNo, billed);
    const loose = await openParent(desk);
    const statements = spyQueries();

    const answers = await Promise.all([
      ...[0, 1, 2].map((i) => packerAt(i, desk).child(billed, freshChildCode())),
      ...[0, 1, 2].map((i) => packerAt(i, desk).child(loose, freshChildCode())),
    ]);

    expect(answers.map((r) => r.statusCode)).toEqual(Array<number>(6).fill(200));
    expect(statements.singleParents().filter((p) => p === billed)).toHaveLength(3);
    expect(await childCount(billed)).toBe(4);
    expect(await childCount(loose)).toBe(3);
    const bill = (
      await t.database.query<{ child_count: number }>(
        'select child_count from bills where bill_no = $1',
        [billNo],
      )
    )[0];
    expect(bill?.child_count).toBe(4);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'a batch kept waiting for a lock gives up and its scans wait alone (PostgreSQL)',
    async () => {
      const desk = station();
      const held = await openParent(desk);
      const free = await openParent(desk);
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holder = t.database.db.transaction(async (tx) => {
        await tx.execute(sql`select id from bags where qr = ${held} for update`);
        locked();
        await new Promise((resolve) => setTimeout(resolve, 800));
      });
      await isLocked;
      const refusals: string[] = [];
      vi.spyOn(t.database, 'query').mockImplementation(async (text, params) => {
        try {
          return await realQuery(text, params);
        } catch (error) {
          refusals.push((error as { code?: string }).code ?? '');
          throw error;
        }
      });

      const answers = await Promise.all([
        ...[0, 1, 2, 3].map((i) => packerAt(i, desk).child(free, freshChildCode())),
        ...[0, 1, 2, 3].map((i) => packerAt(i, desk).child(held, freshChildCode())),
      ]);
      await holder;

      expect(answers.map((r) => r.statusCode)).toEqual(Array<number>(8).fill(200));
      expect(refusals).toContain('55P03');
      expect(await childCount(held)).toBe(4);
      expect(await childCount(free)).toBe(4);
    },
  );
});
