import { and, desc, eq, gt, gte, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { bags, linkEvents, type BagRow } from '../../db/schema/bags.js';
import { bills, returnTickets } from '../../db/schema/bills.js';
import { users } from '../../db/schema/users.js';

/** A bags row with its creator's username. */
export interface BagWithCreator {
  bag: BagRow;
  createdBy: string | null;
}

/** Codes in [from, to) byte-wise: a prefix search served by bags_qr_prefix_idx. */
export interface CodeRange {
  from: string;
  to: string;
}

export interface BagFilters {
  type?: 'parent' | 'child' | undefined;
  kind?: string | undefined;
  area?: string | undefined;
  status?: 'empty' | 'in_progress' | 'complete' | undefined;
  codes?: CodeRange | undefined;
  unlinked?: boolean | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeId?: number | undefined;
}

const codeIn = (range: CodeRange): SQL[] => [
  sql`${bags.qr} ~>=~ ${range.from}`,
  sql`${bags.qr} ~<~ ${range.to}`,
];

function filterConditions(f: BagFilters): SQL[] {
  const c: SQL[] = [];
  if (f.type) {
    c.push(eq(bags.type, f.type));
  }
  if (f.kind) {
    c.push(eq(bags.kind, f.kind));
  }
  if (f.area) {
    c.push(eq(bags.dispatchArea, f.area));
  }
  if (f.status) {
    // `type = 'parent'` is the predicate of bags_status_id_idx.
    c.push(eq(bags.type, 'parent'), eq(bags.status, f.status));
  }
  if (f.codes) {
    c.push(...codeIn(f.codes));
  }
  if (f.unlinked) {
    // The predicate of bags_unlinked_idx.
    c.push(eq(bags.type, 'child'), isNull(bags.parentId));
  }
  if (f.from) {
    c.push(gte(bags.createdAt, f.from));
  }
  if (f.to) {
    c.push(lte(bags.createdAt, f.to));
  }
  if (f.beforeId !== undefined) {
    c.push(lt(bags.id, f.beforeId));
  }
  return c;
}

/** Newest first, keyset on id; `limit + 1` rows tell whether another page exists. */
export async function listBags(
  ex: Executor,
  f: BagFilters,
  limit: number,
): Promise<BagWithCreator[]> {
  const conditions = filterConditions(f);
  return ex
    .select({ bag: bags, createdBy: users.username })
    .from(bags)
    .leftJoin(users, eq(users.id, bags.createdBy))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(bags.id))
    .limit(limit + 1);
}

export async function findBagByQr(ex: Executor, qr: string): Promise<BagRow | undefined> {
  const [row] = await ex.select().from(bags).where(eq(bags.qr, qr)).limit(1);
  return row;
}

/** The row locked for update (waits for a packer holding it). */
export async function lockBagById(tx: Tx, id: number): Promise<BagRow | undefined> {
  const [row] = await tx.select().from(bags).where(eq(bags.id, id)).for('update').limit(1);
  return row;
}

/** Inserts a bag unless its code exists; undefined when it does. */
export async function insertBag(
  tx: Tx,
  row: typeof bags.$inferInsert,
): Promise<BagRow | undefined> {
  const [created] = await tx
    .insert(bags)
    .values(row)
    .onConflictDoNothing({ target: bags.qr })
    .returning();
  return created;
}

/** The number of the bill with this id (a parent's bill). */
export async function findBillNo(ex: Executor, billId: number): Promise<string | undefined> {
  const [row] = await ex
    .select({ billNo: bills.billNo })
    .from(bills)
    .where(eq(bills.id, billId))
    .limit(1);
  return row?.billNo;
}

/** The code of the return ticket with this id (a parent's open ticket). */
export async function findTicketCode(ex: Executor, ticketId: number): Promise<string | undefined> {
  const [row] = await ex
    .select({ code: returnTickets.code })
    .from(returnTickets)
    .where(eq(returnTickets.id, ticketId))
    .limit(1);
  return row?.code;
}

export async function deleteBagById(tx: Tx, id: number): Promise<void> {
  await tx.delete(bags).where(eq(bags.id, id));
}

export async function updateParentCount(
  tx: Tx,
  id: number,
  patch: { childCount: number; status: NonNullable<BagRow['status']>; updatedAt: Date },
): Promise<void> {
  await tx
    .update(bags)
    .set({
      childCount: patch.childCount,
      weightKg: patch.childCount,
      status: patch.status,
      updatedAt: patch.updatedAt,
    })
    .where(eq(bags.id, id));
}

export async function insertLinkEvent(tx: Tx, row: typeof linkEvents.$inferInsert): Promise<void> {
  await tx.insert(linkEvents).values(row);
}

/** A dashboard counter delta (tt_bump of migration 0002), in the caller's transaction. */
export async function bumpCounter(
  tx: Tx,
  args: {
    area: string | null;
    metric: 'parents' | 'children' | 'unlinked_children';
    shard: number;
    delta: number;
  },
): Promise<void> {
  await tx.execute(
    sql`select tt_bump(${args.area}, ${args.metric}, ${args.shard}::int, ${args.delta}::bigint)`,
  );
}

/** Tells every app instance (delivered at commit), as the packing functions do. */
export async function notifyEvent(tx: Tx, payload: Record<string, unknown>): Promise<void> {
  await tx.execute(sql`select pg_notify('tt_events', ${JSON.stringify(payload)})`);
}

/** The fullest parent of a kind holding more than `above` children, if any. */
export async function findParentAbove(
  ex: Executor,
  kind: string,
  above: number,
): Promise<{ qr: string; childCount: number } | undefined> {
  const [row] = await ex
    .select({ qr: bags.qr, childCount: bags.childCount })
    .from(bags)
    .where(and(eq(bags.kind, kind), gt(bags.childCount, above)))
    .orderBy(desc(bags.childCount))
    .limit(1);
  return row;
}

/**
 * A child bag whose code lies in the range (a new reserved prefix would capture it) and, when a
 * pattern is given, matches it (PostgreSQL regex; common/kind-pattern.ts keeps kind patterns to
 * syntax both engines read alike).
 */
export async function findChildInRange(
  ex: Executor,
  range: CodeRange,
  pattern?: string,
): Promise<string | undefined> {
  const matching = pattern === undefined ? [] : [sql`${bags.qr} ~ ${pattern}`];
  const [row] = await ex
    .select({ qr: bags.qr })
    .from(bags)
    .where(and(...codeIn(range), eq(bags.type, 'child'), ...matching))
    .limit(1);
  return row?.qr;
}

/** A parent of the kind whose code the pattern no longer matches (bags_kind_id_idx, first hit). */
export async function findParentNotMatching(
  ex: Executor,
  kind: string,
  pattern: string,
): Promise<string | undefined> {
  const [row] = await ex
    .select({ qr: bags.qr })
    .from(bags)
    .where(and(eq(bags.kind, kind), sql`${bags.qr} !~ ${pattern}`))
    .limit(1);
  return row?.qr;
}

/** Re-derives the status of a kind's parents from their count and the kind's capacity. */
export async function syncKindStatuses(
  tx: Tx,
  kind: string,
  maxChildren: number,
  at: Date,
): Promise<number> {
  const status = sql`case when ${bags.childCount} = 0 then 'empty'
    when ${bags.childCount} >= ${maxChildren}::int then 'complete' else 'in_progress' end`;
  const changed = await tx
    .update(bags)
    .set({ status: sql`${status}`, updatedAt: at })
    .where(
      and(
        eq(bags.kind, kind),
        eq(bags.type, 'parent'),
        sql`${bags.status} is distinct from ${status}`,
      ),
    )
    .returning({ id: bags.id });
  return changed.length;
}
