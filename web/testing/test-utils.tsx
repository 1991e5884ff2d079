import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { RouterProvider, createMemoryRouter } from 'react-router';
import type { AuthState } from '@common/contracts/auth';
import { AppProvider } from '@/app/provider';
import { createAppRoutes } from '@/app/router';
import { server } from '@/testing/msw/server';

export interface RenderAppOptions {
  /** Signed in as this (GET /api/auth/me answers it); signed out when omitted. */
  auth?: AuthState;
}

/** Serves `auth` from GET /api/auth/me and counts the calls. */
export function serveMe(auth: AuthState): { calls: () => number } {
  let count = 0;
  server.use(
    http.get('/api/auth/me', () => {
      count += 1;
      return HttpResponse.json(auth);
    }),
  );
  return { calls: () => count };
}

/** The whole app (real routes, providers and api-client) on a memory router at `path`. */
export function renderApp(path: string, { auth }: RenderAppOptions = {}) {
  if (auth) {
    serveMe(auth);
  }
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(createAppRoutes(), { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, router, user, queryClient };
}
