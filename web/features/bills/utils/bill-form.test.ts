import { describe, expect, it } from 'vitest';
import {
  buildBillPatch,
  capacityConflictOf,
  editBillValues,
  validateEditBill,
} from '@/features/bills/utils/bill-form';
import { ApiError } from '@/lib/api-client';
import { buildBill } from '@/testing/data-generators';

const bill = buildBill({ capacity: 10, parentCount: 4, description: 'Mustard', destination: null });

describe('buildBillPatch', () => {
  it('sends nothing when nothing changed', () => {
    expect(buildBillPatch(bill, editBillValues(bill))).toEqual({});
  });

  it('sends only the changed fields, trimmed, with a cleared field as null', () => {
    const values = {
      ...editBillValues(bill),
      description: '   ',
      destination: '  Jaipur C&F ',
      capacity: '12',
    };
    expect(buildBillPatch(bill, values)).toEqual({
      description: null,
      destination: 'Jaipur C&F',
      capacity: 12,
    });
  });
});

describe('validateEditBill', () => {
  it.each(['', '0', '501', '2.5', 'ten'])('refuses capacity %j', (capacity) => {
    expect(validateEditBill({ ...editBillValues(bill), capacity }).capacity).toBe(
      'A whole number of parent bags from 1 to 500.',
    );
  });

  it('accepts the limits and refuses over-long text', () => {
    expect(validateEditBill({ ...editBillValues(bill), capacity: '500' })).toEqual({});
    expect(
      validateEditBill({ ...editBillValues(bill), vehicleNumber: 'X'.repeat(51) }).vehicleNumber,
    ).toBe('At most 50 characters.');
  });
});

describe('capacityConflictOf', () => {
  it('names the attached count the server reported', () => {
    const error = new ApiError({
      code: 'BILL_CAPACITY_BELOW_ATTACHED',
      message: 'below',
      status: 409,
      details: { parentCount: 7, capacity: 3 },
    });
    expect(capacityConflictOf(error, bill)).toEqual({
      attached: 7,
      message:
        'Capacity not changed: 7 parent bags are already on this bill, so the capacity cannot be lower than 7. Remove parent bags first to go lower.',
    });
  });

  it('ignores every other error', () => {
    const error = new ApiError({ code: 'BILL_NOT_FOUND', message: 'gone', status: 404 });
    expect(capacityConflictOf(error, bill)).toBeNull();
  });
});
