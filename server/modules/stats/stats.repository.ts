import type { Database } from '../../db/client.js';
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

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The whole dashboard in one round trip, from the small counter tables only (never bags or scans):
 * counters, today's local hours, the last hour's 5-minute slots and today's top 5 stations.
 * Each branch is a range on a primary key or an index, so the cost does not grow with the data.
 * `$6` is the area when the scope has one: two statement texts rather than `($6 is null or area =
 * $6)`, so that each is prepared once with an index plan.
 */
function statsSql(inScope: string): string {
  return `
    select 'counter' as part, metric as key, sum(value)::bigint as n
      from stats_counters where ${inScope} and metric in (${quoted(AREA_METRICS)}) group by metric
    union all
    select 'counter', metric, sum(value)::bigint
      from stats_counters where metric in (${quoted(BILL_METRICS)}) group by metric
    union all
    select 'hour', to_char(hour, 'HH24'), sum(scans)::bigint
      from stats_hourly
      where ${inScope} and hour >= $1::timestamp and hour < $2::timestamp
      group by hour
    union all
    select 'recent', '', coalesce(sum(scans), 0)::bigint
      from stats_recent
      where ${inScope} and slot >= $3::timestamptz and slot <= $4::timestamptz
    union all
    (select 'station', station, sum(scans)::bigint
      from stats_stations where ${inScope} and day = $5::date
      group by station order by 3 desc, 2 limit 5)`;
}

const ALL_AREAS_SQL = statsSql('true');
const ONE_AREA_SQL = statsSql('area = $6');

/** Read on every dashboard refresh: a prepared statement (Database.query), one per scope shape. */
export async function readStats(
  database: Pick<Database, 'query'>,
  scope: StatsScope,
  window: StatsWindow,
): Promise<StatsRow[]> {
  const params = [
    window.dayStart,
    window.dayEnd,
    window.recentFrom.toISOString(),
    window.recentTo.toISOString(),
    window.day,
  ];
  return scope.area === null
    ? database.query<StatsRow>(ALL_AREAS_SQL, params)
    : database.query<StatsRow>(ONE_AREA_SQL, [...params, scope.area]);
}
