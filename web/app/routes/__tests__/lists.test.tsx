import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildAuthState, buildBag, buildScan, buildUser } from '@/testing/data-generators';
import { server } from '@/testing/msw/server';
import { renderApp } from '@/testing/test-utils';

function serveBags() {
  const urls: URL[] = [];
  server.use(
    http.get('/api/bags', ({ request }) => {
      const url = new URL(request.url);
      urls.push(url);
      return url.searchParams.get('cursor') === 'page-2'
        ? HttpResponse.json({ items: [buildBag({ qr: 'SB00003' })], nextCursor: null })
        : HttpResponse.json({
            items: [
              buildBag({ qr: 'SB00001' }),
              buildBag({ qr: '0016586', type: 'child', kind: null, status: null }),
            ],
            nextCursor: 'page-2',
          });
    }),
  );
  return urls;
}

describe('bags list', () => {
  it('lists bags with their capacity and loads the next page with the cursor', async () => {
    const urls = serveBags();
    const { user } = renderApp('/bags', { auth: buildAuthState(buildUser({ role: 'admin' })) });

    const list = await screen.findByRole('list', { name: 'Bags' });
    expect(within(list).getByRole('link', { name: 'SB00001' })).toHaveAttribute(
      'href',
      '/lookup?code=SB00001',
    );
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Children2 / 30');
    expect(screen.getByText('2 bags so far')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await within(list).findByRole('link', { name: 'SB00003' })).toBeInTheDocument();
    expect(urls.at(-1)?.searchParams.get('cursor')).toBe('page-2');
    expect(screen.getByText('3 bags, end of list')).toBeInTheDocument();
  });

  it('keeps filters in the address and sends them to the API', async () => {
    const urls = serveBags();
    const { user, router } = renderApp('/bags?type=child&unlinked=true', {
      auth: buildAuthState(buildUser({ role: 'biller' })),
    });
    await screen.findByRole('list', { name: 'Bags' });
    expect(urls[0]?.searchParams.get('type')).toBe('child');
    expect(urls[0]?.searchParams.get('unlinked')).toBe('true');

    await user.click(screen.getByRole('button', { name: 'Filters (2)' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Area' }), 'hisar');

    await waitFor(() => expect(urls.at(-1)?.searchParams.get('area')).toBe('hisar'));
    expect(router.state.location.search).toBe('?type=child&unlinked=true&area=hisar');
  });

  it('hides the area filter from dispatchers, who see their own area only', async () => {
    const urls = serveBags();
    const { user } = renderApp('/bags?area=jaipur', {
      auth: buildAuthState(buildUser({ role: 'dispatcher', dispatchArea: 'hisar' })),
    });
    await screen.findByRole('list', { name: 'Bags' });

    await user.click(screen.getByRole('button', { name: /Filters/ }));

    expect(screen.queryByRole('combobox', { name: 'Area' })).not.toBeInTheDocument();
    expect(screen.getByText('Bags of your dispatch area.')).toBeInTheDocument();
    expect(urls[0]?.searchParams.has('area')).toBe(false);
  });
});

describe('scans list', () => {
  it('lists scans with who, where and when, filtered by user', async () => {
    const urls: URL[] = [];
    server.use(
      http.get('/api/scans', ({ request }) => {
        urls.push(new URL(request.url));
        return HttpResponse.json({
          items: [
            buildScan({
              qr: '0016586',
              target: 'SB12260',
              user: 'ravi',
              station: 'Desk 4',
              duplicate: true,
            }),
          ],
          nextCursor: null,
        });
      }),
    );
    const { user } = renderApp('/scans', { auth: buildAuthState(buildUser({ role: 'admin' })) });

    const list = await screen.findByRole('list', { name: 'Scans' });
    const row = within(list).getAllByRole('listitem')[0] as HTMLElement;
    expect(row).toHaveTextContent('into SB12260');
    expect(row).toHaveTextContent('Desk 4');
    expect(within(row).getByText('Repeat')).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'User' }), 'ravi');

    await waitFor(() => expect(urls.at(-1)?.searchParams.get('user')).toBe('ravi'));
    expect(screen.getByText('1 scan, end of list')).toBeInTheDocument();
  });
});
