/**
 * Every machine-readable error code the API answers, shared by server and web.
 * The UI switches on these, never on message text. HTTP statuses live in server/platform/errors.ts.
 */
export const ERROR_CODES = [
  // general
  'VALIDATION',
  'NOT_FOUND',
  'AUTH_REQUIRED',
  'AUTH_INVALID',
  'SESSION_EXPIRED',
  'TOTP_REQUIRED',
  'FORBIDDEN',
  'CSRF_INVALID',
  'ACCOUNT_LOCKED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INTERNAL',
  'SERVICE_UNAVAILABLE',
  // accounts
  'PASSWORD_POLICY',
  'CURRENT_PASSWORD_WRONG',
  'TOKEN_INVALID',
  'USER_NOT_FOUND',
  'USERNAME_TAKEN',
  'EMAIL_TAKEN',
  'AREA_REQUIRED',
  'AREA_FULL',
  'AREA_FORBIDDEN',
  'LAST_ADMIN',
  'SELF_ROLE_CHANGE',
  'SELF_DEACTIVATE',
  // bags and packing
  'QR_EMPTY',
  'QR_INVALID',
  'QR_INVALID_PARENT',
  'QR_WRONG_TYPE',
  'BAG_NOT_FOUND',
  'BAG_EXISTS',
  'BAG_HAS_CHILDREN',
  'BAG_ON_BILL',
  'CHILD_IN_OTHER_PARENT',
  'PARENT_FULL',
  'SCAN_ID_REUSED',
  'UNDO_WINDOW_PASSED',
  'NOTHING_TO_UNDO',
  'BAG_KIND_NOT_FOUND',
  'BAG_KIND_EXISTS',
  'BAG_KIND_PREFIX_IN_USE',
  'BAG_KIND_MAX_BELOW_CHILDREN',
  'BAG_KIND_PATTERN_IN_USE',
  // bills and returns
  'BILL_NOT_FOUND',
  'BILL_EXISTS',
  'BILL_FULL',
  'BILL_CLOSED',
  'BILL_EMPTY',
  'BILL_CAPACITY_BELOW_ATTACHED',
  'PARENT_ON_OTHER_BILL',
  'PARENT_IN_OPEN_TICKET',
  'PARENT_IN_OTHER_TICKET',
  'PARENT_NOT_ON_BILL',
  'REASON_REQUIRED',
  'TICKET_NOT_FOUND',
  'TICKET_EMPTY',
  'TICKET_CLOSED',
  'IMPORT_NOT_FOUND',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
