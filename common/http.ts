/** HTTP names shared by server and web (kept free of schema imports for the browser bundle). */
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'tt_session';
