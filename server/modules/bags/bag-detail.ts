import DataLoader from 'dataloader';
import type { Database } from '../../db/client.js';

/**
 * A lookup's answer as tt_bag_details gives it (migrations 0010, 0013): `body` is the BagDetail
 * contract as JSON text, sent as it is; `area` is the bag's dispatch area, for the visibility
 * check.
 */
export interface BagDetailText {
  area: string | null;
  body: string;
}

/**
 * The most lookups one statement carries. Lookups that fall due together beyond this go out as
 * several statements at once, so every pooled connection (and PostgreSQL core) still takes a
 * share; BENCHMARKS.md "Lookups batched" has the measurement behind the figure.
 */
const LOOKUP_BATCH_MAX = 32;

/**
 * Several lookups in one prepared round trip: the answers in the order of `codes`, undefined for
 * an unknown code. The codes go as text (a json-typed parameter would be encoded again by a driver
 * without Drizzle's pass-through serializer). @throws when the database does (the whole batch fails)
 */
export async function findBagDetails(
  database: Database,
  codes: readonly string[],
): Promise<Array<BagDetailText | undefined>> {
  const rows = await database.query<{
    n: number | string;
    area: string | null;
    body: string | null;
  }>('select n, area, body from tt_bag_details($1::text::json)', [JSON.stringify(codes)]);
  const answers = new Array<BagDetailText | undefined>(codes.length);
  for (const { n, area, body } of rows) {
    answers[Number(n) - 1] = body === null ? undefined : { area, body };
  }
  return answers;
}

/**
 * Looks one code up, sharing a round trip with the other lookups that fall due in the same turn
 * of the event loop (the requests read in one poll phase): at 100 scanners this answers up to
 * 32 lookups per statement instead of one, and a lone lookup waits for nothing but the turn's
 * end. Nothing is cached between turns, so every answer is read fresh.
 */
export function createDetailLoader(
  database: Database,
): (code: string) => Promise<BagDetailText | undefined> {
  const loader = new DataLoader<string, BagDetailText | undefined>(
    (codes) => findBagDetails(database, codes),
    {
      cache: false,
      maxBatchSize: LOOKUP_BATCH_MAX,
      batchScheduleFn: (run) => setImmediate(run),
    },
  );
  return (code) => loader.load(code);
}
