import { useState, type ComponentType } from 'react';
import { RouterProvider, createBrowserRouter, type RouteObject } from 'react-router';
import { RouteError } from '@/components/errors/route-error';
import { PageSpinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';

type LoadScreen = () => Promise<ComponentType>;

/** A lazily loaded screen with its own error boundary; `path: null` makes it the index route. */
function screenRoute(path: string | null, load: LoadScreen): RouteObject {
  const lazy = async () => ({ Component: await load() });
  return path === null
    ? { index: true, lazy, ErrorBoundary: RouteError }
    : { path, lazy, ErrorBoundary: RouteError };
}

/** One lazily loaded chunk per screen; each route holds its own error boundary. */
export function createAppRoutes(): RouteObject[] {
  return [
    {
      ...screenRoute(
        paths.auth.login.path,
        async () => (await import('@/app/routes/login')).LoginRoute,
      ),
      HydrateFallback: PageSpinner,
    },
    {
      path: paths.app.root.path,
      lazy: async () => ({ Component: (await import('@/app/routes/app/root')).AppRoot }),
      ErrorBoundary: RouteError,
      HydrateFallback: PageSpinner,
      children: [
        screenRoute(null, async () => (await import('@/app/routes/app/dashboard')).DashboardRoute),
        screenRoute(
          paths.app.pack.path,
          async () => (await import('@/app/routes/app/pack')).PackRoute,
        ),
        screenRoute(
          paths.app.bills.path,
          async () => (await import('@/app/routes/app/bills')).BillsRoute,
        ),
        screenRoute(
          paths.app.lookup.path,
          async () => (await import('@/app/routes/app/lookup')).LookupRoute,
        ),
        screenRoute(
          paths.app.account.path,
          async () => (await import('@/app/routes/app/account')).AccountRoute,
        ),
        screenRoute(
          paths.app.users.path,
          async () => (await import('@/app/routes/app/users')).UsersRoute,
        ),
        screenRoute('*', async () => (await import('@/app/routes/not-found')).NotFoundRoute),
      ],
    },
  ];
}

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(createAppRoutes()));
  return <RouterProvider router={router} />;
}
