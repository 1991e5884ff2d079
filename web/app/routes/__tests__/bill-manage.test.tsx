import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Role } from '@common/roles';
import { buildAuthState, buildUser } from '@/testing/data-generators';
import { createBillServer } from '@/testing/msw/bill-server';
import { errorResponse } from '@/testing/msw/handlers';
import { server } from '@/testing/msw/server';
import { renderApp } from '@/testing/test-utils';

function setup(role: Role, parents: string[] = []) {
  const bills = createBillServer(
    { billNo: 'B-300', capacity: 5, description: 'Mustard seed', destination: 'Hisar depot' },
    parents,
  );
  server.use(
    ...bills.handlers,
    http.get('/api/bills', () => HttpResponse.json({ items: [], nextCursor: null })),
  );
  const auth = buildAuthState(
    buildUser({ role, dispatchArea: role === 'dispatcher' ? 'hisar' : null }),
  );
  const view = renderApp('/bills/B-300', { auth });
  return { ...view, bills };
}

async function openEditForm(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Edit details' }));
  return screen.findByRole('form', { name: 'Edit bill' });
}

describe('editing a bill', () => {
  it('saves only the changed fields and shows the new details', async () => {
    const { user, bills } = setup('biller', ['SB40001']);
    const form = await openEditForm(user);

    const destination = within(form).getByRole('textbox', { name: 'Destination' });
    await user.clear(destination);
    await user.type(destination, 'Jaipur C&F');
    await user.clear(within(form).getByRole('textbox', { name: 'Vehicle number' }));
    await user.type(within(form).getByRole('textbox', { name: 'Vehicle number' }), 'RJ14 9999');
    await user.clear(within(form).getByRole('textbox', { name: 'Description' }));
    const capacity = within(form).getByRole('spinbutton', { name: 'Capacity (parent bags)' });
    await user.clear(capacity);
    await user.type(capacity, '8');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Bill details saved.')).toBeInTheDocument();
    expect(bills.patches).toEqual([
      { description: null, destination: 'Jaipur C&F', vehicleNumber: 'RJ14 9999', capacity: 8 },
    ]);
    expect(screen.queryByRole('form', { name: 'Edit bill' })).toBeNull();
    expect(screen.getByTestId('bill-count')).toHaveTextContent('1 / 8 parent bags');
    expect(screen.getByText('Jaipur C&F')).toBeInTheDocument();
    expect(screen.getByText('RJ14 9999')).toBeInTheDocument();
    expect(screen.queryByText('Mustard seed')).toBeNull();
  });

  it('says clearly when the capacity would be below the attached parent bags (409)', async () => {
    const { user, bills } = setup('admin', ['SB40011', 'SB40012', 'SB40013']);
    const form = await openEditForm(user);
    const capacity = within(form).getByRole('spinbutton', { name: 'Capacity (parent bags)' });
    expect(capacity).toHaveAccessibleDescription(
      '3 parent bags are attached: the capacity cannot go below that.',
    );

    await user.clear(capacity);
    await user.type(capacity, '2');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Capacity not changed: 3 parent bags are already on this bill, so the capacity cannot be lower than 3. Remove parent bags first to go lower.',
    );
    expect(capacity).toBeInvalid();
    expect(capacity).toHaveAccessibleDescription(/At least 3\./);
    expect(bills.patches).toEqual([{ capacity: 2 }]);
    expect(bills.bill().capacity).toBe(5);
    expect(screen.getByTestId('bill-count')).toHaveTextContent('3 / 5 parent bags');
  });

  it('checks the capacity before sending, and says when nothing changed', async () => {
    const { user, bills } = setup('biller');
    const form = await openEditForm(user);
    const capacity = within(form).getByRole('spinbutton', { name: 'Capacity (parent bags)' });

    await user.clear(capacity);
    await user.type(capacity, '501');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(
      within(form).getByText('A whole number of parent bags from 1 to 500.'),
    ).toBeInTheDocument();

    await user.clear(capacity);
    await user.type(capacity, '5');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(within(form).getByText('Nothing changed.')).toBeInTheDocument();
    expect(bills.patches).toEqual([]);

    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Edit bill' })).toBeNull();
  });

  it('offers billers editing but not deleting', async () => {
    setup('biller');
    expect(await screen.findByRole('button', { name: 'Edit details' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete bill' })).toBeNull();
  });

  it('offers a dispatcher neither edit nor delete', async () => {
    setup('dispatcher');
    expect(await screen.findByTestId('bill-count')).toHaveTextContent('0 / 5');
    expect(screen.queryByRole('button', { name: 'Edit details' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete bill' })).toBeNull();
  });
});

describe('deleting a bill', () => {
  it('asks first, deletes, and goes back to the list saying the bags are kept', async () => {
    const { user, bills, router } = setup('admin', ['SB40021', 'SB40022']);
    await user.click(await screen.findByRole('button', { name: 'Delete bill' }));

    const dialog = screen.getByRole('alertdialog', { name: 'Delete bill B-300?' });
    expect(dialog).toHaveTextContent(
      'Its 2 parent bags are not deleted: they are taken off the bill, keep their child bags and can go on another bill.',
    );
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(bills.state.isDeleted).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Delete bill' }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete bill' }),
    );

    expect(
      await screen.findByText('Bill B-300 deleted. Its parent bags are kept.'),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/bills');
    expect(bills.state.isDeleted).toBe(true);
  });

  it('closes on Escape without deleting', async () => {
    const { user, bills } = setup('admin');
    await user.click(await screen.findByRole('button', { name: 'Delete bill' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('No parent bags are on it.');

    await user.keyboard('{Escape}');

    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(bills.state.isDeleted).toBe(false);
  });

  it('keeps the dialog open with the reason when the delete is refused', async () => {
    const { user, router } = setup('admin');
    server.use(http.delete('/api/bills/:billNo', () => errorResponse(403, 'FORBIDDEN')));
    await user.click(await screen.findByRole('button', { name: 'Delete bill' }));
    const dialog = screen.getByRole('alertdialog');

    await user.click(within(dialog).getByRole('button', { name: 'Delete bill' }));

    await waitFor(() =>
      expect(within(dialog).getByRole('alert')).toHaveTextContent('Only admins can delete bills.'),
    );
    expect(router.state.location.pathname).toBe('/bills/B-300');
  });
});
