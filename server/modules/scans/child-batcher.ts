import type { Database } from '../../db/client.js';
import type { FunctionAnswer } from '../../platform/db-function.js';
import { scanChild, type ChildScanArgs } from './scans.repository.js';

/**
 * Batches in flight at once: two keep both cores of the measured machine busy while the next
 * batch gathers; one was slower and three or four no better (BENCHMARKS.md "Child scans share a
 * commit").
 */
const IN_FLIGHT = 2;
/** How long a batch may wait for a lock before it gives up and its scans go alone. */
const BATCH_LOCK_TIMEOUT = '250ms';
/** The dashboard counters' shards (tt_shard, migration 0002). */
const COUNTER_SHARDS = 8;

interface Waiting {
  scan: ChildScanArgs;
  resolve: (answer: FunctionAnswer) => void;
  reject: (error: unknown) => void;
}

/** An error PostgreSQL (or PGlite) answered: the transaction is known to have rolled back. */
const isDatabaseError = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as { code?: unknown }).code === 'string' &&
  /^[0-9A-Z]{5}$/.test((error as { code: string }).code);

/**
 * Group commit for child scans (ADR 0006, ADR 0007). A scan that arrives while fewer than
 * IN_FLIGHT batches are running goes at once; scans that arrive meanwhile wait and go together,
 * up to `maxBatch` in one tt_scan_children transaction, sorted by parent code so that batches lock
 * parents in one order. Each scan is answered exactly as alone. When the database refuses a batch
 * (a lock wait past BATCH_LOCK_TIMEOUT, a deadlock, TT001 for a child changed by another
 * transaction after the batch read it, any error) nothing of it was written, and each of its
 * scans is run alone; scans whose parent is on a bill are run alone after the batch commits.
 */
export function createChildScanner(
  database: Database,
  options: { maxBatch: number; onFallback?: (error: unknown, scans: number) => void },
): (scan: ChildScanArgs) => Promise<FunctionAnswer> {
  const queue: Waiting[] = [];
  // Each running batch holds a slot; its slot picks the counter shard it writes, so the batches
  // of one instance never queue on each other's counter rows.
  const firstShard = Math.floor(Math.random() * COUNTER_SHARDS);
  const freeSlots = Array.from({ length: IN_FLIGHT }, (_, i) => i);
  let scheduled = false;

  // Settles the scan's own promise. A scan run alone after its batch (deferred, or the batch
  // refused) does not hold the batch's slot.
  const alone = (w: Waiting) => scanChild(database, w.scan).then(w.resolve, w.reject);

  async function runBatch(batch: Waiting[], slot: number) {
    if (batch.length === 1) {
      return alone(batch[0] as Waiting);
    }
    const sorted = batch
      .map((w, i) => ({ w, i }))
      .sort((a, b) => compare(a.w.scan.parentQr, b.w.scan.parentQr) || a.i - b.i)
      .map(({ w }) => w);
    let answers: Array<FunctionAnswer | null>;
    try {
      answers = await scanChildren(
        database,
        sorted.map((w) => w.scan),
        (firstShard + slot) % COUNTER_SHARDS,
      );
    } catch (error) {
      if (!isDatabaseError(error)) {
        for (const w of sorted) {
          w.reject(error);
        }
        return;
      }
      options.onFallback?.(error, sorted.length);
      for (const w of sorted) {
        void alone(w);
      }
      return;
    }
    sorted.forEach((w, i) => {
      const answer = answers[i];
      if (answer) {
        w.resolve(answer);
      } else {
        void alone(w);
      }
    });
  }

  function drain() {
    scheduled = false;
    while (freeSlots.length > 0 && queue.length > 0) {
      const slot = freeSlots.pop() as number;
      void runBatch(queue.splice(0, options.maxBatch), slot).finally(() => {
        freeSlots.push(slot);
        schedule();
      });
    }
  }

  function schedule() {
    if (!scheduled && queue.length > 0) {
      scheduled = true;
      setImmediate(drain);
    }
  }

  return (scan) =>
    new Promise<FunctionAnswer>((resolve, reject) => {
      queue.push({ scan, resolve, reject });
      schedule();
    });
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One transaction for several child scans (tt_scan_children, migration 0012: the batch's rows read
 * and written as sets): each answer in the order of `scans`, null for a scan left to run alone
 * (its parent is on a bill).
 * @throws when the database does; then nothing of the batch was written
 */
export async function scanChildren(
  database: Database,
  scans: readonly ChildScanArgs[],
  shard: number,
): Promise<Array<FunctionAnswer | null>> {
  const rows = await database.query<{ n: number | string; r: FunctionAnswer | string | null }>(
    'select n, r from tt_scan_children($1::int, $2, $3::text::json)',
    [shard, BATCH_LOCK_TIMEOUT, JSON.stringify(scans)],
  );
  const answers = new Array<FunctionAnswer | null>(scans.length).fill(null);
  for (const { n, r } of rows) {
    answers[Number(n) - 1] =
      r === null ? null : typeof r === 'string' ? (JSON.parse(r) as FunctionAnswer) : r;
  }
  return answers;
}
