import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildAuthState, buildUser } from '@/testing/data-generators';
import { createReturnsServer } from '@/testing/msw/returns-server';
import { server } from '@/testing/msw/server';
import { renderApp } from '@/testing/test-utils';

const biller = buildAuthState(buildUser({ username: 'meena', role: 'biller' }));
const CODE = 'RTN-20250303-AB12';

function setup(path: string) {
  const returns = createReturnsServer();
  server.use(...returns.handlers);
  return { returns, start: () => renderApp(path, { auth: biller }) };
}

type User = ReturnType<typeof renderApp>['user'];

async function scan(user: User, code: string) {
  const input = await screen.findByRole('textbox', { name: 'Scan or type a returned parent bag' });
  await user.type(input, `${code}{Enter}`);
}

const message = () => screen.getByTestId('scan-message');
const status = () => screen.getByTestId('ticket-status');

describe('return tickets list', () => {
  it('lists tickets with their status, location and bags', async () => {
    const { returns, start } = setup('/returns');
    returns.seedTicket({ code: 'RTN-20250303-AAAA', bagCount: 2, weightKg: 60 });
    returns.seedTicket({ code: 'RTN-20250302-BBBB', status: 'cancelled', location: 'jaipur' });
    start();

    const list = await screen.findByRole('list', { name: 'Return tickets' });
    const [first, second] = within(list).getAllByRole('listitem');
    expect(
      within(first as HTMLElement).getByRole('link', { name: 'RTN-20250303-AAAA' }),
    ).toHaveAttribute('href', '/returns/RTN-20250303-AAAA');
    expect(first).toHaveTextContent('Open');
    expect(first).toHaveTextContent('Hisar');
    expect(first).toHaveTextContent('Bags2');
    expect(second).toHaveTextContent('Cancelled');
    expect(second).toHaveTextContent('Jaipur');
  });

  it('creates a ticket (the location is required) and opens it', async () => {
    const { returns, start } = setup('/returns');
    const { user, router } = start();

    await user.click(await screen.findByRole('button', { name: 'New ticket' }));
    await user.click(screen.getByRole('button', { name: 'Create ticket' }));
    expect(screen.getByText('Choose the C&F location the bags come back from.')).toBeVisible();
    expect(returns.created).toEqual([]);

    await user.selectOptions(screen.getByRole('combobox', { name: 'C&F location' }), 'hisar');
    await user.type(screen.getByRole('textbox', { name: 'Notes' }), 'Dealer sent back');
    await user.click(screen.getByRole('button', { name: 'Create ticket' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/returns/RTN-20250303-N001'));
    expect(await screen.findByText('RTN-20250303-N001')).toBeInTheDocument();
    expect(status()).toHaveTextContent('Open');
    expect(screen.getByText('Dealer sent back')).toBeInTheDocument();
    expect(returns.created).toEqual([{ location: 'hisar', notes: 'Dealer sent back' }]);
  });
});

describe('a return ticket', () => {
  it('scans parents in with a message for each answer, then finalizes', async () => {
    const { returns, start } = setup(`/returns/${CODE}`);
    returns.seedTicket({ code: CODE });
    returns.onBill.set('SB50001', 'B-1');
    const { user } = start();

    await user.click(await screen.findByRole('button', { name: 'Finalize' }));
    expect(
      await screen.findByText('Scan at least one parent bag into the ticket before finalizing it.'),
    ).toBeInTheDocument();

    await scan(user, 'SB50001');
    await waitFor(() =>
      expect(message()).toHaveTextContent('SB50001 returned from bill B-1 (30 child bags).'),
    );
    const lines = await screen.findByRole('list', { name: 'Returned parent bags' });
    expect(within(lines).getByRole('link', { name: 'B-1' })).toHaveAttribute('href', '/bills/B-1');

    await scan(user, 'SB50001');
    await waitFor(() => expect(message()).toHaveTextContent('SB50001 is already in this ticket.'));
    await scan(user, 'SB50009');
    await waitFor(() =>
      expect(message()).toHaveTextContent('SB50009 is not on any bill, so it cannot be returned.'),
    );
    expect(message()).toHaveClass('scan-message--error');
    await scan(user, '0016586');
    await waitFor(() =>
      expect(message()).toHaveTextContent('0016586 is a child bag. Scan a parent bag here.'),
    );

    await user.click(screen.getByRole('button', { name: 'Finalize' }));

    await waitFor(() => expect(status()).toHaveTextContent('Finalized'));
    expect(screen.getByText('Ticket finalized.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /returned parent bag/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel ticket' })).toBeNull();
    expect(returns.ticket(CODE)?.status).toBe('committed');
    expect(returns.returned).toEqual(['SB50001']);
  });

  it('cancels and reports the bags put back and the ones it could not', async () => {
    const { returns, start } = setup(`/returns/${CODE}`);
    returns.seedTicket({ code: CODE });
    returns.onBill.set('SB50011', 'B-11');
    returns.onBill.set('SB50012', 'B-12');
    const { user } = start();
    await scan(user, 'SB50011');
    await waitFor(() => expect(message()).toHaveTextContent('SB50011 returned from bill B-11'));
    await scan(user, 'SB50012');
    await waitFor(() => expect(message()).toHaveTextContent('SB50012 returned from bill B-12'));
    returns.deletedBills.add('B-12');

    await user.click(screen.getByRole('button', { name: 'Cancel ticket' }));

    const report = await screen.findByRole('region', { name: 'Cancel report' });
    expect(report).toHaveTextContent('1 bag put back on their bills.');
    expect(within(report).getByRole('list', { name: 'Restored bags' })).toHaveTextContent(
      'SB50011',
    );
    const notRestored = within(report).getByRole('list', { name: 'Bags not restored' });
    expect(
      within(notRestored)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['SB50012 (bill B-12): bill deleted']);
    await waitFor(() => expect(status()).toHaveTextContent('Cancelled'));
    const lines = screen.getByRole('list', { name: 'Returned parent bags' });
    expect(lines).toHaveTextContent('not restored: bill deleted');
    expect(returns.ticket(CODE)?.status).toBe('cancelled');
  });

  it('keeps return scans made without a connection and sends them when it is back', async () => {
    const { returns, start } = setup(`/returns/${CODE}`);
    returns.seedTicket({ code: CODE });
    returns.onBill.set('SB50021', 'B-21');
    returns.onBill.set('SB50022', 'B-22');
    returns.state.isOffline = true;
    const { user } = start();

    await scan(user, 'SB50021');
    await scan(user, 'SB50022');
    const waiting = await screen.findByRole('region', { name: 'Pending for this ticket (2)' });
    expect(within(waiting).getByText('Return SB50021 into ticket RTN-20250303-AB12')).toBeVisible();
    expect(message()).toHaveClass('scan-message--pending');

    returns.state.isOffline = false;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });

    const lines = await screen.findByRole('list', { name: 'Returned parent bags' });
    await waitFor(() => expect(within(lines).getAllByRole('listitem')).toHaveLength(2));
    expect(returns.returned).toEqual(['SB50021', 'SB50022']);
    expect(screen.queryByRole('region', { name: /Pending for this ticket/ })).toBeNull();
  });
});
