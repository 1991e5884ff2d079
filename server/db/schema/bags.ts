import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bills } from './bills.js';
import { users } from './users.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Parent formats as data (SPEC §2): admins add kinds without a release. */
export const bagKinds = pgTable('bag_kinds', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  prefix: text('prefix').notNull(),
  pattern: text('pattern').notNull(),
  maxChildren: integer('max_children').notNull(),
  expectedKg: doublePrecision('expected_kg').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * Every bag, parent or child. A child's link is its `parent_id`: one column, so a child can never
 * be in two parents (SPEC §4's constraint holds by construction); `link_events` keeps history.
 */
export const bags = pgTable(
  'bags',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** Normalised (uppercase) code; unique, so codes are unique case-insensitively. */
    qr: text('qr').notNull(),
    type: text('type', { enum: ['parent', 'child'] }).notNull(),
    kind: text('kind').references(() => bagKinds.code),
    status: text('status', { enum: ['empty', 'in_progress', 'complete'] }),
    childCount: integer('child_count').notNull().default(0),
    weightKg: doublePrecision('weight_kg').notNull().default(0),
    dispatchArea: text('dispatch_area'),
    parentId: bigint('parent_id', { mode: 'number' }).references((): AnyPgColumn => bags.id),
    linkedAt: ts('linked_at'),
    linkedBy: integer('linked_by').references(() => users.id),
    /** The scans row that linked the child (undo deletes a child only its creating scan touched). */
    linkScanId: bigint('link_scan_id', { mode: 'number' }),
    createdScanId: bigint('created_scan_id', { mode: 'number' }),
    /** Scans and links that touched this bag since it was created. */
    touches: integer('touches').notNull().default(0),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    /** The parent's bill: one column, so a parent is on one bill at a time by construction. */
    billId: bigint('bill_id', { mode: 'number' }).references((): AnyPgColumn => bills.id),
    billAttachedAt: ts('bill_attached_at'),
    billAttachedBy: integer('bill_attached_by'),
    /** Set while the parent is in an open return ticket (it then cannot go on any bill). */
    openTicketId: bigint('open_ticket_id', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('bags_qr_key').on(t.qr),
    index('bags_bill_idx')
      .on(t.billId)
      .where(sql`${t.billId} is not null`),
    check(
      'bags_bill_only_parent',
      sql`${t.type} = 'parent' or (${t.billId} is null and ${t.openTicketId} is null)`,
    ),
    index('bags_type_id_idx').on(t.type, t.id),
    index('bags_area_type_id_idx').on(t.dispatchArea, t.type, t.id),
    // Parents only (a child has no kind): a new child writes one index entry fewer.
    index('bags_kind_id_idx')
      .on(t.kind, t.id)
      .where(sql`${t.kind} is not null`),
    index('bags_parent_idx').on(t.parentId, t.linkedAt),
    index('bags_unlinked_idx')
      .on(t.id)
      .where(sql`${t.type} = 'child' and ${t.parentId} is null`),
    index('bags_created_at_idx').on(t.createdAt),
    index('bags_area_id_idx').on(t.dispatchArea, t.id),
    index('bags_status_id_idx')
      .on(t.status, t.id)
      .where(sql`${t.type} = 'parent'`),
    index('bags_qr_prefix_idx').on(t.qr.op('text_pattern_ops')),
    check('bags_qr_upper', sql`${t.qr} = upper(${t.qr})`),
    check('bags_type_check', sql`${t.type} in ('parent', 'child')`),
    check(
      'bags_parent_shape',
      sql`(${t.type} = 'parent') = (${t.kind} is not null and ${t.status} is not null)`,
    ),
    check('bags_child_shape', sql`${t.type} = 'child' or ${t.parentId} is null`),
    check('bags_count_nonneg', sql`${t.childCount} >= 0`),
  ],
);

export type BagRow = typeof bags.$inferSelect;
export type BagKindRow = typeof bagKinds.$inferSelect;

/** Append-only history of links and unlinks (trace, "what was in SB12260 on 3 March?", EPCIS). */
export const linkEvents = pgTable(
  'link_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: ts('at').notNull(),
    action: text('action', { enum: ['link', 'unlink'] }).notNull(),
    childId: bigint('child_id', { mode: 'number' }).notNull(),
    childQr: text('child_qr').notNull(),
    parentId: bigint('parent_id', { mode: 'number' }).notNull(),
    parentQr: text('parent_qr').notNull(),
    userId: integer('user_id'),
    /** scan, undo, import, delete */
    reason: text('reason').notNull(),
  },
  (t) => [
    index('link_events_child_idx').on(t.childQr, t.id),
    index('link_events_parent_idx').on(t.parentQr, t.id),
  ],
);
