import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bagKinds, bags, type BagKindRow } from '../../db/schema/bags.js';

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

/**
 * A parent of the kind whose code the pattern no longer matches (PostgreSQL regex; checkKindPattern
 * keeps patterns to syntax both engines read alike). One query on the kind's index, stopping at the
 * first hit.
 */
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

/**
 * A child bag in the code range (the kind's prefix, so the text_pattern_ops index serves it) whose
 * code the pattern matches: it would be read as a parent.
 */
export async function findChildMatching(
  ex: Executor,
  range: { from: string; to: string },
  pattern: string,
): Promise<string | undefined> {
  const [row] = await ex
    .select({ qr: bags.qr })
    .from(bags)
    .where(
      and(
        sql`${bags.qr} ~>=~ ${range.from}`,
        sql`${bags.qr} ~<~ ${range.to}`,
        eq(bags.type, 'child'),
        sql`${bags.qr} ~ ${pattern}`,
      ),
    )
    .limit(1);
  return row?.qr;
}
