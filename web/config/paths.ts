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
    lookup: { path: 'lookup', getHref: () => '/lookup' },
    account: { path: 'account', getHref: () => '/account' },
    users: { path: 'users', getHref: () => '/users' },
  },
} as const;
