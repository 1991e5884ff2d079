import { and, asc, desc, eq, gte, lte, or, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  returnLines,
  returnTickets,
  type ReturnLineRow,
  type ReturnTicketRow,
} from '../../db/schema/bills.js';
import { users } from '../../db/schema/users.js';

export interface TicketWithCreator {
  ticket: ReturnTicketRow;
  createdBy: string | null;
}

export interface LineWithScanner {
  line: ReturnLineRow;
  scannedBy: string | null;
}

export async function insertTicket(
  ex: Executor,
  row: typeof returnTickets.$inferInsert,
): Promise<ReturnTicketRow> {
  const [created] = await ex.insert(returnTickets).values(row).returning();
  if (!created) {
    throw new Error('return ticket insert returned nothing');
  }
  return created;
}

/** The ticket and its creator's username; `lock` takes its row lock (first in the lock order). */
export async function findTicket(
  ex: Executor,
  code: string,
  lock = false,
): Promise<TicketWithCreator | undefined> {
  const query = ex
    .select({ ticket: returnTickets, createdBy: users.username })
    .from(returnTickets)
    .leftJoin(users, eq(users.id, returnTickets.createdBy))
    .where(eq(returnTickets.code, code));
  const [row] = await (lock ? query.for('update', { of: returnTickets }) : query);
  return row;
}

export async function updateNotes(ex: Executor, id: number, notes: string | null, at: Date) {
  await ex.update(returnTickets).set({ notes, updatedAt: at }).where(eq(returnTickets.id, id));
}

/** A ticket's lines in scan order, with the scanner's username. */
export function linesOf(ex: Executor, ticketId: number): Promise<LineWithScanner[]> {
  return ex
    .select({ line: returnLines, scannedBy: users.username })
    .from(returnLines)
    .leftJoin(users, eq(users.id, returnLines.scannedBy))
    .where(eq(returnLines.ticketId, ticketId))
    .orderBy(asc(returnLines.id));
}

export interface TicketFilters {
  status?: ReturnTicketRow['status'] | undefined;
  location?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Keyset: strictly older than this (createdAt, id). */
  before?: { at: Date; id: number } | undefined;
}

/** Newest first, keyset on (created_at, id); `limit + 1` rows tell whether another page exists. */
export function listTickets(
  ex: Executor,
  f: TicketFilters,
  limit: number,
): Promise<TicketWithCreator[]> {
  const c: SQL[] = [];
  if (f.status) {
    c.push(eq(returnTickets.status, f.status));
  }
  if (f.location) {
    c.push(eq(returnTickets.location, f.location));
  }
  if (f.from) {
    c.push(gte(returnTickets.createdAt, f.from));
  }
  if (f.to) {
    c.push(lte(returnTickets.createdAt, f.to));
  }
  if (f.before) {
    const keyset = or(
      lt(returnTickets.createdAt, f.before.at),
      and(eq(returnTickets.createdAt, f.before.at), lt(returnTickets.id, f.before.id)),
    );
    if (keyset) {
      c.push(keyset);
    }
  }
  return ex
    .select({ ticket: returnTickets, createdBy: users.username })
    .from(returnTickets)
    .leftJoin(users, eq(users.id, returnTickets.createdBy))
    .where(c.length > 0 ? and(...c) : undefined)
    .orderBy(desc(returnTickets.createdAt), desc(returnTickets.id))
    .limit(limit + 1);
}
