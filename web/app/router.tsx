import { useState } from 'react';
import { RouterProvider, createBrowserRouter, type RouteObject } from 'react-router';
import { RouteError } from '@/components/errors/route-error';
import { PageSpinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';

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
      children: [
        {
          index: true,
          lazy: async () => ({ Component: (await import('@/app/routes/app/dashboard')).DashboardRoute }),
          ErrorBoundary: RouteError,
        },
        {
          path: paths.app.pack.path,
          lazy: async () => ({ Component: (await import('@/app/routes/app/pack')).PackRoute }),
          ErrorBoundary: RouteError,
        },
        {
          path: paths.app.bills.path,
          lazy: async () => ({ Component: (await import('@/app/routes/app/bills')).BillsRoute }),
          ErrorBoundary: RouteError,
        },
        {
          path: paths.app.lookup.path,
          lazy: async () => ({ Component: (await import('@/app/routes/app/lookup')).LookupRoute }),
          ErrorBoundary: RouteError,
        },
        {
          path: paths.app.account.path,
          lazy: async () => ({ Component: (await import('@/app/routes/app/account')).AccountRoute }),
          ErrorBoundary: RouteError,
        },
        {
          path: paths.app.users.path,
          lazy: async () => ({ Component: (await import('@/app/routes/app/users')).UsersRoute }),
          ErrorBoundary: RouteError,
        },
        {
          path: '*',
          lazy: async () => ({ Component: (await import('@/app/routes/not-found')).NotFoundRoute }),
          ErrorBoundary: RouteError,
        },
      ],
    },
  ];
}

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(createAppRoutes()));
  return <RouterProvider router={router} />;
}
