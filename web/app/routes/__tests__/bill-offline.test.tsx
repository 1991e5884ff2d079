import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildAuthState, buildUser } from '@/testing/data-generators';
import { createBillServer } from '@/testing/msw/bill-server';
import { server } from '@/testing/msw/server';
import { renderApp } from '@/testing/test-utils';

const biller = buildAuthState(buildUser({ username: 'meena', role: 'biller' }));

function setup(capacity = 3) {
  const bills = createBillServer({ billNo: 'B-200', capacity });
  server.use(...bills.handlers);
  const view = renderApp('/bills/B-200', { auth: biller });
  return { ...view, bills };
}

type User = ReturnType<typeof renderApp>['user'];

async function scan(user: User, code: string) {
  const input = await screen.findByRole('textbox', { name: 'Scan or type a parent bag' });
  await user.type(input, `${code}{Enter}`);
}

function goOnline() {
  act(() => {
    window.dispatchEvent(new Event('online'));
  });
}

const count = () => screen.getByTestId('bill-count');
const message = () => screen.getByTestId('scan-message');

describe('bill scans without a connection', () => {
  it('keeps scans on the device as pending and attaches them in order when back, once each', async () => {
    const { user, bills } = setup();
    await scan(user, 'SB30001');
    await waitFor(() => expect(message()).toHaveTextContent('SB30001 attached. 1 / 3.'));

    bills.state.isOffline = true;
    await scan(user, 'SB30002');
    await waitFor(() =>
      expect(message()).toHaveTextContent(
        'No connection: SB30002 is kept on this device and will be attached when the connection is back.',
      ),
    );
    expect(message()).toHaveClass('scan-message--pending');
    await scan(user, 'SB30003');

    const waiting = await screen.findByRole('region', { name: 'Pending for this bill (2)' });
    expect(
      within(waiting)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('strong')?.textContent),
    ).toEqual(['Parent SB30002 onto bill B-200', 'Parent SB30003 onto bill B-200']);
    expect(screen.getByText(/Pending \(2\): 2 scans not sent yet/)).toBeInTheDocument();
    expect(count()).toHaveTextContent('1 / 3 parent bags');

    bills.state.isOffline = false;
    goOnline();

    await waitFor(() => expect(count()).toHaveTextContent('3 / 3 parent bags'));
    expect(screen.getByTestId('bill-status')).toHaveTextContent('Completed');
    expect(message()).toHaveTextContent(
      'Sent after the connection came back: SB30003 attached. Bill B-200 is completed (3 / 3).',
    );
    expect(screen.queryByRole('region', { name: /Pending for this bill/ })).toBeNull();
    expect(screen.queryByText(/scans not sent yet/)).toBeNull();
    expect(bills.attached).toEqual(['SB30001', 'SB30002', 'SB30003']);
  });

  it('never attaches twice when the answer of a processed scan was lost', async () => {
    const { user, bills } = setup();
    bills.state.isAnswerLost = true;
    await scan(user, 'SB30011');
    await screen.findByRole('region', { name: 'Pending for this bill (1)' });

    bills.state.isAnswerLost = false;
    goOnline();

    await waitFor(() => expect(count()).toHaveTextContent('1 / 3 parent bags'));
    expect(bills.received.length).toBeGreaterThanOrEqual(2);
    expect(new Set(bills.received).size).toBe(1);
    expect(bills.attached).toEqual(['SB30011']);
    expect(message()).toHaveTextContent('Sent after the connection came back: SB30011 attached.');
  });

  it('lists a refused replay under "Needs attention" with the reason until dismissed', async () => {
    const { user, bills } = setup();
    bills.elsewhere.set('SB30021', 'B-777');
    bills.state.isOffline = true;
    await scan(user, 'SB30021');
    await scan(user, 'SB30022');
    await screen.findByRole('region', { name: 'Pending for this bill (2)' });

    bills.state.isOffline = false;
    goOnline();

    const panel = await screen.findByRole('region', { name: 'Needs attention (1)' });
    expect(within(panel).getByText('Parent SB30021 onto bill B-200')).toBeVisible();
    expect(
      within(panel).getByText('SB30021 is already on bill B-777. Remove it there first.'),
    ).toBeVisible();
    await waitFor(() => expect(count()).toHaveTextContent('1 / 3 parent bags'));
    expect(bills.attached).toEqual(['SB30022']);
    expect(screen.getByText('1 scan needs attention')).toBeInTheDocument();

    await user.click(
      within(panel).getByRole('button', { name: 'Dismiss: Parent SB30021 onto bill B-200' }),
    );

    expect(screen.queryByRole('region', { name: /Needs attention/ })).toBeNull();
    expect(screen.queryByText('1 scan needs attention')).toBeNull();
  });

  it('shows a refusal made while online at once, without keeping it for attention', async () => {
    const { user, bills } = setup();
    bills.elsewhere.set('SB30031', 'B-778');

    await scan(user, 'SB30031');

    await waitFor(() =>
      expect(message()).toHaveTextContent(
        'SB30031 is already on bill B-778. Remove it there first.',
      ),
    );
    expect(message()).toHaveClass('scan-message--error');
    expect(screen.queryByRole('region', { name: /Needs attention/ })).toBeNull();
    expect(screen.queryByText(/needs attention/)).toBeNull();
  });
});
