import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { BagDetail, BagHistory, BagSnapshot } from '@common/contracts/bags';
import { DEFAULT_BAG_KINDS } from '@common/qr';
import { buildAuthState, buildBag, buildUser } from '@/testing/data-generators';
import { errorResponse } from '@/testing/msw/handlers';
import { server } from '@/testing/msw/server';
import { renderApp } from '@/testing/test-utils';

const auth = buildAuthState(buildUser({ role: 'biller' }));
const child = buildBag({
  qr: '0016586',
  type: 'child',
  kind: null,
  status: null,
  childCount: 0,
  weightKg: 1,
});
const childDetail: BagDetail = {
  bag: child,
  kind: null,
  parent: {
    qr: 'SB12260',
    kind: 'SB',
    status: 'in_progress',
    childCount: 12,
    maxChildren: 30,
    weightKg: 12,
    dispatchArea: 'hisar',
    linkedAt: '2025-03-03T09:00:00.000Z',
  },
  children: [],
  bill: { billNo: 'B-1001', status: 'processing' },
};
const childHistory: BagHistory = {
  qr: '0016586',
  type: 'child',
  truncated: false,
  items: [
    {
      at: '2025-03-03T09:00:00.000Z',
      type: 'scan',
      user: 'ravi',
      scanKind: 'child',
      qr: '0016586',
      target: 'SB12260',
      station: 'Desk 1',
      created: true,
      duplicate: false,
    },
    {
      at: '2025-03-03T09:00:00.000Z',
      type: 'link',
      user: 'ravi',
      parent: 'SB12260',
      child: '0016586',
      reason: 'scan',
    },
    {
      at: '2025-03-04T10:00:00.000Z',
      type: 'bill',
      user: 'meena',
      action: 'attach',
      bill: 'B-1001',
      note: null,
    },
  ],
};

function serveChild() {
  const asked: string[] = [];
  server.use(
    http.get('/api/bags/:qr', ({ params }) => {
      asked.push(String(params.qr));
      return params.qr === '0016586'
        ? HttpResponse.json(childDetail)
        : errorResponse(404, 'BAG_NOT_FOUND');
    }),
    http.get('/api/bags/:qr/history', ({ request }) => {
      const at = new URL(request.url).searchParams.get('at');
      if (!at) {
        return HttpResponse.json(childHistory);
      }
      const snapshot: BagSnapshot = {
        qr: '0016586',
        type: 'child',
        at,
        parent: null,
        children: [],
        bill: null,
      };
      return HttpResponse.json(snapshot);
    }),
  );
  return asked;
}

describe('lookup', () => {
  it('reads a whole child label and shows the bag, its parent, its bill and its story', async () => {
    const asked = serveChild();
    const { user, router } = renderApp('/lookup', { auth });
    const input = await screen.findByRole('textbox', { name: 'Scan or type any code' });
    await waitFor(() => expect(input).toHaveFocus());

    await user.keyboard('LABEL NO.:0016586 LOT NO.:STAR44GG24611{Enter}');

    expect(await screen.findByRole('region', { name: 'Parent' })).toHaveTextContent(
      /In SB12260 \(12 \/ 30\)/,
    );
    expect(router.state.location.search).toBe('?code=0016586');
    expect(asked).toEqual(['0016586']);
    expect(screen.getByRole('region', { name: 'Bill' })).toHaveTextContent(
      'Its parent is on bill B-1001 (Being loaded).',
    );
    const history = await screen.findByRole('list', { name: 'History, oldest first' });
    const items = within(history).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Scanned as child: 0016586 → SB12260 by ravi at Desk 1');
    expect(items[1]).toHaveTextContent(
      '0016586 packed into SB12260 by ravi (scanned at a station)',
    );
    expect(items[2]).toHaveTextContent('Put on bill B-1001 by meena');

    await user.click(screen.getByRole('button', { name: 'Newest first' }));
    expect(
      within(screen.getByRole('list', { name: 'History, newest first' })).getAllByRole(
        'listitem',
      )[0],
    ).toHaveTextContent('Put on bill');
  });

  it('answers "as of" a moment from ?at= and keeps only the events until then', async () => {
    serveChild();
    renderApp(`/lookup?code=0016586&at=${encodeURIComponent('2025-03-03T08:00:00.000Z')}`, {
      auth,
    });

    const asOf = await screen.findByRole('region', { name: /^As of / });
    expect(asOf).toHaveTextContent('0016586 was in no parent bag.');
    expect(asOf).toHaveTextContent('On no bill.');
    expect(await screen.findByText('Nothing happened to this bag by then.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Parent' })).not.toBeInTheDocument();
  });

  it('refuses an impossible code before asking, and says when a code is unknown', async () => {
    const asked = serveChild();
    const { user } = renderApp('/lookup', { auth });
    await screen.findByRole('textbox', { name: 'Scan or type any code' });
    server.use(http.get('/api/bag-kinds', () => HttpResponse.json({ items: DEFAULT_BAG_KINDS })));

    await user.keyboard('SB-12345{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'SB-12345 is not a valid parent code',
    );
    expect(asked).toEqual([]);

    await user.type(screen.getByRole('textbox', { name: 'Scan or type any code' }), 'SB99999');
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    expect(
      await screen.findByText('No bag has the code SB99999. It was never scanned or imported.'),
    ).toBeInTheDocument();
  });
});
