import { isApiError, type ApiErrorCode } from '@/lib/api-client';
import { friendlyErrorMessage } from '@/lib/error-messages';

export type UserFormField = 'username' | 'email' | 'password' | 'role' | 'dispatchArea' | 'active';

export interface UserFormError {
  /** The field the message belongs next to; null for a message above the form. */
  field: UserFormField | null;
  message: string;
}

const USER_ERRORS: Partial<Record<ApiErrorCode, UserFormError>> = {
  USERNAME_TAKEN: { field: 'username', message: 'This username is already taken. Choose another.' },
  EMAIL_TAKEN: { field: 'email', message: 'Another user already has this email address.' },
  AREA_REQUIRED: {
    field: 'dispatchArea',
    message: 'A dispatcher needs a dispatch area. Choose one.',
  },
  AREA_FULL: {
    field: 'dispatchArea',
    message:
      'This area already has the most dispatchers allowed. Choose another area or deactivate someone first.',
  },
  PASSWORD_POLICY: { field: 'password', message: 'The password does not meet the rules below.' },
  LAST_ADMIN: {
    field: null,
    message:
      'This is the last active admin. Make someone else an admin before changing or deactivating this account.',
  },
  SELF_ROLE_CHANGE: {
    field: 'role',
    message: 'You cannot change your own role. Ask another admin.',
  },
  SELF_DEACTIVATE: { field: 'active', message: 'You cannot deactivate your own account.' },
  USER_NOT_FOUND: { field: null, message: 'This user no longer exists. Reload the list.' },
  VALIDATION: {
    field: null,
    message:
      'Some details are not valid. A username is 3–32 letters, digits, dots, dashes or underscores; the email must be a full address.',
  },
};

/** Where and how a failed create/update/unlock of a user is explained. */
export function userErrorMessage(error: unknown): UserFormError {
  if (isApiError(error)) {
    const known = USER_ERRORS[error.code];
    if (known) {
      return known;
    }
  }
  return { field: null, message: friendlyErrorMessage(error) };
}

/** The message for `field`, if the error belongs there. */
export function fieldError(error: unknown, field: UserFormField): string | undefined {
  if (!error) {
    return undefined;
  }
  const explained = userErrorMessage(error);
  return explained.field === field ? explained.message : undefined;
}

/** The message shown above the form, if the error belongs to no single field. */
export function formError(error: unknown): string | undefined {
  if (!error) {
    return undefined;
  }
  const explained = userErrorMessage(error);
  return explained.field === null ? explained.message : undefined;
}
