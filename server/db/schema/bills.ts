import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './users.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Dispatch documents (SPEC §5). A parent's bill is its `bags.bill_id` (one bill at a time by
 * construction); the figures are recomputed from those links in every transaction that moves them.
 */
export const bills = pgTable(
  'bills',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** Normalised (trimmed, single spaces, uppercase): unique case-insensitively. */
    billNo: text('bill_no').notNull(),
    description: text('description'),
    capacity: integer('capacity').notNull(),
    destination: text('destination'),
    vehicleNumber: text('vehicle_number'),
    status: text('status', { enum: ['new', 'processing', 'completed'] }).notNull(),
    parentCount: integer('parent_count').notNull().default(0),
    childCount: integer('child_count').notNull().default(0),
    actualWeightKg: doublePrecision('actual_weight_kg').notNull().default(0),
    expectedWeightKg: doublePrecision('expected_weight_kg').notNull().default(0),
    completionReason: text('completion_reason'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    completedAt: ts('completed_at'),
  },
  (t) => [
    uniqueIndex('bills_bill_no_key').on(t.billNo),
    index('bills_created_idx').on(t.createdAt, t.id),
    index('bills_status_idx').on(t.status, t.id),
    index('bills_creator_idx').on(t.createdBy, t.id),
    index('bills_bill_no_prefix_idx').on(t.billNo.op('text_pattern_ops')),
    check('bills_capacity_range', sql`${t.capacity} between 1 and 500`),
    check('bills_not_overfull', sql`${t.parentCount} <= ${t.capacity}`),
    check('bills_status_check', sql`${t.status} in ('new', 'processing', 'completed')`),
    check('bills_bill_no_upper', sql`${t.billNo} = upper(${t.billNo})`),
  ],
);

export type BillRow = typeof bills.$inferSelect;

/** History of each bill with before/after figures (attach, remove, complete, reopen, return…). */
export const billEvents = pgTable(
  'bill_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: ts('at').notNull(),
    billId: bigint('bill_id', { mode: 'number' }).notNull(),
    billNo: text('bill_no').notNull(),
    action: text('action').notNull(),
    parentQr: text('parent_qr'),
    userId: integer('user_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    note: text('note'),
  },
  (t) => [
    index('bill_events_bill_idx').on(t.billId, t.id),
    index('bill_events_parent_idx').on(t.parentQr, t.id),
  ],
);

/** IPT return tickets (SPEC §6). */
export const returnTickets = pgTable(
  'return_tickets',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** RTN-YYYYMMDD-XXXX */
    code: text('code').notNull(),
    location: text('location').notNull(),
    notes: text('notes'),
    status: text('status', { enum: ['open', 'committed', 'cancelled'] }).notNull(),
    bagCount: integer('bag_count').notNull().default(0),
    childCount: integer('child_count').notNull().default(0),
    weightKg: doublePrecision('weight_kg').notNull().default(0),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    closedAt: ts('closed_at'),
  },
  (t) => [
    uniqueIndex('return_tickets_code_key').on(t.code),
    index('return_tickets_status_idx').on(t.status, t.id),
    index('return_tickets_created_idx').on(t.createdAt, t.id),
    check('return_tickets_status_check', sql`${t.status} in ('open', 'committed', 'cancelled')`),
  ],
);

export type ReturnTicketRow = typeof returnTickets.$inferSelect;

/** One returned parent: its original bill and its figures at return time. */
export const returnLines = pgTable(
  'return_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    ticketId: bigint('ticket_id', { mode: 'number' })
      .notNull()
      .references(() => returnTickets.id),
    bagId: bigint('bag_id', { mode: 'number' }).notNull(),
    qr: text('qr').notNull(),
    /** No foreign key: the bill may be deleted later; the number stays for the record. */
    originalBillId: bigint('original_bill_id', { mode: 'number' }),
    originalBillNo: text('original_bill_no'),
    childCount: integer('child_count').notNull(),
    weightKg: doublePrecision('weight_kg').notNull(),
    scannedBy: integer('scanned_by'),
    scannedAt: ts('scanned_at').notNull(),
    /** Set by cancel: true when put back on its bill, false with a reason when not. */
    restored: boolean('restored'),
    restoreNote: text('restore_note'),
  },
  (t) => [
    uniqueIndex('return_lines_ticket_bag_key').on(t.ticketId, t.bagId),
    index('return_lines_qr_idx').on(t.qr, t.id),
  ],
);

export type ReturnLineRow = typeof returnLines.$inferSelect;
