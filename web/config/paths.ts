/**
 * Every screen's URL in one table. Features navigate with `paths.x.getHref()`, never literal strings.
 * `path` is the router pattern (relative to its parent route where nested).
 */

/** Only same-site paths may be a redirect target (no `//host`, no `https:`). */
export function safeRedirectTarget(value: string | null | undefined): string | null {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return null;
  }
  return value;
}

type QueryValue = string | number | boolean | null | undefined;

/** `/bags?type=child&unlinked=true`: the non-empty values as a query string. */
export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export const paths = {
  auth: {
    login: {
      path: '/login',
      getHref: (redirectTo?: string | null) => {
        const target = safeRedirectTarget(redirectTo);
        return target && target !== '/'
          ? `/login?redirectTo=${encodeURIComponent(target)}`
          : '/login';
      },
    },
  },
  app: {
    root: { path: '/', getHref: () => '/' },
    dashboard: { path: '', getHref: () => '/' },
    pack: { path: 'pack', getHref: () => '/pack' },
    bills: { path: 'bills', getHref: () => '/bills' },
    bill: {
      path: 'bills/:billNo',
      getHref: (billNo: string) => `/bills/${encodeURIComponent(billNo)}`,
    },
    returns: { path: 'returns', getHref: () => '/returns' },
    returnTicket: {
      path: 'returns/:code',
      getHref: (code: string) => `/returns/${encodeURIComponent(code)}`,
    },
    summary: {
      path: 'summary',
      /** The daily summary, on `date` (YYYY-MM-DD) or today. */
      getHref: (date?: string | null) => withQuery('/summary', { date }),
    },
    lookup: {
      path: 'lookup',
      /** The trace of `code`, optionally as it was at `at` (ISO time). */
      getHref: (code?: string | null, at?: string | null) => withQuery('/lookup', { code, at }),
    },
    bags: {
      path: 'bags',
      getHref: (query: Record<string, QueryValue> = {}) => withQuery('/bags', query),
    },
    scans: {
      path: 'scans',
      getHref: (query: Record<string, QueryValue> = {}) => withQuery('/scans', query),
    },
    more: { path: 'more', getHref: () => '/more' },
    account: { path: 'account', getHref: () => '/account' },
    users: { path: 'users', getHref: () => '/users' },
    bagKinds: { path: 'admin/bag-kinds', getHref: () => '/admin/bag-kinds' },
    audit: {
      path: 'admin/audit',
      getHref: (query: Record<string, QueryValue> = {}) => withQuery('/admin/audit', query),
    },
  },
} as const;
