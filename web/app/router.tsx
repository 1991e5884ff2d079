import { useState, type ComponentType } from 'react';
import { RouterProvider, createBrowserRouter, type RouteObject } from 'react-router';
import { RouteError } from '@/components/errors/route-error';
import { PageSpinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import type { Screen, ScreenHandle } from '@/lib/authorization';

type LoadScreen = () => Promise<ComponentType>;

interface ScreenRouteOptions {
  isFullScreen?: boolean;
}

/**
 * A lazily loaded screen (its own chunk) with its own error boundary; `path: null` makes it the
 * index route. `handle.screen` lets the shell refuse roles that may not open it.
 */
function screenRoute(
  path: string | null,
  screen: Screen,
  load: LoadScreen,
  { isFullScreen = false }: ScreenRouteOptions = {},
): RouteObject {
  const lazy = async () => ({ Component: await load() });
  const handle: ScreenHandle = { screen, isFullScreen };
  return path === null
    ? { index: true, lazy, handle, ErrorBoundary: RouteError }
    : { path, lazy, handle, ErrorBoundary: RouteError };
}

/** A bill, the daily summary, return tickets. */
function billingScreens(): RouteObject[] {
  const { app } = paths;
  return [
    screenRoute(
      app.bill.path,
      'bills',
      async () => (await import('@/app/routes/app/bill')).BillRoute,
    ),
    screenRoute(
      app.summary.path,
      'summary',
      async () => (await import('@/app/routes/app/summary')).SummaryRoute,
    ),
    screenRoute(
      app.returns.path,
      'returns',
      async () => (await import('@/app/routes/app/returns')).ReturnsRoute,
    ),
    screenRoute(
      app.returnTicket.path,
      'returns',
      async () => (await import('@/app/routes/app/return-ticket')).ReturnTicketRoute,
    ),
  ];
}

function appScreens(): RouteObject[] {
  const { app } = paths;
  return [
    screenRoute(
      null,
      'dashboard',
      async () => (await import('@/app/routes/app/dashboard')).DashboardRoute,
    ),
    screenRoute(
      app.pack.path,
      'pack',
      async () => (await import('@/app/routes/app/pack')).PackRoute,
      {
        isFullScreen: true,
      },
    ),
    screenRoute(
      app.bills.path,
      'bills',
      async () => (await import('@/app/routes/app/bills')).BillsRoute,
    ),
    ...billingScreens(),
    screenRoute(
      app.lookup.path,
      'lookup',
      async () => (await import('@/app/routes/app/lookup')).LookupRoute,
    ),
    screenRoute(
      app.bags.path,
      'bags',
      async () => (await import('@/app/routes/app/bags')).BagsRoute,
    ),
    screenRoute(
      app.scans.path,
      'scans',
      async () => (await import('@/app/routes/app/scans')).ScansRoute,
    ),
    screenRoute(
      app.more.path,
      'more',
      async () => (await import('@/app/routes/app/more')).MoreRoute,
    ),
    screenRoute(
      app.account.path,
      'account',
      async () => (await import('@/app/routes/app/account')).AccountRoute,
    ),
    screenRoute(
      app.users.path,
      'users',
      async () => (await import('@/app/routes/app/users')).UsersRoute,
    ),
    screenRoute(
      app.bagKinds.path,
      'bagKinds',
      async () => (await import('@/app/routes/app/bag-kinds')).BagKindsRoute,
    ),
    screenRoute(
      app.audit.path,
      'audit',
      async () => (await import('@/app/routes/app/audit')).AuditRoute,
    ),
    {
      path: '*',
      lazy: async () => ({ Component: (await import('@/app/routes/not-found')).NotFoundRoute }),
      ErrorBoundary: RouteError,
    },
  ];
}

/** One lazily loaded chunk per screen; each route holds its own error boundary. */
export function createAppRoutes(): RouteObject[] {
  return [
    {
      path: paths.auth.login.path,
      lazy: async () => ({ Component: (await import('@/app/routes/login')).LoginRoute }),
      ErrorBoundary: RouteError,
      HydrateFallback: PageSpinner,
    },
    {
      path: paths.app.root.path,
      lazy: async () => ({ Component: (await import('@/app/routes/app/root')).AppRoot }),
      ErrorBoundary: RouteError,
      HydrateFallback: PageSpinner,
      children: appScreens(),
    },
  ];
}

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(createAppRoutes()));
  return <RouterProvider router={router} />;
}
