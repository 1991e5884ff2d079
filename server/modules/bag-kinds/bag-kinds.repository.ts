import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bagKinds, type BagKindRow } from '../../db/schema/bags.js';

export async function listKinds(ex: Executor): Promise<BagKindRow[]> {
  return ex.select().from(bagKinds).orderBy(asc(bagKinds.code));
}

export async function findKind(ex: Executor, code: string): Promise<BagKindRow | undefined> {
  const [row] = await ex.select().from(bagKinds).where(eq(bagKinds.code, code)).limit(1);
  return row;
}

/** The row locked for update, so checks and the write see one state. */
export async function findKindForUpdate(
  ex: Executor,
  code: string,
): Promise<BagKindRow | undefined> {
  const [row] = await ex
    .select()
    .from(bagKinds)
    .where(eq(bagKinds.code, code))
    .for('update')
    .limit(1);
  return row;
}

export async function insertKind(
  ex: Executor,
  row: typeof bagKinds.$inferInsert,
): Promise<BagKindRow | undefined> {
  const [created] = await ex.insert(bagKinds).values(row).onConflictDoNothing().returning();
  return created;
}

export async function updateKind(
  ex: Executor,
  code: string,
  patch: Partial<typeof bagKinds.$inferInsert>,
): Promise<BagKindRow | undefined> {
  const [updated] = await ex.update(bagKinds).set(patch).where(eq(bagKinds.code, code)).returning();
  return updated;
}
