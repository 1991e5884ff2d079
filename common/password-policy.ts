import type { Role } from './roles.js';

/** Password rules of SPEC §10, checked on every set, on the server and live in the web forms. */
export const PASSWORD_MIN_LENGTH = 8;
export const ADMIN_PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem =
  | 'too_short'
  | 'too_long'
  | 'no_upper'
  | 'no_lower'
  | 'no_digit'
  | 'no_symbol'
  | 'contains_username';

const MESSAGES: Record<PasswordProblem, (min: number) => string> = {
  too_short: (min) => `at least ${min} characters`,
  too_long: () => `at most ${PASSWORD_MAX_LENGTH} characters`,
  no_upper: () => 'an upper-case letter',
  no_lower: () => 'a lower-case letter',
  no_digit: () => 'a digit',
  no_symbol: () => 'a symbol',
  contains_username: () => 'no username in it',
};

export function minPasswordLength(role: Role): number {
  return role === 'admin' ? ADMIN_PASSWORD_MIN_LENGTH : PASSWORD_MIN_LENGTH;
}

/** Lists every rule the password breaks; empty when it is acceptable. */
export function passwordProblems(
  password: string,
  role: Role,
  username?: string,
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < minPasswordLength(role)) {
    problems.push('too_short');
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push('too_long');
  }
  if (!/\p{Lu}/u.test(password)) {
    problems.push('no_upper');
  }
  if (!/\p{Ll}/u.test(password)) {
    problems.push('no_lower');
  }
  if (!/\p{Nd}/u.test(password)) {
    problems.push('no_digit');
  }
  if (!/[^\p{L}\p{Nd}\s]/u.test(password)) {
    problems.push('no_symbol');
  }
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('contains_username');
  }
  return problems;
}

/** A sentence naming what the password still needs, e.g. "Password needs a digit and a symbol." */
export function describePasswordProblems(problems: PasswordProblem[], role: Role): string {
  const needs = problems
    .filter((p) => p !== 'contains_username')
    .map((p) => MESSAGES[p](minPasswordLength(role)));
  const sentences: string[] = [];
  if (needs.length > 0) {
    const list =
      needs.length === 1 ? needs[0] : `${needs.slice(0, -1).join(', ')} and ${needs.at(-1)}`;
    sentences.push(`Password needs ${list}.`);
  }
  if (problems.includes('contains_username')) {
    sentences.push('Password must not contain the username.');
  }
  return sentences.length > 0 ? sentences.join(' ') : 'Password is acceptable.';
}
