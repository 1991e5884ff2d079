import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@common/contracts/audit';
import type { BagKind, CreateBagKindBody } from '@common/contracts/bags';
import { DEFAULT_BAG_KINDS } from '@common/qr';
import { buildAuthState, buildUser } from '@/testing/data-generators';
import { errorResponse } from '@/testing/msw/handlers';
import { server } from '@/testing/msw/server';
import { renderApp } from '@/testing/test-utils';

const adminAuth = buildAuthState(buildUser({ username: 'asha', role: 'admin' }));

function entry(id: number, action: string): AuditEntry {
  return {
    id: String(id),
    at: '2025-03-03T09:00:00.000Z',
    actor: { id: 1, username: 'asha', role: 'admin' },
    action,
    entityType: 'user',
    entityId: '12',
    before: { role: 'biller' },
    after: { role: 'admin' },
    security: action.startsWith('auth.'),
    ip: '10.0.0.0',
    requestId: `req-${id}`,
  };
}

describe('bag kinds', () => {
  it('adds a kind, checking the pattern locally and the prefix on the server', async () => {
    const kinds: BagKind[] = [...DEFAULT_BAG_KINDS];
    const bodies: CreateBagKindBody[] = [];
    server.use(
      http.get('/api/bag-kinds', () => HttpResponse.json({ items: kinds })),
      http.post('/api/bag-kinds', async ({ request }) => {
        const body = (await request.json()) as CreateBagKindBody;
        bodies.push(body);
        if (body.prefix === 'C-') {
          return errorResponse(409, 'BAG_KIND_PREFIX_IN_USE', { prefix: 'C-', child: 'C-1' });
        }
        const kind = { ...body, code: body.code.toUpperCase(), prefix: body.prefix.toUpperCase() };
        kinds.push(kind);
        return HttpResponse.json(kind, { status: 201 });
      }),
    );
    const { user } = renderApp('/admin/bag-kinds', { auth: adminAuth });
    await screen.findByRole('list', { name: 'Bag kinds' });

    await user.click(screen.getByRole('button', { name: 'Add kind' }));
    const form = screen.getByRole('form', { name: 'New bag kind' });
    await user.type(within(form).getByLabelText('Code'), 'RB');
    await user.type(within(form).getByLabelText('Name'), 'RB (rapeseed)');
    await user.type(within(form).getByLabelText('Reserved prefix'), 'C-');
    await user.type(within(form).getByLabelText('Pattern'), 'RB\\d{{5}');
    await user.type(within(form).getByLabelText('Children per parent'), '20');
    await user.type(within(form).getByLabelText('Expected kg per parent'), '20');
    await user.click(within(form).getByRole('button', { name: 'Add kind' }));

    expect(within(form).getByLabelText('Pattern')).toHaveAccessibleDescription(
      /anchored with \^ and \$/,
    );
    expect(bodies).toEqual([]);

    await user.clear(within(form).getByLabelText('Pattern'));
    await user.type(within(form).getByLabelText('Pattern'), '^C-\\d{{5}$');
    await user.click(within(form).getByRole('button', { name: 'Add kind' }));
    await waitFor(() =>
      expect(within(form).getByLabelText('Reserved prefix')).toHaveAccessibleDescription(
        /Server says BAG_KIND_PREFIX_IN_USE/,
      ),
    );

    await user.clear(within(form).getByLabelText('Reserved prefix'));
    await user.type(within(form).getByLabelText('Reserved prefix'), 'RB');
    await user.clear(within(form).getByLabelText('Pattern'));
    await user.type(within(form).getByLabelText('Pattern'), '^RB\\d{{5}$');
    await user.type(within(form).getByLabelText('Try a code'), 'rb12345');
    expect(within(form).getByText('RB12345 matches: a parent of this kind.')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Add kind' }));

    expect(
      await screen.findByText('Kind RB added. Stations pick it up within a minute.'),
    ).toBeInTheDocument();
    expect(bodies.at(-1)).toEqual({
      code: 'RB',
      label: 'RB (rapeseed)',
      prefix: 'RB',
      pattern: '^RB\\d{5}$',
      maxChildren: 20,
      expectedKg: 20,
    });
    expect(await screen.findByRole('heading', { name: 'RB (rapeseed)' })).toBeInTheDocument();
  }, 20_000);

  it('edits a kind and shows BAG_KIND_MAX_BELOW_CHILDREN next to the capacity', async () => {
    server.use(
      http.patch('/api/bag-kinds/:code', () =>
        errorResponse(409, 'BAG_KIND_MAX_BELOW_CHILDREN', { parent: 'SB00001', childCount: 30 }),
      ),
    );
    const { user } = renderApp('/admin/bag-kinds', { auth: adminAuth });

    await user.click(await screen.findByRole('button', { name: 'Edit SB' }));
    const form = screen.getByRole('form', { name: 'Edit SB' });
    const max = within(form).getByLabelText('Children per parent');
    await user.clear(max);
    await user.type(max, '20');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(max).toHaveAccessibleDescription(/BAG_KIND_MAX_BELOW_CHILDREN/));
  });
});

describe('audit log', () => {
  it('filters by action and loads more with the cursor', async () => {
    const urls: URL[] = [];
    server.use(
      http.get('/api/audit', ({ request }) => {
        const url = new URL(request.url);
        urls.push(url);
        return url.searchParams.get('cursor')
          ? HttpResponse.json({ items: [entry(1, 'user.create')], nextCursor: null })
          : HttpResponse.json({
              items: [entry(3, 'auth.login'), entry(2, 'user.update')],
              nextCursor: 'next',
            });
      }),
    );
    const { user } = renderApp('/admin/audit', { auth: adminAuth });

    const list = await screen.findByRole('list', { name: 'Audit entries' });
    const first = within(list).getAllByRole('listitem')[0] as HTMLElement;
    expect(first).toHaveTextContent('auth.login');
    expect(within(first).getByText('Security')).toBeInTheDocument();
    expect(first).toHaveTextContent('asha (admin)');
    expect(first).toHaveTextContent('user:12');

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(list).findByText('user.create')).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Action' }), 'user.');
    await waitFor(() => expect(urls.at(-1)?.searchParams.get('action')).toBe('user.'));
  });
});
