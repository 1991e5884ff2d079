import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../db/client.js';
import { freshChildCode, freshParentCode, newScanId } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';

/**
 * tt_scan_children (migration 0012) applies the rules of tt_scan_child to a whole batch at once.
 * Here one batch of scans covering every rule and their interplay runs twice from the same
 * committed state, each time in a transaction rolled back afterwards: once as a batch, once as
 * single tt_scan_child calls in the same order. Answers, events and everything written must be
 * the same, ids and counter shards aside.
 */
describe('tt_scan_children answers and writes as single scans do', () => {
  let t: TestApp;
  const AREA = `sets-${freshChildCode().slice(0, 6).toLowerCase()}`;
  const OTHER_AREA = `${AREA}-x`;
  const TZ = 'Asia/Kolkata';
  let clock = Date.parse('2026-12-07T10:58:00.000Z');
  const nextNow = () => new Date((clock += 7_001)).toISOString();

  type User = { id: number; username: string; role: string; dispatchArea: string | null };
  let u1: User;
  let u2: User;
  let d1: User;
  const ctxOf = (u: User, station: string | null) => ({
    user_id: u.id,
    username: u.username,
    role: u.role,
    area: u.dispatchArea,
    station,
    ip: '10.1.0.0',
    request_id: `req-${freshChildCode()}`,
    now: nextNow(),
    tz: TZ,
  });

  const call = async (text: string, params: Array<string | number | null>) =>
    (await t.database.query<{ r: unknown }>(text, params))[0]?.r;
  const scanParent = (u: User, qr: string, area: string) =>
    call(`select tt_scan_parent($1::jsonb, $2, $3, $4, $5, $6) as r`, [
      JSON.stringify(ctxOf(u, 'desk-1')),
      qr,
      qr.startsWith('SB') ? 'SB' : 'M444',
      area,
      newScanId(),
      'h',
    ]);
  const scanChild = (u: User, parentQr: string, qr: string, scanId = newScanId(), hash = 'h') =>
    call(`select tt_scan_child($1::jsonb, $2, $3, $4, $5) as r`, [
      JSON.stringify(ctxOf(u, 'desk-1')),
      parentQr,
      qr,
      scanId,
      hash,
    ]);

  beforeAll(async () => {
    t = await buildTestApp();
    u1 = await createUser(t.database, { role: 'biller' });
    u2 = await createUser(t.database, { role: 'admin' });
    d1 = await createUser(t.database, { role: 'dispatcher', dispatchArea: AREA });
  });
  afterAll(async () => t.app.close());

  /** Runs `work` in a transaction that is rolled back, and answers what it answered. */
  async function rolledBack<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    let out: T | undefined;
    await t.database.db
      .transaction(async (tx) => {
        out = await work(tx);
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) {
          throw error;
        }
      });
    return out as T;
  }

  const rowsOf = (result: unknown): Array<Record<string, unknown>> =>
    Array.isArray(result)
      ? (result as Array<Record<string, unknown>>)
      : ((result as { rows: Array<Record<string, unknown>> }).rows ?? []);
  const parsed = (v: unknown): unknown => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);
  const normal = (rows: Array<Record<string, unknown>>) =>
    JSON.parse(JSON.stringify(rows)) as Array<Record<string, unknown>>;

  /** What the scans wrote, by codes and scanIds (no ids, counters summed over shards). */
  async function snapshot(tx: Tx, codes: string[], scanIds: string[]) {
    const q = async (query: ReturnType<typeof sql>) => normal(rowsOf(await tx.execute(query)));
    const codeList = sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    );
    const idList = sql.join(
      scanIds.map((c) => sql`${c}`),
      sql`, `,
    );
    const areas = sql`(${AREA}, ${OTHER_AREA}, '')`;
    return {
      bags: await q(sql`
        select b.qr, b.type, b.kind, b.status, b.child_count, b.weight_kg, b.dispatch_area, p.qr as parent,
               b.linked_at, b.linked_by, b.touches, b.created_by, b.created_at, b.updated_at,
               b.link_scan_id = b.created_scan_id as same_scan, ls.scan_id as link_scan, cs.scan_id as created_scan
        from bags b left join bags p on p.id = b.parent_id
        left join scans ls on ls.id = b.link_scan_id left join scans cs on cs.id = b.created_scan_id
        where b.qr in (${codeList}) order by b.qr`),
      scans: await q(sql`
        select s.at, s.user_id, s.station, s.kind, s.qr, b.qr as bag, s.target_qr, s.dispatch_area, s.created,
               s.duplicate, s.scan_id
        from scans s left join bags b on b.id = s.bag_id where s.scan_id in (${idList}) order by s.id`),
      audit: await q(sql`
        select at, actor_id, actor_username, actor_role, action, entity_type, entity_id, after, ip, request_id
        from audit_log where entity_id in (${codeList}) order by id`),
      links: await q(sql`
        select e.at, e.action, e.child_qr, e.parent_qr, e.user_id, e.reason,
               c.qr = e.child_qr as child_ok, p.qr = e.parent_qr as parent_ok
        from link_events e left join bags c on c.id = e.child_id left join bags p on p.id = e.parent_id
        where e.child_qr in (${codeList}) order by e.id`),
      requests: await q(sql`
        select user_id, endpoint, scan_id, body_hash, response from scan_requests
        where scan_id in (${idList}) order by user_id, scan_id`),
      counters: await q(sql`
        select area, metric, sum(value)::text as v from stats_counters where area in ${areas}
        group by 1, 2 order by 1, 2`),
      hourly: await q(sql`
        select area, hour, sum(scans)::text as v from stats_hourly where area in ${areas}
        group by 1, 2 order by 1, 2`),
      recent: await q(sql`
        select area, slot, sum(scans)::text as v from stats_recent where area in ${areas}
        group by 1, 2 order by 1, 2`),
      stations: await q(sql`
        select area, day, station, sum(scans)::text as v from stats_stations where area in ${areas}
        group by 1, 2, 3 order by 1, 2, 3`),
    };
  }

  it('a batch of every rule gives the single scans’ answers and writes', async () => {
    const [p1, p2, px, pOther] = [
      await freshParentCode(t.database),
      await freshParentCode(t.database),
      await freshParentCode(t.database),
      await freshParentCode(t.database),
    ];
    const p3 = await freshParentCode(t.database, 'M444');
    for (const [qr, area] of [
      [p1, AREA],
      [p2, AREA],
      [p3, AREA],
      [px, AREA],
      [pOther, OTHER_AREA],
    ] as const) {
      await scanParent(u1, qr, area);
    }
    for (let i = 0; i < 28; i += 1) {
      await scanChild(u1, p2, freshChildCode());
    }
    const inP1 = freshChildCode();
    const inP3 = freshChildCode();
    const lonely = freshChildCode();
    await scanChild(u1, p1, inP1);
    await scanChild(u2, p3, inP3);
    await scanChild(u2, p3, lonely);
    const [unlinked1, unlinked2] = [freshChildCode(), freshChildCode()];
    await t.database.query(
      `insert into bags (qr, type, weight_kg, dispatch_area, created_by, created_at, updated_at, touches)
       values ($1, 'child', 1, $3, $4, now(), now(), 0), ($2, 'child', 2.5, null, $4, now(), now(), 3)`,
      [unlinked1, unlinked2, AREA, u2.id],
    );
    const s0 = newScanId();
    const s0child = freshChildCode();
    await scanChild(u1, p1, s0child, s0, 'hash-s0');

    const [c1, c2, c3, c4, c5, c6, c7, c8, c9] = Array.from({ length: 9 }, freshChildCode) as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const x = newScanId();
    const plan: Array<[User, string, string, string?, string?, (string | null)?]> = [
      [u1, p1, c1],
      [u1, p1, c2, undefined, undefined, null],
      [u2, p1, c1], // duplicate of a child this batch created
      [u1, p2, c3],
      [u1, p2, c4], // fills p2
      [u1, p2, c5], // PARENT_FULL
      [u1, p3, unlinked1], // links a child that was on no parent
      [u2, p3, unlinked1], // duplicate of that link
      [u1, p1, unlinked1], // CHILD_IN_OTHER_PARENT (p3)
      [u1, p1, inP1], // duplicate of an earlier link
      [u1, p1, inP3], // CHILD_IN_OTHER_PARENT
      [u1, p1, px], // QR_WRONG_TYPE: a parent scanned as a child
      [u2, p1, p1], // QR_WRONG_TYPE: the parent's own code
      [u1, `${p1}9`, c6], // BAG_NOT_FOUND
      [u1, lonely, c6], // QR_WRONG_TYPE: a child scanned as the parent
      [d1, pOther, c6], // AREA_FORBIDDEN
      [d1, p1, c7], // a dispatcher in the parent's area
      [u1, p1, s0child, s0, 'hash-s0'], // replay of a committed scan
      [u1, p1, c8, s0, 'hash-other'], // SCAN_ID_REUSED
      [u2, p3, c8, x, 'hash-x'],
      [u2, p3, c8, x, 'hash-x'], // replay within the batch
      [u2, p3, c9, x, 'hash-y'], // SCAN_ID_REUSED within the batch
      [u2, p1, unlinked2], // links a child of no area
    ];
    const scans = plan
      .map(([u, parentQr, qr, scanId, hash, station]) => ({
        ctx: ctxOf(u, station === undefined ? `desk-${u.id}` : station),
        parentQr,
        qr,
        scanId: scanId ?? newScanId(),
        hash: hash ?? 'h',
      }))
      .sort((a, b) => (a.parentQr < b.parentQr ? -1 : a.parentQr > b.parentQr ? 1 : 0));
    const codes = [
      p1,
      p2,
      p3,
      px,
      pOther,
      inP1,
      inP3,
      lonely,
      unlinked1,
      unlinked2,
      s0child,
      c1,
      c2,
      c3,
      c4,
      c5,
      c6,
      c7,
      c8,
      c9,
    ];
    const scanIds = [...new Set(scans.map((s) => s.scanId))];

    const batched = await rolledBack(async (tx) => {
      const rows = rowsOf(
        await tx.execute(
          sql`select n, r from tt_scan_children(3, '250ms', ${JSON.stringify(scans)}::text::json) order by n`,
        ),
      );
      return {
        answers: rows.map((row) => parsed(row.r)),
        state: await snapshot(tx, codes, scanIds),
      };
    });
    const single = await rolledBack(async (tx) => {
      const answers: unknown[] = [];
      for (const s of scans) {
        const rows = rowsOf(
          await tx.execute(
            sql`select tt_scan_child(${JSON.stringify(s.ctx)}::jsonb, ${s.parentQr}, ${s.qr}, ${s.scanId}, ${s.hash}) as r`,
          ),
        );
        answers.push(parsed(rows[0]?.r));
      }
      return { answers, state: await snapshot(tx, codes, scanIds) };
    });

    const codesAnswered = single.answers.map((a) => {
      const result = (a as { result: { error?: string } }).result;
      return result.error ?? ((a as { replay: boolean }).replay ? 'replay' : 'ok');
    });
    expect(codesAnswered.sort()).toEqual(
      [
        ...Array(11).fill('ok'),
        'AREA_FORBIDDEN',
        'BAG_NOT_FOUND',
        'CHILD_IN_OTHER_PARENT',
        'CHILD_IN_OTHER_PARENT',
        'PARENT_FULL',
        'QR_WRONG_TYPE',
        'QR_WRONG_TYPE',
        'QR_WRONG_TYPE',
        'SCAN_ID_REUSED',
        'SCAN_ID_REUSED',
        'replay',
        'replay',
      ].sort(),
    );
    expect(batched.answers).toEqual(single.answers);
    expect(batched.state.bags).toEqual(single.state.bags);
    expect(batched.state.scans).toEqual(single.state.scans);
    expect(batched.state.audit).toEqual(single.state.audit);
    expect(batched.state.links).toEqual(single.state.links);
    expect(batched.state.requests).toEqual(single.state.requests);
    expect(batched.state).toEqual(single.state);
    expect(single.state.scans).toHaveLength(12); // the 11 accepted here and s0 before
  });
});

class RolledBack extends Error {}
