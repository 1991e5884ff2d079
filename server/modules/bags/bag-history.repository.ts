import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/migrate.js';

/** One event of a bag's trace; columns a source does not have are null. */
export interface HistoryRow {
  /** Epoch milliseconds (a float8, the same from PGlite and postgres.js). */
  at_ms: number;
  type: 'scan' | 'link' | 'unlink' | 'audit' | 'bill';
  username: string | null;
  scan_kind: string | null;
  qr: string | null;
  target: string | null;
  station: string | null;
  created: boolean | null;
  duplicate: boolean | null;
  parent: string | null;
  child: string | null;
  reason: string | null;
  action: string | null;
  before: unknown;
  after: unknown;
}

const atMs = (column: SQL) => sql`(extract(epoch from ${column}) * 1000)::float8`;

const SCANS = sql`select s.at, 'scan' as type, 0 as rank, s.id, u.username, s.kind as scan_kind, s.qr,
  s.target_qr as target, s.station, s.created, s.duplicate, null::text as parent, null::text as child,
  null::text as reason, null::text as action, null::jsonb as before, null::jsonb as after
  from scans s left join users u on u.id = s.user_id`;

const LINKS = sql`select e.at, e.action as type, 1 as rank, e.id, u.username, null, null, null, null, null,
  null, e.parent_qr, e.child_qr, e.reason, null, null, null
  from link_events e left join users u on u.id = e.user_id`;

/** Bill events of a parent (bill_events_parent_idx): `target` is the bill, `reason` the note. */
const BILLS = sql`select e.at, 'bill' as type, 3 as rank, e.id, u.username, null, null, e.bill_no, null, null,
  null, null, null, e.note, e.action, e.before, e.after
  from bill_events e left join users u on u.id = e.user_id`;

const AUDIT = sql`select a.at, 'audit' as type, 2 as rank, a.id, a.actor_username, null, null, null, null, null,
  null, null, null, null, a.action, a.before, a.after
  from audit_log a`;

/**
 * A bag's trace, oldest first, at most `cap` rows: its scans (for a parent also the child scans
 * made into it), its links and unlinks, a parent's bill events, and the audit rows about it.
 * Each branch is an index range (scans_qr_idx, scans_target_idx, link_events_*_idx,
 * bill_events_parent_idx, audit_entity_idx) capped at `cap`.
 */
export async function listHistory(
  ex: Executor,
  args: { code: string; type: 'parent' | 'child'; cap: number },
): Promise<HistoryRow[]> {
  const { code } = args;
  const cap = sql.raw(String(Math.trunc(args.cap)));
  const branches: SQL[] = [
    sql`(${SCANS} where s.qr = ${code} order by s.id limit ${cap})`,
    args.type === 'parent'
      ? sql`(${SCANS} where s.target_qr = ${code} and s.kind = 'child' order by s.id limit ${cap})`
      : sql`(${LINKS} where e.child_qr = ${code} order by e.id limit ${cap})`,
    args.type === 'parent'
      ? sql`(${LINKS} where e.parent_qr = ${code} order by e.id limit ${cap})`
      : null,
    sql`(${AUDIT} where a.entity_type = 'bag' and a.entity_id = ${code} order by a.id limit ${cap})`,
    args.type === 'parent'
      ? sql`(${BILLS} where e.parent_qr = ${code} order by e.id limit ${cap})`
      : null,
  ].filter((b): b is SQL => b !== null);
  const result = await ex.execute(sql`
    select ${atMs(sql`h.at`)} as at_ms, h.type, h.username, h.scan_kind, h.qr, h.target, h.station,
           h.created, h.duplicate, h.parent, h.child, h.reason, h.action, h.before, h.after
    from (${sql.join(branches, sql` union all `)}) h
    order by h.at, h.rank, h.id
    limit ${cap}`);
  return rowsOf<HistoryRow>(result);
}

export interface LinkAt {
  qr: string;
  at_ms: number;
}

/** A parent's children at `at`: each child whose latest event up to then is a link to it. */
export async function childrenAt(ex: Executor, parentQr: string, at: Date): Promise<LinkAt[]> {
  const result = await ex.execute(sql`
    select x.child_qr as qr, ${atMs(sql`x.at`)} as at_ms
    from (
      select distinct on (e.child_qr) e.child_qr, e.action, e.at
      from link_events e
      where e.parent_qr = ${parentQr} and e.at <= ${at.toISOString()}::timestamptz
      order by e.child_qr, e.at desc, e.id desc
    ) x
    where x.action = 'link'
    order by x.at, x.child_qr`);
  return rowsOf<LinkAt>(result);
}

/** A child's parent at `at`: its latest event up to then, when that is a link. */
export async function parentAt(
  ex: Executor,
  childQr: string,
  at: Date,
): Promise<LinkAt | undefined> {
  const result = await ex.execute(sql`
    select e.parent_qr as qr, e.action, ${atMs(sql`e.at`)} as at_ms
    from link_events e
    where e.child_qr = ${childQr} and e.at <= ${at.toISOString()}::timestamptz
    order by e.at desc, e.id desc
    limit 1`);
  const [row] = rowsOf<LinkAt & { action: string }>(result);
  return row?.action === 'link' ? { qr: row.qr, at_ms: row.at_ms } : undefined;
}

/** The bill a parent was on at `at`: its latest bill event up to then, when that put it on. */
export async function billAt(
  ex: Executor,
  parentQr: string,
  at: Date,
): Promise<{ billNo: string; at_ms: number } | undefined> {
  const result = await ex.execute(sql`
    select e.bill_no, e.action, ${atMs(sql`e.at`)} as at_ms
    from bill_events e
    where e.parent_qr = ${parentQr} and e.at <= ${at.toISOString()}::timestamptz
      and e.action in ('attach', 'remove', 'return', 'restore')
    order by e.at desc, e.id desc
    limit 1`);
  const [row] = rowsOf<{ bill_no: string; action: string; at_ms: number }>(result);
  return row && (row.action === 'attach' || row.action === 'restore')
    ? { billNo: row.bill_no, at_ms: row.at_ms }
    : undefined;
}

/** What is left of a code with no bag row: whether it has a trace, and its last dispatch area. */
export async function findTrace(
  ex: Executor,
  code: string,
): Promise<{ found: boolean; area: string | null }> {
  const result = await ex.execute(sql`
    select
      (select a.before->>'dispatchArea' from audit_log a
        where a.entity_type = 'bag' and a.entity_id = ${code} and a.action = 'bag.delete'
        order by a.id desc limit 1) as deleted_area,
      exists(select 1 from audit_log a where a.entity_type = 'bag' and a.entity_id = ${code}
        and a.action = 'bag.delete') as deleted,
      (select s.dispatch_area from scans s where s.qr = ${code} order by s.id desc limit 1) as scan_area,
      exists(select 1 from scans s where s.qr = ${code})
        or exists(select 1 from link_events e where e.child_qr = ${code})
        or exists(select 1 from link_events e where e.parent_qr = ${code})
        or exists(select 1 from audit_log a where a.entity_type = 'bag' and a.entity_id = ${code}) as traced`);
  const [row] = rowsOf<{
    deleted_area: string | null;
    deleted: boolean;
    scan_area: string | null;
    traced: boolean;
  }>(result);
  if (!row) {
    return { found: false, area: null };
  }
  return { found: row.traced, area: row.deleted ? row.deleted_area : row.scan_area };
}
