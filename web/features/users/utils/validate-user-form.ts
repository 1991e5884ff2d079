import { passwordProblems } from '@common/password-policy';
import type { Role } from '@common/roles';
import { USERNAME_INPUT_PATTERN } from '@common/validation';
import type { UserFormField } from '@/features/users/utils/user-error-message';

export type UserFormErrors = Partial<Record<UserFormField, string>>;

const USERNAME_REGEX = new RegExp(USERNAME_INPUT_PATTERN);
const EMAIL_REGEX = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const AREA_NEEDED_MESSAGE = 'A dispatcher needs a dispatch area. Choose one.';

export function validateUsername(username: string): string | undefined {
  return USERNAME_REGEX.test(username.trim())
    ? undefined
    : 'Use 3–32 letters, digits, dots, dashes or underscores, starting with a letter or digit.';
}

export function validateEmail(email: string, isRequired: boolean): string | undefined {
  const value = email.trim();
  if (!value) {
    return isRequired ? 'Enter the email address.' : undefined;
  }
  return EMAIL_REGEX.test(value) ? undefined : 'Enter a full email address, like name@example.com.';
}

export function validatePassword(
  password: string,
  role: Role,
  username: string,
): string | undefined {
  return passwordProblems(password, role, username).length > 0
    ? 'The password does not meet every rule yet.'
    : undefined;
}

export function validateArea(role: Role | '', area: string): string | undefined {
  return role === 'dispatcher' && !area ? AREA_NEEDED_MESSAGE : undefined;
}

/** Drops the fields without a message, so an empty object means "valid". */
export function compactErrors(errors: UserFormErrors): UserFormErrors {
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== undefined));
}
