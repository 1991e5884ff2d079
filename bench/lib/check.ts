import type { RawQuery } from './scenarios.js';

export interface CheckResult {
  parents: number;
  children: number;
  problems: string[];
}

/**
 * Packing invariants after a run, for the given parents (or all parents when `codes` is null):
 * child_count = children whose parent_id is the parent = links − unlinks in link_events;
 * weight_kg = child_count; status follows the count; and the dashboard counters equal the
 * true totals per area.
 */
export async function checkPacking(q: RawQuery, codes: string[] | null): Promise<CheckResult> {
  const problems: string[] = [];
  const scope = codes === null ? `p.type = 'parent'` : `p.qr = any($1::text[])`;
  const params = codes === null ? [] : [codes];
  const rows = await q(
    `select p.qr, p.child_count, p.weight_kg, p.status, k.max_children,
            (select count(*)::int from bags c where c.parent_id = p.id) as linked,
            (select (count(*) filter (where e.action = 'link') - count(*) filter (where e.action = 'unlink'))::int
               from link_events e where e.parent_qr = p.qr) as events
       from bags p join bag_kinds k on k.code = p.kind where ${scope}`,
    params,
  );
  let children = 0;
  for (const r of rows) {
    const count = Number(r.child_count);
    children += count;
    const expected =
      count === 0 ? 'empty' : count >= Number(r.max_children) ? 'complete' : 'in_progress';
    if (
      count !== Number(r.linked) ||
      count !== Number(r.events) ||
      Number(r.weight_kg) !== count ||
      r.status !== expected
    ) {
      if (problems.length < 20) {
        problems.push(
          `${String(r.qr)}: child_count ${count}, children ${String(r.linked)}, link events ${String(r.events)}, weight ${String(r.weight_kg)}, status ${String(r.status)}`,
        );
      }
    }
  }
  if (codes !== null && rows.length !== new Set(codes).size) {
    problems.push(`${new Set(codes).size - rows.length} parents opened by the run do not exist`);
  }
  const counters = await q(
    `with truth as (
       select coalesce(dispatch_area, '') as area, 'parents' as metric, count(*) filter (where type = 'parent') as n from bags group by 1
       union all select coalesce(dispatch_area, ''), 'children', count(*) filter (where type = 'child') from bags group by 1
       union all select coalesce(dispatch_area, ''), 'unlinked_children', count(*) filter (where type = 'child' and parent_id is null) from bags group by 1),
     kept as (select area, metric, sum(value) as n from stats_counters group by 1, 2)
     select coalesce(t.area, k.area) as area, coalesce(t.metric, k.metric) as metric, coalesce(t.n, 0)::bigint as truth, coalesce(k.n, 0)::bigint as kept
       from truth t full join kept k on k.area = t.area and k.metric = t.metric
      where coalesce(t.n, 0) <> coalesce(k.n, 0) and coalesce(t.metric, k.metric) in ('parents', 'children', 'unlinked_children')`,
    [],
  );
  for (const c of counters) {
    problems.push(
      `stats_counters ${String(c.area)}/${String(c.metric)}: kept ${String(c.kept)}, true ${String(c.truth)}`,
    );
  }
  return { parents: rows.length, children, problems };
}
