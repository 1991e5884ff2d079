import DataLoader from 'dataloader';
import type { BagDetail, BagKind } from '../../../common/contracts/bags.js';
import type { Database } from '../../db/client.js';
import type { BagFacts } from '../scans/scans.presenter.js';
import { presentBagFacts } from '../scans/scans.presenter.js';

/** What tt_bag_details answers for one code (migration 0010; the shape of 0006 and 0009). */
export interface BagDetailFacts {
  bag: BagFacts;
  linkedAt: string | null;
  kind: BagKind | null;
  parent: BagFacts | null;
  bill: BagDetail['bill'];
  children: BagFacts[];
}

/**
 * The most lookups one statement carries. Lookups that fall due together beyond this go out as
 * several statements at once, so every pooled connection (and PostgreSQL core) still takes a
 * share; BENCHMARKS.md "Lookups batched" has the measurement behind the figure.
 */
export const LOOKUP_BATCH_MAX = 32;

/**
 * Several lookups in one prepared round trip: the answers in the order of `codes`, undefined for
 * an unknown code. The codes go as text (a json-typed parameter would be encoded again by a driver
 * without Drizzle's pass-through serializer). @throws when the database does (the whole batch fails)
 */
export async function findBagDetails(
  database: Database,
  codes: readonly string[],
): Promise<Array<BagDetailFacts | undefined>> {
  const rows = await database.query<{ n: number | string; r: BagDetailFacts | string | null }>(
    'select n, r from tt_bag_details($1::text::json)',
    [JSON.stringify(codes)],
  );
  const answers = new Array<BagDetailFacts | undefined>(codes.length);
  for (const { n, r } of rows) {
    answers[Number(n) - 1] =
      r === null ? undefined : typeof r === 'string' ? (JSON.parse(r) as BagDetailFacts) : r;
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
): (code: string) => Promise<BagDetailFacts | undefined> {
  const loader = new DataLoader<string, BagDetailFacts | undefined>(
    (codes) => findBagDetails(database, codes),
    {
      cache: false,
      maxBatchSize: LOOKUP_BATCH_MAX,
      batchScheduleFn: (run) => setImmediate(run),
    },
  );
  return (code) => loader.load(code);
}

export function presentDetailFacts(facts: BagDetailFacts): BagDetail {
  const parent = facts.parent;
  return {
    bag: presentBagFacts(facts.bag),
    kind: facts.kind,
    parent: parent
      ? {
          qr: parent.qr,
          kind: parent.kind,
          status: parent.status,
          childCount: parent.childCount,
          maxChildren: parent.maxChildren ?? 0,
          weightKg: parent.weightKg,
          dispatchArea: parent.dispatchArea,
          linkedAt: facts.linkedAt ? new Date(facts.linkedAt).toISOString() : null,
        }
      : null,
    children: facts.children.map(presentBagFacts),
    bill: facts.bill,
  };
}
