import { billDerived } from '../../../common/bills.js';
import type { Bill } from '../../../common/contracts/bills.js';
import type { BillRow } from '../../db/schema/bills.js';

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
