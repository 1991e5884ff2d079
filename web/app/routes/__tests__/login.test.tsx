import { screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { LoginBody } from '@common/contracts/auth';
import { buildAuthState, buildUser } from '@/testing/data-generators';
import { errorResponse } from '@/testing/msw/handlers';
import { server } from '@/testing/msw/server';
import { renderApp, serveMe } from '@/testing/test-utils';

async function signIn(
  user: ReturnType<typeof renderApp>['user'],
  username: string,
  password: string,
) {
  await user.type(await screen.findByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('login page', () => {
  it('shows "Wrong username or password" on AUTH_INVALID and stays on the page', async () => {
    server.use(http.post('/api/auth/login', () => errorResponse(401, 'AUTH_INVALID')));
    const { user, router } = renderApp('/login');

    await signIn(user, 'alice', 'not-her-password');

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
    expect(screen.queryByText(/Server says/)).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('shows the lock time on ACCOUNT_LOCKED', async () => {
    const until = new Date(Date.now() + 15 * 60_000);
    server.use(
      http.post('/api/auth/login', () =>
        errorResponse(423, 'ACCOUNT_LOCKED', { lockedUntil: until.toISOString() }),
      ),
    );
    const { user } = renderApp('/login');

    await signIn(user, 'alice', 'whatever');

    const expectedTime = new Intl.DateTimeFormat(undefined, {
      hour: '2-digit',
      minute: '2-digit',
    }).format(until);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/account is locked/);
    expect(alert).toHaveTextContent(expectedTime);
  });

  it('tells how long to wait on RATE_LIMITED', async () => {
    server.use(
      http.post('/api/auth/login', () =>
        errorResponse(429, 'RATE_LIMITED', undefined, { 'Retry-After': '30' }),
      ),
    );
    const { user } = renderApp('/login');

    await signIn(user, 'alice', 'whatever');

    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in 30 seconds.');
  });

  it('asks for both fields before calling the server', async () => {
    const { user } = renderApp('/login');

    await user.click(await screen.findByRole('button', { name: 'Sign in' }));

    expect(screen.getByText('Enter your username.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
  });

  it('sends a signed-out visitor to login and, once signed in, to the page they wanted', async () => {
    const admin = buildUser({ username: 'admin', role: 'admin' });
    let sent: LoginBody | null = null;
    server.use(
      http.post('/api/auth/login', async ({ request }) => {
        sent = (await request.json()) as LoginBody;
        serveMe(buildAuthState(admin));
        return HttpResponse.json({ user: admin, csrfToken: 'csrf-login' });
      }),
    );
    const { user, router } = renderApp('/account');

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?redirectTo=%2Faccount');

    await signIn(user, 'admin', 'Warehouse-Passw0rd!');

    expect(await screen.findByRole('heading', { name: 'Account', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/account');
    expect(sent).toEqual({ username: 'admin', password: 'Warehouse-Passw0rd!' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    for (const item of ['Pack', 'Bills', 'Lookup', 'Dashboard', 'Users']) {
      expect(within(nav).getByRole('link', { name: item })).toBeInTheDocument();
    }
  });

  it('ignores a redirect target on another site', async () => {
    const biller = buildUser({ role: 'biller' });
    server.use(
      http.post('/api/auth/login', () => {
        serveMe(buildAuthState(biller));
        return HttpResponse.json({ user: biller, csrfToken: 'csrf-login' });
      }),
    );
    const { user, router } = renderApp('/login?redirectTo=//evil.example/steal');

    await signIn(user, biller.username, 'Good-Passw0rd!');

    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });
});
