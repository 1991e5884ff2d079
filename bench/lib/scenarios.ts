import { createHash, randomInt } from 'node:crypto';
import type { Database } from '../../server/db/client.js';
import { createDetailLoader } from '../../server/modules/bags/bag-detail.js';
import { createChildScanner } from '../../server/modules/scans/child-batcher.js';
import type { ChildScanArgs } from '../../server/modules/scans/scans.repository.js';
import type { FunctionAnswer } from '../../server/platform/db-function.js';
import { FIRST_CHILD_CODE, parentQr } from './seed-data.js';

/** Runs one SQL statement: postgres.js (prepared) or PGlite. */
export type RawQuery = (text: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** One request of a scenario, as HTTP and as the same database work without HTTP. */
export interface Step {
  kind: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** The database work of the endpoint; answers an error code or null. */
  raw: (q: RawQuery) => Promise<string | null>;
}

/** One virtual scanner: a user, its session and its packing state. */
export interface Lane {
  index: number;
  /** Tells lane sets (HTTP, raw) of the same user apart in scanIds and child codes. */
  tag: string;
  userId: number;
  username: string;
  station: string;
  area: string;
  cookie: string;
  csrf: string;
  parent: string | null;
  /** Children linked into `parent` so far, and its capacity. */
  n: number;
  max: number;
  seq: number;
  /** A request was sent and no answer came (the run stopped): its effect is unknown. */
  pending: boolean;
  /** Parents this lane opened (checked after the run). */
  opened: string[];
}

export interface Scenario {
  name: string;
  next(lane: Lane): Step;
  /** The answer to the lane's last step: HTTP status (raw: 200 or 409) and the parsed body. */
  settle?(lane: Lane, step: Step, ok: boolean, body: unknown): void;
}

/** Fresh parent codes after the seeded ones: SB<start>…SB99999, then M444-00000… */
export class ParentCodes {
  constructor(
    private sb: number,
    private m444 = 0,
  ) {}

  next(): { qr: string; kind: 'SB' | 'M444'; max: number } {
    if (this.sb <= 99_999) {
      const qr = parentQr(this.sb);
      this.sb += 1;
      return { qr, kind: 'SB', max: 30 };
    }
    if (this.m444 > 99_999) {
      throw new Error('out of fresh parent codes (SB and M444): reseed');
    }
    const qr = `M444-${String(this.m444).padStart(5, '0')}`;
    this.m444 += 1;
    return { qr, kind: 'M444', max: 15 };
  }
}

/** Finds the first unused SB and M444 numbers (codes above the seeded ones). */
export async function freshParentCodes(q: RawQuery, seededParents: number): Promise<ParentCodes> {
  const [row] = await q(
    `select (select max(substr(qr, 3)::int) from bags where qr ~ '^SB[0-9]{5}$') as sb,
            (select max(substr(qr, 6)::int) from bags where qr ~ '^M444-[0-9]{5}$') as m444`,
    [],
  );
  const sb = row?.sb === null || row?.sb === undefined ? -1 : Number(row.sb);
  const m444 = row?.m444 === null || row?.m444 === undefined ? -1 : Number(row.m444);
  return new ParentCodes(Math.max(sb + 1, seededParents), m444 + 1);
}

const hashOf = (parts: Array<string | null | undefined>) =>
  createHash('sha256')
    .update(JSON.stringify(parts.map((p) => p ?? null)))
    .digest('base64url');

/** `p_ctx` as the scans service builds it (server/modules/scans/scans.service.ts functionCtx). */
function ctxOf(lane: Lane, requestId: string) {
  return JSON.stringify(ctxObject(lane, requestId));
}

function ctxObject(lane: Lane, requestId: string) {
  return {
    user_id: lane.userId,
    username: lane.username,
    role: 'biller',
    area: null,
    station: lane.station,
    ip: '127.0.0.0',
    request_id: requestId,
    now: new Date().toISOString(),
    tz: 'Asia/Kolkata',
  };
}

const errorOf = (rows: Array<Record<string, unknown>>) => {
  const r = rows[0]?.r;
  const answer = (typeof r === 'string' ? JSON.parse(r) : r) as FunctionAnswer | undefined;
  return answer?.result.error ?? (answer ? null : 'NO_ROW');
};

/**
 * Packing: each lane opens a fresh parent (POST /api/scans/parent), links new children into it
 * (POST /api/scans/child) until it is full, then opens the next one. The raw child scan does the
 * server's database work: scans that fall due together share a tt_scan_children transaction (the
 * server's own batcher, child-batcher.ts, `batchMax` as SCAN_BATCH_MAX); a batchMax of 1 sends
 * one tt_scan_child statement per scan, the single-round-trip ceiling the issue names.
 */
export function packingScenario(codes: ParentCodes, runTag: string, batchMax = 32): Scenario {
  let link: ((scan: ChildScanArgs) => Promise<FunctionAnswer>) | undefined;
  const linkerFor = (q: RawQuery) =>
    (link ??= createChildScanner({ query: q } as unknown as Database, { maxBatch: batchMax }));
  return {
    name: 'packing',
    next(lane) {
      const scanId = `${runTag}${lane.tag}-${lane.index}-${lane.seq}`;
      lane.seq += 1;
      if (lane.parent === null || lane.n >= lane.max) {
        const parent = codes.next();
        lane.parent = parent.qr;
        lane.n = 0;
        lane.max = parent.max;
        const body = { qr: parent.qr, scanId, station: lane.station, dispatchArea: lane.area };
        const hash = hashOf(['parent', parent.qr, lane.area, lane.station]);
        return {
          kind: 'scan parent',
          method: 'POST',
          path: '/api/scans/parent',
          body,
          raw: async (q) =>
            errorOf(
              await q('select tt_scan_parent($1::text::jsonb, $2, $3, $4, $5, $6) as r', [
                ctxOf(lane, scanId),
                parent.qr,
                parent.kind,
                lane.area,
                scanId,
                hash,
              ]),
            ),
        };
      }
      const parentCode = lane.parent;
      const qr =
        `X${runTag}${lane.tag}${lane.index.toString(36)}-${lane.seq.toString(36)}`.toUpperCase();
      lane.n += 1;
      const hash = hashOf(['child', parentCode, qr, lane.station]);
      return {
        kind: 'scan child',
        method: 'POST',
        path: '/api/scans/child',
        body: { parentQr: parentCode, qr, scanId, station: lane.station },
        raw: async (q) => {
          if (batchMax > 1) {
            const answer = await linkerFor(q)({
              ctx: ctxObject(lane, scanId),
              parentQr: parentCode,
              qr,
              scanId,
              hash,
            });
            return answer.result.error ?? null;
          }
          return errorOf(
            await q('select tt_scan_child($1::text::jsonb, $2, $3, $4, $5) as r', [
              ctxOf(lane, scanId),
              parentCode,
              qr,
              scanId,
              hash,
            ]),
          );
        },
      };
    },
    settle(lane, step, ok, body) {
      if (!ok) {
        lane.parent = null;
        return;
      }
      if (step.kind === 'scan parent') {
        lane.opened.push(lane.parent ?? '');
        const count = (body as { childCount?: number } | null)?.childCount ?? 0;
        lane.n = count;
      }
    },
  };
}

/**
 * GET /api/bags/:qr of random seeded codes, half parents (30 children each), half children. The raw figure does the server's
 * database work: lookups that fall due in one event-loop turn share one tt_bag_details statement
 * (the server's own loader, bag-detail.ts); `single` sends one tt_bag_detail statement per lookup,
 * the driver ceiling the issue names.
 */
export function lookupScenario(
  seededParents: number,
  childrenPerParent: number,
  raw: 'batched' | 'single' = 'batched',
): Scenario {
  let load: ((code: string) => Promise<unknown>) | undefined;
  const loaderFor = (q: RawQuery) =>
    (load ??= createDetailLoader({ query: q } as unknown as Database));
  return {
    name: 'lookup',
    next() {
      const isParent = randomInt(2) === 0;
      const qr = isParent
        ? parentQr(randomInt(seededParents))
        : String(FIRST_CHILD_CODE + randomInt(seededParents * childrenPerParent));
      return {
        kind: isParent ? 'lookup parent' : 'lookup child',
        method: 'GET',
        path: `/api/bags/${qr}`,
        raw: async (q) => {
          const found =
            raw === 'batched'
              ? await loaderFor(q)(qr)
              : (await q('select tt_bag_detail($1) as r', [qr]))[0]?.r;
          return found === null || found === undefined ? 'BAG_NOT_FOUND' : null;
        },
      };
    },
  };
}

/** A list page: 50 bags below a random deep id (keyset on id desc), as bags.repository listBags. */
export function listScenario(maxId: number, encodeCursor: (id: number) => string): Scenario {
  return {
    name: 'list',
    next() {
      const id = Math.floor(maxId * 0.1) + randomInt(Math.floor(maxId * 0.8));
      return {
        kind: 'list deep page',
        method: 'GET',
        path: `/api/bags?limit=50&cursor=${encodeCursor(id)}`,
        raw: async (q) => {
          await q(
            `select b.*, u.username from bags b left join users u on u.id = b.created_by
              where b.id < $1 order by b.id desc limit 51`,
            [id],
          );
          return null;
        },
      };
    },
  };
}

/** GET /api/stats; `raw` runs the dashboard read of stats.repository (one round trip). */
export function statsScenario(raw: (q: RawQuery) => Promise<void>): Scenario {
  return {
    name: 'stats',
    next: () => ({
      kind: 'stats',
      method: 'GET',
      path: '/api/stats',
      raw: async (q) => {
        await raw(q);
        return null;
      },
    }),
  };
}
