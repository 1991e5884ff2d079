import type { ErrorCode } from '../../common/error-codes.js';
import { isErrorCode } from '../../common/error-codes.js';
import type { Classification } from '../../common/qr.js';
import { AppError } from './errors.js';

type Details = Record<string, unknown>;
const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

const MESSAGES: Partial<Record<ErrorCode, (d: Details) => string>> = {
  BAG_NOT_FOUND: (d) => `Bag ${text(d.qr)} not found.`,
  QR_WRONG_TYPE: (d) =>
    `${text(d.qr)} is a ${text(d.actual)} code; scan a ${text(d.expected)} here.`,
  AREA_FORBIDDEN: (d) =>
    `${text(d.qr)} belongs to ${text(d.area) || 'no dispatch area'}; you may pack only your own area.`,
  CHILD_IN_OTHER_PARENT: (d) => `Child ${text(d.qr)} is already in ${text(d.parent)}.`,
  PARENT_FULL: (d) =>
    `${text(d.parent)} is full (${text(d.maxChildren)} of ${text(d.maxChildren)}).`,
  SCAN_ID_REUSED: (d) => `scanId ${text(d.scanId)} was already used for a different request.`,
  NOTHING_TO_UNDO: (d) => `You have no link on ${text(d.parent)} to undo.`,
  UNDO_WINDOW_PASSED: (d) =>
    `Your last link on ${text(d.parent)} is older than ${text(d.windowMinutes)} minutes and can no longer be undone.`,
  BILL_CLOSED: (d) =>
    d.parent === undefined
      ? `Bill ${text(d.bill)} is completed; reopen it to change it.`
      : `${text(d.parent)} is on bill ${text(d.bill)}, which is completed.`,
  BILL_NOT_FOUND: (d) => `Bill ${text(d.bill)} not found.`,
  BILL_FULL: (d) => `Bill ${text(d.bill)} is full (${text(d.capacity)} parent bags).`,
  PARENT_ON_OTHER_BILL: (d) => `${text(d.qr)} is already on bill ${text(d.bill)}.`,
  PARENT_IN_OPEN_TICKET: (d) => `${text(d.qr)} is in open return ticket ${text(d.ticket)}.`,
  PARENT_IN_OTHER_TICKET: (d) =>
    `${text(d.qr)} is already in open return ticket ${text(d.ticket)}.`,
  PARENT_NOT_ON_BILL: (d) =>
    d.bill === undefined
      ? `${text(d.qr)} is not on any bill.`
      : `${text(d.qr)} is not on bill ${text(d.bill)}.`,
  TICKET_NOT_FOUND: (d) => `Return ticket ${text(d.ticket)} not found.`,
  TICKET_CLOSED: (d) => `Return ticket ${text(d.ticket)} is ${text(d.status)}.`,
  TICKET_EMPTY: (d) => `Return ticket ${text(d.ticket)} has no bags yet.`,
};

/** A rule answer of a packing function → AppError with a message for people. */
export function functionError(code: string, details: Details = {}): AppError {
  if (!isErrorCode(code)) {
    return new AppError('INTERNAL', 'Something went wrong on our side.');
  }
  const message = MESSAGES[code]?.(details) ?? code;
  return new AppError(code, message, details);
}

/** A classification that is not the expected type of bag → AppError. */
export function classificationError(
  result: Classification,
  expected: 'parent' | 'child',
): AppError | null {
  if (result.type === 'error') {
    return new AppError(result.error, result.message, {
      qr: result.code,
      ...(result.accepted ? { accepted: result.accepted } : {}),
    });
  }
  if (result.type !== expected) {
    return functionError('QR_WRONG_TYPE', { qr: result.code, expected, actual: result.type });
  }
  return null;
}
