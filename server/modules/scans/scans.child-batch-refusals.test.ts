import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionAnswer } from '../../platform/db-function.js';
import { freshChildCode, freshParentCode, newScanId } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { createChildScanner, scanChildren } from './child-batcher.js';
import type { ChildScanArgs } from './scans.repository.js';

/**
 * A batch that cannot be worked as a set (tt_scan_children, migration 0012) raises TT001 and
 * writes nothing, and its scans then run alone and get their single-scan answers.
 */
describe('tt_scan_children refuses what it cannot answer as single scans would', () => {
  let t: TestApp;
  let user: { id: number; username: string; role: string };
  const AREA = 'refusals';

  beforeAll(async () => {
    t = await buildTestApp();
    user = await createUser(t.database, { role: 'biller' });
  });
  afterAll(async () => t.app.close());

  const scan = (parentQr: string, qr: string): ChildScanArgs => ({
    ctx: {
      user_id: user.id,
      username: user.username,
      role: user.role,
      area: null,
      station: 'desk-r',
      ip: '10.2.0.0',
      request_id: 'req-r',
      now: new Date().toISOString(),
      tz: 'Asia/Kolkata',
    },
    parentQr,
    qr,
    scanId: newScanId(),
    hash: 'h',
  });
  const one = async (text: string, params: Array<string | number>) =>
    (await t.database.query<Record<string, unknown>>(text, params))[0];
  const parentWith = async () => {
    const qr = await freshParentCode(t.database);
    await t.database.query(
      `insert into bags (qr, type, kind, status, dispatch_area, created_by, created_at, updated_at)
       values ($1, 'parent', 'SB', 'empty', $2, $3, now(), now())`,
      [qr, AREA, user.id],
    );
    return qr;
  };
  const childCount = async (qr: string) =>
    Number((await one('select child_count from bags where qr = $1', [qr]))?.child_count);
  const parentOf = async (qr: string) =>
    (await one('select p.qr from bags c join bags p on p.id = c.parent_id where c.qr = $1', [qr]))
      ?.qr;
  const resultOf = (answer: FunctionAnswer | undefined) => answer?.result.error ?? 'ok';

  it('a code scanned both as a parent and as a child: TT001, then each scan alone', async () => {
    const [p, q] = [await parentWith(), await parentWith()];
    const scans = [
      scan(p, freshChildCode()),
      scan(p, freshChildCode()),
      scan(q, p),
      scan(q, freshChildCode()),
    ];

    const refused = await scanChildren(t.database, scans, 0).catch(
      (error: { code?: string }) => error,
    );
    expect(refused).toMatchObject({ code: 'TT001' });
    expect(await childCount(p)).toBe(0);
    expect(await childCount(q)).toBe(0);

    const fallbacks: unknown[] = [];
    const scanner = createChildScanner(t.database, {
      maxBatch: 32,
      onFallback: (error) => fallbacks.push((error as { code?: string }).code),
    });
    const answers = await Promise.all(scans.map((s) => scanner(s)));

    expect(fallbacks).toEqual(['TT001']);
    expect(answers.map(resultOf)).toEqual(['ok', 'ok', 'QR_WRONG_TYPE', 'ok']);
    expect(answers[2]?.result.details).toEqual({ qr: p, expected: 'child', actual: 'parent' });
    expect(await childCount(p)).toBe(2);
    expect(await childCount(q)).toBe(1);
    expect(await parentOf(scans[3]?.qr ?? '')).toBe(q);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'a child created or linked by another transaction after the batch read it: TT001, nothing written (PostgreSQL)',
    async () => {
      for (const meanwhile of ['created', 'linked'] as const) {
        const [other, mine] = [await parentWith(), await parentWith()];
        const contested = freshChildCode();
        if (meanwhile === 'linked') {
          await t.database.query(
            `insert into bags (qr, type, weight_kg, dispatch_area, created_by, created_at, updated_at)
             values ($1, 'child', 1, $2, $3, now(), now())`,
            [contested, AREA, user.id],
          );
        }
        let release!: () => void;
        const released = new Promise<void>((resolve) => {
          release = resolve;
        });
        let began!: () => void;
        const begun = new Promise<void>((resolve) => {
          began = resolve;
        });
        const holder = t.database.db.transaction(async (tx) => {
          const s = scan(other, contested);
          await tx.execute(
            sql`select tt_scan_child(${JSON.stringify(s.ctx)}::jsonb, ${other}, ${contested}, ${s.scanId}, 'h')`,
          );
          began();
          await released;
        });
        await begun;
        const batch = [
          scan(mine, freshChildCode()),
          scan(mine, contested),
          scan(mine, freshChildCode()),
        ];
        // The batch reads the contested child as it was, then waits for the holder at its write.
        const refused = t.database
          .query('select n, r from tt_scan_children(0, $1, $2::text::json)', [
            '30s',
            JSON.stringify(batch),
          ])
          .catch((error: { code?: string }) => error);
        const waiting = `select count(*) as n from pg_stat_activity
                         where datname = current_database() and wait_event_type = 'Lock'`;
        while (Number((await one(waiting, []))?.n) === 0) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        release();
        await holder;

        expect(await refused, meanwhile).toMatchObject({ code: 'TT001' });
        expect(await childCount(mine)).toBe(0);
        expect(
          await one('select count(*)::int as n from bags where qr = $1', [batch[0]?.qr ?? '']),
        ).toEqual({ n: 0 });
        expect(await parentOf(contested)).toBe(other);
      }
    },
  );
});
