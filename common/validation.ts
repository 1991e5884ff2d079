/** Limits and formats shared by server schemas and web forms. */
/** Usernames as typed (any case); stored lowercase. */
export const USERNAME_INPUT_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$';
export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;
export const EMAIL_MAX = 254;

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;

/** Usernames are stored lowercase and compared case-insensitively. */
export function normaliseUsername(raw: string): string {
  return raw.trim().toLowerCase();
}
