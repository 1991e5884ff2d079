import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildAuthState, buildUser } from '@/testing/data-generators';
import { createPackingServer } from '@/testing/msw/packing-server';
import { server } from '@/testing/msw/server';
import { renderApp } from '@/testing/test-utils';

const worker = buildUser({ username: 'meena', role: 'biller' });

function setup() {
  const packing = createPackingServer();
  server.use(...packing.handlers);
  const view = renderApp('/pack', { auth: buildAuthState(worker) });
  return { ...view, packing };
}

type User = ReturnType<typeof renderApp>['user'];

async function ready() {
  const input = await screen.findByRole('textbox', { name: 'Scan or type a code' });
  await waitFor(() => expect(input).toHaveFocus());
}

async function scan(user: User, code: string) {
  await user.keyboard(`${code}{Enter}`);
}

const count = () => screen.getByTestId('station-count');
const message = () => screen.getByTestId('station-message');

function goOnline() {
  act(() => {
    window.dispatchEvent(new Event('online'));
  });
}

beforeEach(() => {
  window.localStorage.setItem('tracetrack.station', 'Desk 2');
});

afterEach(() => {
  window.localStorage.clear();
  vi.useRealTimers();
});

describe('packing station offline', () => {
  it('keeps scanning without a connection, shows "Pending (n)" and sends in order when back', async () => {
    const { user, packing } = setup();
    await ready();
    await scan(user, 'SB20001');
    await scan(user, 'C-1');
    await waitFor(() => expect(count()).toHaveTextContent(/^1 of 30 child bags$/));

    packing.state.isOffline = true;
    await scan(user, 'C-2');
    await scan(user, 'C-3');

    expect(await screen.findByRole('button', { name: /Pending \(2\)/ })).toBeVisible();
    expect(count()).toHaveTextContent(/^3 of 30 child bags$/);
    expect(screen.getByText('Offline: some not sent yet')).toBeVisible();
    const log = screen.getByRole('region', { name: 'Last scans' });
    expect(within(log).getAllByText('Pending')).toHaveLength(2);

    packing.state.isOffline = false;
    goOnline();

    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /Pending/ })).not.toBeInTheDocument(),
    );
    await waitFor(() =>
      expect(screen.queryByText('Offline: some not sent yet')).not.toBeInTheDocument(),
    );
    expect(count()).toHaveTextContent(/^3 of 30 child bags$/);
    expect(packing.parents.get('SB20001')?.children).toEqual(['C-1', 'C-2', 'C-3']);
    expect(packing.state.links).toBe(3);
  });

  it('lists a refused replay under "Needs attention" with the reason until dismissed', async () => {
    const { user, packing } = setup();
    packing.seedParent('SB00002', 1);
    await ready();
    await scan(user, 'SB20002');
    await waitFor(() => expect(count()).toHaveTextContent(/^0 of 30 child bags$/));

    packing.state.isOffline = true;
    await scan(user, 'SEED-SB00002-0');
    await scan(user, 'C-7');
    await screen.findByRole('button', { name: /Pending \(2\)/ });
    packing.state.isOffline = false;
    goOnline();

    const panel = await screen.findByRole('region', { name: 'Needs attention (1)' });
    expect(within(panel).getByText('Child SEED-SB00002-0 into SB20002')).toBeVisible();
    expect(
      within(panel).getByText('SEED-SB00002-0 is already in SB00002. Keep it out of this one.'),
    ).toBeVisible();
    await waitFor(() => expect(count()).toHaveTextContent(/^1 of 30 child bags$/));

    await user.click(within(panel).getByRole('button', { name: /Dismiss/ }));

    expect(screen.queryByRole('region', { name: /Needs attention/ })).not.toBeInTheDocument();
  });

  it('finishes at capacity by its own count while offline', async () => {
    const { user, packing } = setup();
    packing.seedParent('M444-00002', 13);
    await ready();
    await scan(user, 'M444-00002');
    await waitFor(() => expect(count()).toHaveTextContent(/^13 of 15 child bags$/));

    packing.state.isOffline = true;
    await scan(user, 'C-14');
    await screen.findByRole('button', { name: /Pending \(1\)/ });
    await scan(user, 'C-15');

    await waitFor(() =>
      expect(message()).toHaveTextContent(
        'M444-00002 is full (15 / 15); scans will be sent when the connection is back.',
      ),
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('PARENT');
  });
});

describe('packing station idle reset', () => {
  it('goes back to PARENT state after 10 minutes without a scan', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user } = setup();
    await ready();
    await scan(user, 'SB20003');
    await waitFor(() => expect(count()).toHaveTextContent(/^0 of 30 child bags$/));

    act(() => {
      vi.advanceTimersByTime(9 * 60_000);
    });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('CHILD');
    act(() => {
      vi.advanceTimersByTime(60_000 + 100);
    });

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('PARENT');
    expect(message()).toHaveTextContent(
      'No scan for 10 minutes: back to PARENT. SB20003 stays at 0 / 30.',
    );
  });
});
