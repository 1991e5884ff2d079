import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/migrate.js';
import type { StatsWindow } from './stats-window.js';

/** Counter metrics of stats_counters the dashboard reads, by the dispatch area of the bag. */
export const AREA_METRICS = ['parents', 'children', 'unlinked_children'] as const;
/** Bill metrics: bills have no dispatch area, so they are summed over every area for everyone. */
export const BILL_METRICS = ['bills_new', 'bills_processing', 'bills_completed'] as const;

/** One row of the dashboard read: which part it belongs to, a key within it, and a sum. */
export interface StatsRow {
  part: 'counter' | 'hour' | 'recent' | 'station';
  key: string;
  /** postgres.js answers bigint as a string, PGlite as a bigint or number. */
  n: string | number | bigint;
}

/** `area` null: every area; otherwise one area key ('' = bags with no dispatch area). */
export interface StatsScope {
  area: string | null;
}

const inList = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * The whole dashboard in one round trip, from the small counter tables only (never bags or scans):
 * counters, today's local hours, the last hour's 5-minute slots and today's top 5 stations.
 * Each branch is a range on a primary key or an index, so the cost does not grow with the data.
 */
export async function readStats(
  ex: Executor,
  scope: StatsScope,
  window: StatsWindow,
): Promise<StatsRow[]> {
  // Two query shapes rather than `($1 is null or area = $1)`, so each keeps an index plan.
  const inScope: SQL = scope.area === null ? sql`true` : sql`area = ${scope.area}`;
  const result = await ex.execute(sql`
    select 'counter' as part, metric as key, sum(value)::bigint as n
      from stats_counters where ${inScope} and metric in (${inList(AREA_METRICS)}) group by metric
    union all
    select 'counter', metric, sum(value)::bigint
      from stats_counters where metric in (${inList(BILL_METRICS)}) group by metric
    union all
    select 'hour', to_char(hour, 'HH24'), sum(scans)::bigint
      from stats_hourly
      where ${inScope} and hour >= ${window.dayStart}::timestamp and hour < ${window.dayEnd}::timestamp
      group by hour
    union all
    select 'recent', '', coalesce(sum(scans), 0)::bigint
      from stats_recent
      where ${inScope} and slot >= ${window.recentFrom.toISOString()}::timestamptz
        and slot <= ${window.recentTo.toISOString()}::timestamptz
    union all
    (select 'station', station, sum(scans)::bigint
      from stats_stations where ${inScope} and day = ${window.day}::date
      group by station order by 3 desc, 2 limit 5)
  `);
  return rowsOf<StatsRow>(result);
}
