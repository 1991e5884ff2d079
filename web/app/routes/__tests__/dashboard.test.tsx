import { act, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildAuthState, buildScan, buildStats, buildUser } from '@/testing/data-generators';
import { FakeEventSource } from '@/testing/fake-event-source';
import { server } from '@/testing/msw/server';
import { renderApp } from '@/testing/test-utils';

const admin = buildUser({ username: 'asha', role: 'admin' });

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function serveStats(...answers: Array<Parameters<typeof buildStats>[0]>) {
  let calls = 0;
  server.use(
    http.get('/api/stats', () => {
      const answer = answers[Math.min(calls, answers.length - 1)];
      calls += 1;
      return HttpResponse.json(buildStats(answer));
    }),
  );
  return { calls: () => calls };
}

const tile = (label: string) => screen.getByText(label).closest('li') as HTMLElement;

describe('dashboard', () => {
  it('shows the numbers, the hourly chart and the top stations', async () => {
    const perHour = buildStats().perHour.map((h, i) => ({ ...h, scans: i === 10 ? 42 : 0 }));
    serveStats({
      scansToday: 1234,
      parents: 40,
      unlinkedChildren: 3,
      perHour,
      topStations: [{ station: 'Desk 3', scans: 30 }],
    });
    renderApp('/', { auth: buildAuthState(admin) });

    expect(await screen.findByText('1,234')).toBeInTheDocument();
    expect(within(tile('Scans today')).getByText('1,234')).toBeInTheDocument();
    expect(within(tile('Children in no parent')).getByRole('link')).toHaveAttribute(
      'href',
      '/bags?type=child&unlinked=true',
    );
    expect(screen.getByRole('img', { name: /busiest hour 10:00 with 42/ })).toBeInTheDocument();
    expect(screen.getByText('Desk 3')).toBeInTheDocument();
  });

  it('refetches the numbers on a live `stats` event instead of polling', async () => {
    const stats = serveStats({ scansToday: 5 }, { scansToday: 6 });
    renderApp('/', { auth: buildAuthState(admin) });
    await waitFor(() => expect(within(tile('Scans today')).getByText('5')).toBeInTheDocument());
    const source = FakeEventSource.latest();
    expect(source.url).toBe('/api/events');
    act(() => source.open());
    expect(screen.getByText('Live')).toBeInTheDocument();

    act(() =>
      source.emit('stats', { type: 'stats', areas: ['hisar'], at: new Date().toISOString() }),
    );

    await waitFor(() => expect(within(tile('Scans today')).getByText('6')).toBeInTheDocument());
    expect(stats.calls()).toBe(2);
  });

  it('shows recent scans, then live scans with their parent’s progress and undos', async () => {
    server.use(
      http.get('/api/scans', ({ request }) => {
        expect(new URL(request.url).searchParams.get('limit')).toBe('10');
        return HttpResponse.json({
          items: [
            buildScan({
              kind: 'parent',
              qr: 'SB11111',
              target: null,
              user: 'ravi',
              station: 'Desk 1',
            }),
          ],
          nextCursor: null,
        });
      }),
    );
    renderApp('/', { auth: buildAuthState(admin) });
    const activity = await screen.findByRole('list', { name: 'Recent activity' });
    expect(activity).toHaveTextContent('ravi opened parent SB11111 at Desk 1');
    const source = FakeEventSource.latest();

    act(() => {
      source.emit('scan', {
        type: 'scan',
        area: 'hisar',
        kind: 'child',
        qr: '0016586',
        target: 'SB11111',
        duplicate: false,
        user: 'meena',
        station: 'Desk 2',
        at: new Date().toISOString(),
      });
      source.emit('link', {
        type: 'link',
        area: 'hisar',
        parent: 'SB11111',
        child: '0016586',
        childCount: 1,
        maxChildren: 30,
      });
      source.emit('unlink', {
        type: 'unlink',
        area: 'hisar',
        parent: 'SB11111',
        child: '0016586',
        childCount: 0,
        maxChildren: 30,
      });
    });

    const items = within(activity).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('0016586 taken out of SB11111 (undo) (0 / 30)');
    expect(items[1]).toHaveTextContent('meena packed 0016586 into SB11111 at Desk 2 (1 / 30)');
  });

  it('says when the live connection is down and catches up when it is back', async () => {
    const stats = serveStats({ scansToday: 1 });
    renderApp('/', { auth: buildAuthState(admin) });
    await waitFor(() => expect(within(tile('Scans today')).getByText('1')).toBeInTheDocument());
    const source = FakeEventSource.latest();
    act(() => source.open());

    act(() => source.fail());
    expect(screen.getByText('Reconnecting…')).toBeInTheDocument();
    act(() => source.open());

    expect(screen.getByText('Live')).toBeInTheDocument();
    await waitFor(() => expect(stats.calls()).toBe(2));
  });
});
