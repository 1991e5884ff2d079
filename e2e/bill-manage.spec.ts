import { expect, test } from './fixtures/test.js';
import {
  apiGet,
  billWithParents,
  newBillNo,
  screenshot,
  signInNewUser,
  type BagDetailAnswer,
  type Session,
  type BillAnswer,
} from './fixtures/api.js';

/** A new "Mustard seed" bill of `capacity` with `parents` packed parents (one child each) on it. */
async function mustardBill(session: Session, capacity: number, parents: number) {
  const billNo = newBillNo('M-');
  const bill = { billNo, capacity, description: 'Mustard seed', destination: 'Hisar depot' };
  return { billNo, parents: await billWithParents(session, bill, parents) };
}

test.describe('bill edit and delete', () => {
  test('a biller edits a bill; a capacity below its parents is refused and explained', async ({
    page,
    admin,
  }, testInfo) => {
    const session = await signInNewUser(page, admin, 'biller');
    const { billNo } = await mustardBill(session, 5, 2);

    await page.goto(`/bills/${billNo}`);
    await expect(page.getByTestId('bill-count')).toContainText('2 / 5');
    await expect(page.getByRole('button', { name: 'Delete bill' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Edit details' }).click();
    const form = page.getByRole('form', { name: 'Edit bill' });
    const capacity = form.getByLabel('Capacity (parent bags)');
    await expect(capacity).toBeFocused();

    await capacity.fill('1');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(form.getByRole('alert')).toContainText(
      'Capacity not changed: 2 parent bags are already on this bill, so the capacity cannot be lower than 2.',
    );
    await expect(capacity).toHaveAttribute('aria-invalid', 'true');
    await screenshot(page, testInfo, 'bill-edit-capacity-refused');

    await capacity.fill('3');
    await form.getByLabel('Destination').fill('Jaipur C&F');
    await form.getByLabel('Vehicle number').fill('RJ14 9999');
    await form.getByRole('button', { name: 'Save changes' }).click();

    await expect(page.getByText('Bill details saved.')).toBeVisible();
    await expect(page.getByTestId('bill-count')).toContainText('2 / 3');
    await expect(page.getByText('Jaipur C&F')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Bill history, newest first' })).toContainText(
      'Edited',
    );
    const saved = await apiGet<BillAnswer>(session, `/api/bills/${billNo}`);
    expect(saved.bill).toMatchObject({
      capacity: 3,
      destination: 'Jaipur C&F',
      vehicleNumber: 'RJ14 9999',
    });
    await screenshot(page, testInfo, 'bill-edited');
  });

  test('an admin deletes a bill after confirming; its parent bags survive', async ({
    page,
    admin,
  }, testInfo) => {
    const session = await signInNewUser(page, admin, 'admin');
    const { billNo, parents } = await mustardBill(session, 4, 2);

    await page.goto(`/bills/${billNo}`);
    await page.getByRole('button', { name: 'Delete bill' }).click();
    const dialog = page.getByRole('alertdialog', { name: `Delete bill ${billNo}?` });
    await expect(dialog).toContainText('Its 2 parent bags are not deleted');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await screenshot(page, testInfo, 'bill-delete-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: 'Delete bill' }).click();
    await dialog.getByRole('button', { name: 'Delete bill' }).click();

    await expect(page).toHaveURL(/\/bills$/);
    await expect(page.getByText(`Bill ${billNo} deleted. Its parent bags are kept.`)).toBeVisible();
    const gone = await session.request.get(`/api/bills/${billNo}`);
    expect(gone.status()).toBe(404);
    for (const parent of parents) {
      const bag = await apiGet<BagDetailAnswer & { bill: unknown }>(session, `/api/bags/${parent}`);
      expect(bag.bag.childCount).toBe(1);
      expect(bag.bill ?? null).toBeNull();
    }
  });
});
