import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { CreateUserBody, User, UserList } from '@common/contracts/users';
import { buildAuthState, buildUser } from '@/testing/data-generators';
import { errorResponse } from '@/testing/msw/handlers';
import { server } from '@/testing/msw/server';
import { renderApp } from '@/testing/test-utils';

const admin = buildUser({ username: 'admin', role: 'admin' });
const adminAuth = buildAuthState(admin);

function serveUsers(pages: Record<string, UserList>) {
  const urls: URL[] = [];
  server.use(
    http.get('/api/users', ({ request }) => {
      const url = new URL(request.url);
      urls.push(url);
      const page = pages[url.searchParams.get('cursor') ?? 'first'];
      return page ? HttpResponse.json(page) : errorResponse(400, 'VALIDATION');
    }),
  );
  return urls;
}

interface CreateCall {
  body: CreateUserBody;
  csrf: string | null;
}

function serveCreateError(status: number, code: 'AREA_REQUIRED' | 'USERNAME_TAKEN') {
  const calls: CreateCall[] = [];
  server.use(
    http.post('/api/users', async ({ request }) => {
      calls.push({
        body: (await request.json()) as CreateUserBody,
        csrf: request.headers.get('X-CSRF-Token'),
      });
      return errorResponse(status, code);
    }),
  );
  return calls;
}

async function fillCreateForm(
  user: ReturnType<typeof renderApp>['user'],
  values: { username: string; role: string; area?: string },
) {
  await user.click(await screen.findByRole('button', { name: 'Add user' }));
  const form = screen.getByRole('form', { name: 'New user' });
  await user.type(within(form).getByLabelText('Username'), values.username);
  await user.type(within(form).getByLabelText('Email'), `${values.username}@example.com`);
  await user.selectOptions(within(form).getByLabelText('Role'), values.role);
  if (values.area) {
    await user.selectOptions(within(form).getByLabelText('Dispatch area'), values.area);
  }
  await user.type(within(form).getByLabelText('First password'), 'Str0ng-Passw0rd!');
  return form;
}

describe('users screen: list', () => {
  it('lists users and loads the next page with the cursor', async () => {
    const dispatcher = buildUser({
      username: 'ravi',
      role: 'dispatcher',
      dispatchArea: 'sri_ganganagar',
    });
    const older = buildUser({ username: 'meena' });
    const urls = serveUsers({
      first: { items: [admin, dispatcher], nextCursor: 'page-2' },
      'page-2': { items: [older], nextCursor: null },
    });
    const { user } = renderApp('/users', { auth: adminAuth });

    const list = await screen.findByRole('list', { name: 'Users' });
    expect(within(list).getByRole('heading', { name: 'admin' })).toBeInTheDocument();
    expect(within(list).getByRole('heading', { name: 'ravi' })).toBeInTheDocument();
    expect(within(list).getByText('Sri Ganganagar')).toBeInTheDocument();
    expect(within(list).queryByRole('heading', { name: 'meena' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await within(list).findByRole('heading', { name: 'meena' })).toBeInTheDocument();
    expect(urls.at(-1)?.searchParams.get('cursor')).toBe('page-2');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(screen.getByText('3 users')).toBeInTheDocument();
  });

  it('sends the role filter to the API', async () => {
    const urls = serveUsers({ first: { items: [admin], nextCursor: null } });
    const { user } = renderApp('/users', { auth: adminAuth });
    await screen.findByRole('list', { name: 'Users' });

    const toggle = screen.getByRole('button', { name: 'Filters' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'dispatcher');

    expect(await screen.findByRole('button', { name: 'Filters (1)' })).toBeInTheDocument();

    await waitFor(() => expect(urls.at(-1)?.searchParams.get('role')).toBe('dispatcher'));
  });
});

describe('users screen: create form', () => {
  it('shows AREA_REQUIRED from the server next to the dispatch area', async () => {
    serveUsers({ first: { items: [admin], nextCursor: null } });
    const calls = serveCreateError(400, 'AREA_REQUIRED');
    const { user } = renderApp('/users', { auth: adminAuth });

    const form = await fillCreateForm(user, {
      username: 'ravi',
      role: 'dispatcher',
      area: 'hisar',
    });
    await user.click(within(form).getByRole('button', { name: 'Create user' }));

    const area = await within(form).findByLabelText('Dispatch area');
    await waitFor(() => expect(area).toHaveAccessibleDescription(/needs a dispatch area/));
    expect(area).toHaveAttribute('aria-invalid', 'true');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body).toEqual({
      username: 'ravi',
      email: 'ravi@example.com',
      password: 'Str0ng-Passw0rd!',
      role: 'dispatcher',
      dispatchArea: 'hisar',
    });
    expect(calls[0]?.csrf).toBe(adminAuth.csrfToken);
  });

  it('asks for a dispatch area before sending a dispatcher without one', async () => {
    serveUsers({ first: { items: [admin], nextCursor: null } });
    const calls = serveCreateError(400, 'AREA_REQUIRED');
    const { user } = renderApp('/users', { auth: adminAuth });

    const form = await fillCreateForm(user, { username: 'ravi', role: 'dispatcher' });
    await user.click(within(form).getByRole('button', { name: 'Create user' }));

    expect(within(form).getByLabelText('Dispatch area')).toHaveAccessibleDescription(
      /needs a dispatch area/,
    );
    expect(calls).toHaveLength(0);
  });

  it('shows USERNAME_TAKEN next to the username and clears it when the name changes', async () => {
    serveUsers({ first: { items: [admin], nextCursor: null } });
    serveCreateError(409, 'USERNAME_TAKEN');
    const { user } = renderApp('/users', { auth: adminAuth });

    const form = await fillCreateForm(user, { username: 'admin2', role: 'biller' });
    await user.click(within(form).getByRole('button', { name: 'Create user' }));

    const username = within(form).getByLabelText('Username');
    await waitFor(() => expect(username).toHaveAccessibleDescription(/already taken/));
    expect(screen.queryByText(/Server says/)).not.toBeInTheDocument();

    await user.type(username, 'x');

    expect(username).not.toHaveAccessibleDescription(/already taken/);
  });

  it('adds the created user to the list', async () => {
    const created: User[] = [];
    server.use(
      http.get('/api/users', () =>
        HttpResponse.json({ items: [...created, admin], nextCursor: null }),
      ),
      http.post('/api/users', async ({ request }) => {
        const body = (await request.json()) as CreateUserBody;
        const user = buildUser({ username: body.username, role: body.role, email: body.email });
        created.push(user);
        return HttpResponse.json(user, { status: 201 });
      }),
    );
    const { user } = renderApp('/users', { auth: adminAuth });

    const form = await fillCreateForm(user, { username: 'sita', role: 'biller' });
    await user.click(within(form).getByRole('button', { name: 'Create user' }));

    expect(await screen.findByText('User sita created. They can sign in now.')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Users' });
    expect(await within(list).findByRole('heading', { name: 'sita' })).toBeInTheDocument();
  });
});

describe('users screen: changes and access', () => {
  it('unlocks a locked user', async () => {
    const locked = buildUser({
      username: 'tara',
      lockedUntil: new Date(Date.now() + 10 * 60_000).toISOString(),
    });
    let unlockedId: string | null = null;
    serveUsers({ first: { items: [locked], nextCursor: null } });
    server.use(
      http.post('/api/users/:id/unlock', ({ params }) => {
        unlockedId = String(params.id);
        return HttpResponse.json({ ...locked, lockedUntil: null });
      }),
    );
    const { user } = renderApp('/users', { auth: adminAuth });

    await user.click(await screen.findByRole('button', { name: 'Unlock tara' }));

    expect(await screen.findByText('tara can sign in again.')).toBeInTheDocument();
    expect(unlockedId).toBe(String(locked.id));
  });

  it('shows LAST_ADMIN when deactivating the last admin fails', async () => {
    const other = buildUser({ username: 'boss', role: 'admin' });
    serveUsers({ first: { items: [other], nextCursor: null } });
    server.use(http.patch('/api/users/:id', () => errorResponse(409, 'LAST_ADMIN')));
    const { user } = renderApp('/users', { auth: adminAuth });

    await user.click(await screen.findByRole('button', { name: 'Edit boss' }));
    const form = screen.getByRole('form', { name: 'Edit boss' });
    await user.click(within(form).getByRole('switch', { name: 'Account active' }));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(/last active admin/);
  });

  it('shows a friendly 403 screen to non-admins', async () => {
    const biller = buildUser({ role: 'biller' });
    renderApp('/users', { auth: buildAuthState(biller) });

    expect(
      await screen.findByRole('heading', { name: 'You don’t have access' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Managing users is for admins.')).toBeInTheDocument();
  });
});
