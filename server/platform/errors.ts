import type { ErrorCode } from '../../common/error-codes.js';

/** The one HTTP status of each error code; the only place codes meet HTTP. */
const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  QR_EMPTY: 400,
  QR_INVALID: 400,
  QR_INVALID_PARENT: 400,
  QR_WRONG_TYPE: 400,
  PASSWORD_POLICY: 400,
  CURRENT_PASSWORD_WRONG: 400,
  TOKEN_INVALID: 400,
  REASON_REQUIRED: 400,
  AREA_REQUIRED: 400,
  AREA_FULL: 400,
  AUTH_REQUIRED: 401,
  AUTH_INVALID: 401,
  SESSION_EXPIRED: 401,
  TOTP_REQUIRED: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  AREA_FORBIDDEN: 403,
  SELF_ROLE_CHANGE: 403,
  SELF_DEACTIVATE: 403,
  NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  BAG_NOT_FOUND: 404,
  BILL_NOT_FOUND: 404,
  TICKET_NOT_FOUND: 404,
  IMPORT_NOT_FOUND: 404,
  NOTHING_TO_UNDO: 404,
  BAG_KIND_NOT_FOUND: 404,
  USERNAME_TAKEN: 409,
  EMAIL_TAKEN: 409,
  LAST_ADMIN: 409,
  BAG_EXISTS: 409,
  BAG_HAS_CHILDREN: 409,
  BAG_ON_BILL: 409,
  BAG_KIND_EXISTS: 409,
  BAG_KIND_PREFIX_IN_USE: 409,
  BAG_KIND_MAX_BELOW_CHILDREN: 409,
  BAG_KIND_PATTERN_IN_USE: 409,
  CHILD_IN_OTHER_PARENT: 409,
  PARENT_FULL: 409,
  SCAN_ID_REUSED: 409,
  UNDO_WINDOW_PASSED: 409,
  BILL_EXISTS: 409,
  BILL_FULL: 409,
  BILL_CLOSED: 409,
  BILL_EMPTY: 409,
  BILL_CAPACITY_BELOW_ATTACHED: 409,
  PARENT_ON_OTHER_BILL: 409,
  PARENT_IN_OPEN_TICKET: 409,
  PARENT_IN_OTHER_TICKET: 409,
  PARENT_NOT_ON_BILL: 409,
  TICKET_EMPTY: 409,
  TICKET_CLOSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

/** A domain or request error with a stable code; only the central handler turns it into HTTP. */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
    this.statusCode = STATUS[code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const invalid = (message: string, details?: Record<string, unknown>) =>
  new AppError('VALIDATION', message, details);

export const forbidden = (message = 'You are not allowed to do this.') =>
  new AppError('FORBIDDEN', message);

export const conflict = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  new AppError(code, message, details);

const ENTITY_CODES = {
  user: 'USER_NOT_FOUND',
  bag: 'BAG_NOT_FOUND',
  bill: 'BILL_NOT_FOUND',
  ticket: 'TICKET_NOT_FOUND',
  import: 'IMPORT_NOT_FOUND',
} as const satisfies Record<string, ErrorCode>;

/** `notFound('user', 12)` → 404 USER_NOT_FOUND "User 12 not found." */
export function notFound(entity: keyof typeof ENTITY_CODES, id: string | number): AppError {
  const label = entity.charAt(0).toUpperCase() + entity.slice(1);
  return new AppError(ENTITY_CODES[entity], `${label} ${id} not found.`, { [entity]: id });
}
