import { billDerived } from '../../../common/bills.js';
import type { Bill, BillEvent, BillParent } from '../../../common/contracts/bills.js';
import type { BillRow } from '../../db/schema/bills.js';
import type { BillEventRow, BillParentRow, BillWithCreator } from './bills.repository.js';

/** A bill as tt_bill_json describes it (timestamps as JSON strings). */
export interface BillFacts {
  billNo: string;
  description: string | null;
  status: Bill['status'];
  capacity: number;
  parentCount: number;
  childCount: number;
  actualWeightKg: number;
  expectedWeightKg: number;
  destination: string | null;
  vehicleNumber: string | null;
  completionReason: string | null;
  createdBy: Bill['createdBy'];
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

const iso = (value: string | Date) => new Date(value).toISOString();

export function presentBillFacts(facts: BillFacts): Bill {
  return {
    ...facts,
    ...billDerived(facts),
    createdAt: iso(facts.createdAt),
    updatedAt: iso(facts.updatedAt),
    completedAt: facts.completedAt ? iso(facts.completedAt) : null,
  };
}

/** A bills row plus its creator → contract `bill`. */
export function presentBillRow(row: BillRow, createdBy: Bill['createdBy']): Bill {
  return presentBillFacts({
    billNo: row.billNo,
    description: row.description,
    status: row.status,
    capacity: row.capacity,
    parentCount: row.parentCount,
    childCount: row.childCount,
    actualWeightKg: row.actualWeightKg,
    expectedWeightKg: row.expectedWeightKg,
    destination: row.destination,
    vehicleNumber: row.vehicleNumber,
    completionReason: row.completionReason,
    createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt ? row.completedAt.toISOString() : null,
  });
}

/** jsonb comes back parsed from both drivers, or as text from some configurations. */
function jsonObject(value: unknown): Record<string, unknown> | null {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : null;
}

export function presentBillParent(row: BillParentRow): BillParent {
  return {
    qr: row.qr,
    kind: row.kind,
    childCount: row.childCount,
    weightKg: row.weightKg,
    expectedKg: row.expectedKg ?? 0,
    attachedAt: row.attachedAt ? row.attachedAt.toISOString() : null,
  };
}

export function presentBillEvent(row: BillEventRow): BillEvent {
  return {
    at: row.at.toISOString(),
    action: row.action,
    parentQr: row.parentQr,
    user: row.user,
    before: jsonObject(row.before),
    after: jsonObject(row.after),
    note: row.note,
  };
}

export const presentBillWithCreator = (row: BillWithCreator): Bill =>
  presentBillRow(row.bill, row.creator);
