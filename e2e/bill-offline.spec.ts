import { expect, test } from './fixtures/test.js';
import {
  apiGet,
  createBill,
  newBillNo,
  newChildCodes,
  packParent,
  scan,
  screenshot,
  signInNewUser,
  type BillAnswer,
} from './fixtures/api.js';

test.describe('bill scans offline', () => {
  test('a parent scanned onto a bill without a connection waits as pending and is attached once when back', async ({
    page,
    context,
    admin,
  }, testInfo) => {
    const session = await signInNewUser(page, admin, 'biller');
    const billNo = newBillNo('O-');
    await createBill(session, { billNo, capacity: 3 });
    const parents: string[] = [];
    for (const child of newChildCodes(2)) {
      parents.push(await packParent(session, [child]));
    }
    const [first, second] = parents as [string, string];
    const input = page.getByRole('textbox', { name: 'Scan or type a parent bag' });

    await page.goto(`/bills/${billNo}`);
    await input.focus();
    await scan(page, first);
    await expect(page.getByTestId('scan-message')).toContainText(`${first} attached. 1 / 3.`);

    await context.setOffline(true);
    await input.focus();
    await scan(page, second);
    await expect(page.getByTestId('scan-message')).toContainText(
      `No connection: ${second} is kept on this device`,
    );
    const waiting = page.getByRole('region', { name: 'Pending for this bill (1)' });
    await expect(waiting).toContainText(`Parent ${second} onto bill ${billNo}`);
    await expect(page.getByTestId('bill-count')).toContainText('1 / 3');
    await screenshot(page, testInfo, 'bill-scan-pending');

    await context.setOffline(false);

    await expect(page.getByTestId('bill-count')).toContainText('2 / 3');
    await expect(page.getByTestId('scan-message')).toContainText(
      `Sent after the connection came back: ${second} attached. 2 / 3.`,
    );
    await expect(waiting).toBeHidden();
    const answer = await apiGet<BillAnswer>(session, `/api/bills/${billNo}`);
    expect(answer.bill.parentCount).toBe(2);
    expect(answer.parents.map((p) => p.qr).sort()).toEqual([first, second].sort());
  });
});
