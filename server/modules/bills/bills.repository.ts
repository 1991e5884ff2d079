import { and, asc, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { rowsOf } from '../../db/migrate.js';
import { bagKinds, bags } from '../../db/schema/bags.js';
import { billEvents, bills, type BillRow } from '../../db/schema/bills.js';
import { users } from '../../db/schema/users.js';

export async function insertBill(ex: Executor, row: typeof bills.$inferInsert): Promise<BillRow> {
  const [created] = await ex.insert(bills).values(row).returning();
  if (!created) {
    throw new Error('bill insert returned nothing');
  }
  return created;
}

/** Who created a bill, as every bill answer shows it. */
export interface Creator {
  username: string;
  role: string;
  dispatchArea: string | null;
}

export interface BillWithCreator {
  bill: BillRow;
  creator: Creator | null;
}

const creatorColumns = {
  username: users.username,
  role: users.role,
  dispatchArea: users.dispatchArea,
};

/** Bill numbers in [from, to) byte-wise: a prefix search served by bills_bill_no_prefix_idx. */
export interface BillNoRange {
  from: string;
  to: string;
}

export interface BillFilters {
  status?: BillRow['status'] | undefined;
  createdById?: number | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  billNos?: BillNoRange | undefined;
  beforeId?: number | undefined;
}

function filterConditions(f: BillFilters): SQL[] {
  const c: SQL[] = [];
  if (f.status) {
    c.push(eq(bills.status, f.status));
  }
  if (f.createdById !== undefined) {
    c.push(eq(bills.createdBy, f.createdById));
  }
  if (f.from) {
    c.push(gte(bills.createdAt, f.from));
  }
  if (f.to) {
    c.push(lte(bills.createdAt, f.to));
  }
  if (f.billNos) {
    c.push(sql`${bills.billNo} ~>=~ ${f.billNos.from}`, sql`${bills.billNo} ~<~ ${f.billNos.to}`);
  }
  if (f.beforeId !== undefined) {
    c.push(lt(bills.id, f.beforeId));
  }
  return c;
}

/** Newest first, keyset on id; `limit + 1` rows tell whether another page exists. */
export async function listBills(
  ex: Executor,
  f: BillFilters,
  limit: number,
): Promise<BillWithCreator[]> {
  const conditions = filterConditions(f);
  return ex
    .select({ bill: bills, creator: creatorColumns })
    .from(bills)
    .leftJoin(users, eq(users.id, bills.createdBy))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(bills.id))
    .limit(limit + 1);
}

export async function findUserId(ex: Executor, username: string): Promise<number | undefined> {
  const [row] = await ex
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);
  return row?.id;
}

export async function findBill(ex: Executor, billNo: string): Promise<BillWithCreator | undefined> {
  const [row] = await ex
    .select({ bill: bills, creator: creatorColumns })
    .from(bills)
    .leftJoin(users, eq(users.id, bills.createdBy))
    .where(eq(bills.billNo, billNo))
    .limit(1);
  return row;
}

/** The bill row locked for update (the last lock of the order ticket → parent bag → bill). */
export async function lockBill(tx: Tx, where: { billNo: string } | { id: number }) {
  const [row] = await tx
    .select()
    .from(bills)
    .where('id' in where ? eq(bills.id, where.id) : eq(bills.billNo, where.billNo))
    .for('update')
    .limit(1);
  return row;
}

export async function updateBill(
  tx: Tx,
  id: number,
  patch: Partial<Pick<BillRow, 'capacity' | 'description' | 'destination' | 'vehicleNumber'>> & {
    updatedAt: Date;
  },
): Promise<void> {
  await tx.update(bills).set(patch).where(eq(bills.id, id));
}

export interface BillParentRow {
  qr: string;
  kind: string | null;
  childCount: number;
  weightKg: number;
  expectedKg: number | null;
  attachedAt: Date | null;
}

/** A bill's parents in attach order (bags_bill_idx). */
export async function listBillParents(ex: Executor, billId: number): Promise<BillParentRow[]> {
  return ex
    .select({
      qr: bags.qr,
      kind: bags.kind,
      childCount: bags.childCount,
      weightKg: bags.weightKg,
      expectedKg: bagKinds.expectedKg,
      attachedAt: bags.billAttachedAt,
    })
    .from(bags)
    .leftJoin(bagKinds, eq(bagKinds.code, bags.kind))
    .where(eq(bags.billId, billId))
    .orderBy(asc(bags.billAttachedAt), asc(bags.id));
}

export interface BillEventRow {
  at: Date;
  action: string;
  parentQr: string | null;
  user: string | null;
  before: unknown;
  after: unknown;
  note: string | null;
}

/** The newest `cap` events of a bill (bill_events_bill_idx), newest first. */
export async function listBillEvents(
  ex: Executor,
  billId: number,
  cap: number,
): Promise<BillEventRow[]> {
  return ex
    .select({
      at: billEvents.at,
      action: billEvents.action,
      parentQr: billEvents.parentQr,
      user: users.username,
      before: billEvents.before,
      after: billEvents.after,
      note: billEvents.note,
    })
    .from(billEvents)
    .leftJoin(users, eq(users.id, billEvents.userId))
    .where(eq(billEvents.billId, billId))
    .orderBy(desc(billEvents.id))
    .limit(cap);
}

/** Locks a bill's parents in id order (the order every multi-bag writer uses). */
export async function lockBillParents(tx: Tx, billId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: bags.id })
    .from(bags)
    .where(eq(bags.billId, billId))
    .orderBy(asc(bags.id))
    .for('update');
  return rows.map((r) => r.id);
}

/** Locks those of the bags nobody else holds, without waiting; answers their ids. */
export async function lockFreeBags(tx: Tx, ids: number[]): Promise<number[]> {
  const rows = await tx
    .select({ id: bags.id })
    .from(bags)
    .where(inArray(bags.id, ids))
    .orderBy(asc(bags.id))
    .for('update', { skipLocked: true });
  return rows.map((r) => r.id);
}

export async function billParentIds(ex: Executor, billId: number): Promise<number[]> {
  const rows = await ex
    .select({ id: bags.id })
    .from(bags)
    .where(eq(bags.billId, billId))
    .orderBy(asc(bags.id));
  return rows.map((r) => r.id);
}

/**
 * Takes every parent off a bill that is being deleted, each with a history event (the bill's
 * events outlive it: bill_events has no foreign key). Answers the parents' codes.
 */
export async function detachAll(
  tx: Tx,
  args: { billId: number; billNo: string; ids: number[]; at: Date; userId: number },
): Promise<string[]> {
  if (args.ids.length === 0) {
    return [];
  }
  const rows = await tx
    .update(bags)
    .set({ billId: null, billAttachedAt: null, billAttachedBy: null, updatedAt: args.at })
    .where(inArray(bags.id, args.ids))
    .returning({ qr: bags.qr });
  const codes = rows.map((r) => r.qr).sort();
  await tx.insert(billEvents).values(
    codes.map((qr) => ({
      at: args.at,
      billId: args.billId,
      billNo: args.billNo,
      action: 'remove',
      parentQr: qr,
      userId: args.userId,
      note: 'bill deleted',
    })),
  );
  return codes;
}

export async function deleteBill(tx: Tx, id: number): Promise<void> {
  await tx.delete(bills).where(eq(bills.id, id));
}

/** A dashboard bill counter delta (tt_bump of migration 0002), in the caller's transaction. */
export async function bumpBillCounter(
  tx: Tx,
  status: BillRow['status'],
  delta: number,
): Promise<void> {
  await tx.execute(sql`select tt_bump('', ${`bills_${status}`}, 0, ${delta}::bigint)`);
}

/** A live `bill` event of a change made on the TypeScript side (published after commit). */
export const liveBill = (billNo: string, extra: Record<string, unknown>) => ({
  type: 'bill',
  area: null,
  billNo,
  ...extra,
});

/** Bills whose stored figures differ from their links (one snapshot; rechecked under lock). */
export async function driftedBills(ex: Executor): Promise<{ checked: number; ids: number[] }> {
  const result = await ex.execute(sql`
    select (select count(*) from bills)::int as checked, b.id
    from bills b
    left join (
      select g.bill_id, count(*)::int as pc, coalesce(sum(g.child_count), 0)::int as cc,
             round(coalesce(sum(g.weight_kg), 0)::numeric, 3)::float8 as aw,
             round(coalesce(sum(k.expected_kg), 0)::numeric, 3)::float8 as ew
      from bags g left join bag_kinds k on k.code = g.kind
      where g.bill_id is not null
      group by g.bill_id
    ) f on f.bill_id = b.id
    where (b.parent_count, b.child_count, b.actual_weight_kg, b.expected_weight_kg)
      is distinct from (coalesce(f.pc, 0), coalesce(f.cc, 0), coalesce(f.aw, 0), coalesce(f.ew, 0))
    order by b.id`);
  const rows = rowsOf<{ checked: number; id: number | string | null }>(result);
  if (rows.length === 0) {
    const [count] = rowsOf<{ n: number | string }>(
      await ex.execute(sql`select count(*)::int as n from bills`),
    );
    return { checked: Number(count?.n ?? 0), ids: [] };
  }
  return { checked: Number(rows[0]?.checked ?? 0), ids: rows.map((r) => Number(r.id)) };
}
