/**
 * Rows of the seeded history as COPY text (tab-separated, `\N` = NULL), generated on the fly.
 *
 * Parent i (SB00000…) was opened at t_i by user i % users, got its children one after another
 * and was re-opened k_i times (so that the scans add up to the requested total), all within its
 * own time slot; the slots cover the last `days` days up to `end`. Ids interleave as they would
 * in production: the parent, then its children (bags); one scan per event in time order (scans);
 * one link event per child (link_events).
 */

export interface SeedUser {
  id: number;
  username: string;
}

export interface SeedPlan {
  parents: number;
  children: number;
  scans: number;
  users: SeedUser[];
  areas: readonly string[];
  /** The last slot ends here. */
  end: Date;
  days: number;
}

export const BAG_COLUMNS = [
  'id',
  'qr',
  'type',
  'kind',
  'status',
  'child_count',
  'weight_kg',
  'dispatch_area',
  'parent_id',
  'linked_at',
  'linked_by',
  'link_scan_id',
  'created_scan_id',
  'touches',
  'created_by',
  'created_at',
  'updated_at',
] as const;
export const SCAN_COLUMNS = [
  'id',
  'at',
  'user_id',
  'station',
  'kind',
  'qr',
  'bag_id',
  'target_qr',
  'dispatch_area',
  'created',
  'duplicate',
  'scan_id',
] as const;
export const LINK_COLUMNS = [
  'id',
  'at',
  'action',
  'child_id',
  'child_qr',
  'parent_id',
  'parent_qr',
  'user_id',
  'reason',
] as const;

/** The first seeded child code; children are 7-digit numbers 1000000, 1000001, … */
export const FIRST_CHILD_CODE = 1_000_000;
const ROWS_PER_CHUNK = 4096;
const N = '\\N';

export const parentQr = (i: number) => `SB${String(i).padStart(5, '0')}`;
export const childQr = (c: number) => String(FIRST_CHILD_CODE + c);
export const stationOf = (user: SeedUser) => `desk-${user.username.replace(/^\D+/, '')}`;

/** Where parent i and its events sit in ids and time. */
export interface ParentSlot {
  i: number;
  qr: string;
  bagId: number;
  /** Re-open scans after the children. */
  reopens: number;
  /** Id of its first scan (the one that created it). */
  scanBase: number;
  user: SeedUser;
  area: string;
  /** ms since epoch of event e (0 = created, 1..children = links, then re-opens). */
  at: (e: number) => number;
}

export function checkPlan(plan: SeedPlan): void {
  if (plan.parents > 100_000) {
    throw new Error('SB codes have 5 digits: at most 100,000 seeded parents');
  }
  if (plan.scans < plan.parents * (1 + plan.children)) {
    throw new Error(
      `--scans must be at least parents × (1 + children) = ${plan.parents * (1 + plan.children)}`,
    );
  }
  if (plan.users.length === 0) {
    throw new Error('at least one seed user is needed');
  }
}

export function slotOf(plan: SeedPlan, i: number): ParentSlot {
  const extra = plan.scans - plan.parents * (1 + plan.children);
  const base = Math.floor(extra / plan.parents);
  const rem = extra % plan.parents;
  const reopens = base + (i < rem ? 1 : 0);
  const span = plan.days * 86_400_000;
  const slot = span / plan.parents;
  const start = plan.end.getTime() - span + i * slot;
  const step = slot / (plan.children + reopens + 2);
  const user = plan.users[i % plan.users.length] as SeedUser;
  return {
    i,
    qr: parentQr(i),
    bagId: i * (plan.children + 1) + 1,
    reopens,
    scanBase: i * (1 + plan.children + base) + Math.min(i, rem) + 1,
    user,
    area: plan.areas[i % plan.areas.length] as string,
    at: (e) => Math.floor(start + e * step),
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

function* chunked(rows: Iterable<string>): Generator<string> {
  let buf: string[] = [];
  for (const row of rows) {
    buf.push(row);
    if (buf.length === ROWS_PER_CHUNK) {
      yield buf.join('');
      buf = [];
    }
  }
  if (buf.length > 0) {
    yield buf.join('');
  }
}

function* bagRowsOf(plan: SeedPlan): Generator<string> {
  const c = plan.children;
  for (let i = 0; i < plan.parents; i += 1) {
    const s = slotOf(plan, i);
    const uid = s.user.id;
    const last = iso(s.at(c + s.reopens));
    yield `${s.bagId}\t${s.qr}\tparent\tSB\tcomplete\t${c}\t${c}\t${s.area}\t${N}\t${N}\t${N}\t${N}\t${N}\t${1 + c + s.reopens}\t${uid}\t${iso(s.at(0))}\t${last}\n`;
    for (let j = 0; j < c; j += 1) {
      const at = iso(s.at(j + 1));
      const scanId = s.scanBase + 1 + j;
      yield `${s.bagId + 1 + j}\t${childQr(i * c + j)}\tchild\t${N}\t${N}\t0\t1\t${s.area}\t${s.bagId}\t${at}\t${uid}\t${scanId}\t${scanId}\t1\t${uid}\t${at}\t${at}\n`;
    }
  }
}

function* scanRowsOf(plan: SeedPlan): Generator<string> {
  const c = plan.children;
  for (let i = 0; i < plan.parents; i += 1) {
    const s = slotOf(plan, i);
    const head = `\t${s.user.id}\t${stationOf(s.user)}\t`;
    yield `${s.scanBase}\t${iso(s.at(0))}${head}parent\t${s.qr}\t${s.bagId}\t${N}\t${s.area}\tt\tf\tseed-${s.scanBase}\n`;
    for (let j = 0; j < c; j += 1) {
      const id = s.scanBase + 1 + j;
      yield `${id}\t${iso(s.at(j + 1))}${head}child\t${childQr(i * c + j)}\t${s.bagId + 1 + j}\t${s.qr}\t${s.area}\tt\tf\tseed-${id}\n`;
    }
    for (let r = 0; r < s.reopens; r += 1) {
      const id = s.scanBase + 1 + c + r;
      yield `${id}\t${iso(s.at(c + 1 + r))}${head}parent\t${s.qr}\t${s.bagId}\t${N}\t${s.area}\tf\tf\tseed-${id}\n`;
    }
  }
}

function* linkRowsOf(plan: SeedPlan): Generator<string> {
  const c = plan.children;
  for (let i = 0; i < plan.parents; i += 1) {
    const s = slotOf(plan, i);
    for (let j = 0; j < c; j += 1) {
      const n = i * c + j;
      yield `${n + 1}\t${iso(s.at(j + 1))}\tlink\t${s.bagId + 1 + j}\t${childQr(n)}\t${s.bagId}\t${s.qr}\t${s.user.id}\tscan\n`;
    }
  }
}

export const bagChunks = (plan: SeedPlan) => chunked(bagRowsOf(plan));
export const scanChunks = (plan: SeedPlan) => chunked(scanRowsOf(plan));
export const linkChunks = (plan: SeedPlan) => chunked(linkRowsOf(plan));
