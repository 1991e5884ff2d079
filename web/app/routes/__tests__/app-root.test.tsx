import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildAuthState, buildUser } from '@/testing/data-generators';
import { errorResponse, TEST_REQUEST_ID } from '@/testing/msw/handlers';
import { server } from '@/testing/msw/server';
import { renderApp, serveMe } from '@/testing/test-utils';

describe('signed-in shell', () => {
  it('shows the dashboard as home with the area, and offers a dispatcher only their screens', async () => {
    const dispatcher = buildUser({
      username: 'ravi',
      role: 'dispatcher',
      dispatchArea: 'sri_ganganagar',
    });
    renderApp('/', { auth: buildAuthState(dispatcher) });

    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument();
    expect(screen.getByText('Welcome, ravi. Sri Ganganagar only.')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Pack', 'Bills', 'Lookup', 'Dashboard', 'More', 'Bags', 'Scans', 'Account']);
  });

  it('offers admins the admin screens too', async () => {
    renderApp('/', { auth: buildAuthState(buildUser({ role: 'admin' })) });

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const admin = within(nav).getByText('Admin').parentElement;
    expect(
      within(admin as HTMLElement)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Users', 'Bag kinds', 'Audit log']);
  });

  it('shows "not allowed" at the address of a screen the role may not use', async () => {
    renderApp('/admin/audit', {
      auth: buildAuthState(buildUser({ role: 'dispatcher', dispatchArea: 'hisar' })),
    });

    expect(
      await screen.findByRole('heading', { name: 'You don’t have access' }),
    ).toBeInTheDocument();
    expect(screen.getByText('The audit log is for admins.')).toBeInTheDocument();
  });

  it('lists the other screens on the phone’s "More" page, by role', async () => {
    renderApp('/more', { auth: buildAuthState(buildUser({ role: 'biller' })) });

    expect(await screen.findByRole('heading', { name: 'More' })).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(within(main).getByRole('link', { name: /Bags/ })).toBeInTheDocument();
    expect(within(main).queryByRole('link', { name: /Audit log/ })).not.toBeInTheDocument();
  });

  it('offers returns to billers only, and shows a dispatcher "not allowed" there', async () => {
    renderApp('/returns', { auth: buildAuthState(buildUser({ role: 'dispatcher' })) });

    expect(
      await screen.findByText(/Return tickets are handled by admins and billers/),
    ).toBeInTheDocument();
  });

  it('signs out and returns to the login page', async () => {
    let loggedOut = false;
    server.use(
      http.post('/api/auth/logout', () => {
        loggedOut = true;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user, router } = renderApp('/', { auth: buildAuthState(buildUser()) });

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(loggedOut).toBe(true);
  });

  it('shows "not found" for an unknown address', async () => {
    renderApp('/no/such/page', { auth: buildAuthState(buildUser()) });

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});

describe('session end', () => {
  it('shows "Your session ended, sign in again" on SESSION_EXPIRED and leads back to login', async () => {
    server.use(http.get('/api/auth/me', () => errorResponse(401, 'SESSION_EXPIRED')));
    const { user, router } = renderApp('/users');

    expect(
      await screen.findByRole('heading', { name: 'Your session ended, sign in again' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign in again' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?redirectTo=%2Fusers');
  });

  it('shows the error screen with the request id when /api/auth/me fails', async () => {
    server.use(http.get('/api/auth/me', () => errorResponse(500, 'INTERNAL')));
    renderApp('/');

    expect(
      await screen.findByRole('heading', { name: 'Something went wrong' }),
    ).toBeInTheDocument();
    expect(screen.getByText(new RegExp(TEST_REQUEST_ID))).toBeInTheDocument();
  });

  it('warns before the idle timeout and "Stay signed in" refreshes the session', async () => {
    const auth = buildAuthState(buildUser(), {
      idleExpiresAt: new Date(Date.now() + 90_000).toISOString(),
    });
    const me = serveMe(auth);
    const { user } = renderApp('/');

    const warning = await screen.findByRole('alert');
    expect(warning).toHaveTextContent(
      /You will be signed out in about 2 minutes|in less than a minute|in about 1 minute/,
    );
    const callsBefore = me.calls();
    serveMe(buildAuthState(auth.user));

    await user.click(within(warning).getByRole('button', { name: 'Stay signed in' }));

    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(callsBefore).toBe(1);
  });

  it('says the absolute end cannot be pushed back', async () => {
    const auth = buildAuthState(buildUser(), {
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    renderApp('/', { auth });

    const warning = await screen.findByRole('alert');
    expect(warning).toHaveTextContent(/Your session ends/);
    expect(warning).toHaveTextContent(/sign in again soon/);
    expect(within(warning).queryByRole('button')).not.toBeInTheDocument();
  });
});
