import { expect, test } from './fixtures/test.js';
import {
  apiGet,
  billWithParents,
  newBillNo,
  scan,
  screenshot,
  signInNewUser,
  type Session,
  type BillAnswer,
} from './fixtures/api.js';

/** A parent with one child, packed and put on a new bill through the API; returns both codes. */
async function parentOnNewBill(session: Session): Promise<{ parent: string; billNo: string }> {
  const billNo = newBillNo('R-');
  const [parent] = (await billWithParents(session, { billNo, capacity: 5 }, 1)) as [string];
  return { parent, billNo };
}

test.describe('returns', () => {
  test('cancelling a return ticket puts bags back on their bills and reports the ones it could not', async ({
    page,
    admin,
  }, testInfo) => {
    const session = await signInNewUser(page, admin, 'biller');
    const kept = await parentOnNewBill(session);
    const orphan = await parentOnNewBill(session);

    await page.goto('/returns');
    await page.getByRole('button', { name: 'New ticket' }).click();
    await page.getByLabel('C&F location').selectOption('hisar');
    await page.getByRole('button', { name: 'Create ticket' }).click();
    await expect(page.getByTestId('ticket-status')).toHaveText('Open');
    const input = page.getByRole('textbox', { name: 'Scan or type a returned parent bag' });
    for (const { parent, billNo } of [kept, orphan]) {
      await input.focus();
      await scan(page, parent);
      await expect(page.getByTestId('scan-message')).toContainText(
        `${parent} returned from bill ${billNo}`,
      );
    }
    await expect(page.getByRole('list', { name: 'Returned parent bags' })).toContainText(
      orphan.parent,
    );

    // Meanwhile an admin deletes the second bill: cancelling cannot put that parent back.
    const deleted = await admin.request.delete(`/api/bills/${orphan.billNo}`, {
      headers: { 'x-csrf-token': admin.csrfToken },
    });
    expect(deleted.status()).toBe(204);

    await page.getByRole('button', { name: 'Cancel ticket' }).click();

    const report = page.getByRole('region', { name: 'Cancel report' });
    await expect(report).toContainText('1 bag put back on their bills.');
    await expect(report.getByRole('list', { name: 'Restored bags' })).toHaveText(kept.parent);
    await expect(report.getByRole('list', { name: 'Bags not restored' })).toHaveText(
      `${orphan.parent} (bill ${orphan.billNo}): bill deleted`,
    );
    await expect(page.getByTestId('ticket-status')).toHaveText('Cancelled');
    await expect(input).toBeHidden();
    await screenshot(page, testInfo, 'return-cancelled');

    const back = await apiGet<BillAnswer>(session, `/api/bills/${kept.billNo}`);
    expect(back.parents.map((p) => p.qr)).toEqual([kept.parent]);
    await page.goto('/returns');
    await expect(page.getByRole('list', { name: 'Return tickets' })).toContainText('Cancelled');
    await screenshot(page, testInfo, 'returns');
  });
});
