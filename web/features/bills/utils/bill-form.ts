import { BILL_CAPACITY_MAX, BILL_CAPACITY_MIN } from '@common/bills';
import type { Bill, PatchBillBody } from '@common/contracts/bills';
import { isApiError } from '@/lib/api-client';
import { friendlyErrorMessage } from '@/lib/error-messages';

/** The "edit bill" form's fields, as typed. */
export interface EditBillValues {
  description: string;
  destination: string;
  vehicleNumber: string;
  capacity: string;
}

export type EditBillErrors = Partial<Record<keyof EditBillValues, string>>;

export const BILL_TEXT_LIMITS = { description: 500, destination: 200, vehicleNumber: 50 } as const;

export function editBillValues(bill: Bill): EditBillValues {
  return {
    description: bill.description ?? '',
    destination: bill.destination ?? '',
    vehicleNumber: bill.vehicleNumber ?? '',
    capacity: String(bill.capacity),
  };
}

/** Checks what the server would refuse as VALIDATION (the attached-count rule is the server's). */
export function validateEditBill(values: EditBillValues): EditBillErrors {
  const errors: EditBillErrors = {};
  const capacity = Number(values.capacity);
  if (
    values.capacity.trim() === '' ||
    !Number.isInteger(capacity) ||
    capacity < BILL_CAPACITY_MIN ||
    capacity > BILL_CAPACITY_MAX
  ) {
    errors.capacity = `A whole number of parent bags from ${BILL_CAPACITY_MIN} to ${BILL_CAPACITY_MAX}.`;
  }
  for (const key of ['description', 'destination', 'vehicleNumber'] as const) {
    if (values[key].trim().length > BILL_TEXT_LIMITS[key]) {
      errors[key] = `At most ${BILL_TEXT_LIMITS[key]} characters.`;
    }
  }
  return errors;
}

/** Only what changed (PATCH refuses an empty body); a cleared text field becomes null. */
export function buildBillPatch(bill: Bill, values: EditBillValues): PatchBillBody {
  const patch: PatchBillBody = {};
  for (const key of ['description', 'destination', 'vehicleNumber'] as const) {
    const next = values[key].trim() || null;
    if (next !== (bill[key] ?? null)) {
      patch[key] = next;
    }
  }
  const capacity = Number(values.capacity);
  if (capacity !== bill.capacity) {
    patch.capacity = capacity;
  }
  return patch;
}

const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export interface CapacityConflict {
  /** Parent bags on the bill: the lowest capacity it can take. */
  attached: number;
  /** The whole story, for the alert above the form. */
  message: string;
}

/** BILL_CAPACITY_BELOW_ATTACHED in words (null for any other error). */
export function capacityConflictOf(error: unknown, bill: Bill): CapacityConflict | null {
  if (!isApiError(error) || error.code !== 'BILL_CAPACITY_BELOW_ATTACHED') {
    return null;
  }
  const attached = count(error.details?.parentCount) ?? bill.parentCount;
  const bags = attached === 1 ? 'parent bag is' : 'parent bags are';
  return {
    attached,
    message: `Capacity not changed: ${attached} ${bags} already on this bill, so the capacity cannot be lower than ${attached}. Remove parent bags first to go lower.`,
  };
}

/** Any other refusal of an edit, for the banner above the form. */
export function editBillErrorMessage(error: unknown): string {
  return friendlyErrorMessage(error, {
    BILL_NOT_FOUND: 'This bill no longer exists. It may have been deleted.',
    VALIDATION: 'Some details are not valid. Check the fields and try again.',
  });
}

/** A refused delete, in words. */
export function deleteBillErrorMessage(error: unknown): string {
  return friendlyErrorMessage(error, {
    BILL_NOT_FOUND: 'This bill no longer exists. It may already have been deleted.',
    FORBIDDEN: 'Only admins can delete bills.',
    SERVICE_UNAVAILABLE: 'The bill kept changing while it was being deleted. Try again.',
  });
}
