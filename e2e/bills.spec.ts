import { type Page } from '@playwright/test';
import { expect, test } from './fixtures/test.js';
import {
  createBill,
  newBillNo,
  newChildCodes,
  packParent,
  scan,
  screenshot,
  signInNewUser,
} from './fixtures/api.js';

async function scanOnPage(page: Page, label: string, code: string): Promise<void> {
  await expect(page.getByRole('textbox', { name: label })).toBeFocused();
  await scan(page, code);
}

test.describe('bills and returns', () => {
  test('scanning parents onto a bill completes it; lookup shows the bill; a return takes a parent back', async ({
    page,
    admin,
  }, testInfo) => {
    const session = await signInNewUser(page, admin, 'biller');
    const billNo = newBillNo();
    await createBill(session, { billNo, capacity: 2, destination: 'Hisar depot' });
    const [c1, c2, c3] = newChildCodes(3) as [string, string, string];
    const first = await packParent(session, [c1, c2], 'E2E API');
    const second = await packParent(session, [c3], 'E2E API');

    await page.goto('/bills');
    await expect(page.getByRole('list', { name: 'Bills' })).toContainText(billNo);
    await screenshot(page, testInfo, 'bills');
    await page.getByRole('link', { name: billNo }).click();
    await expect(page.getByTestId('bill-count')).toContainText('0 / 2');

    // A child is refused; then both parents, typed as a scanner would.
    await scanOnPage(page, 'Scan or type a parent bag', c1);
    await expect(page.getByTestId('scan-message')).toContainText('Scan a parent bag here');
    await scanOnPage(page, 'Scan or type a parent bag', first);
    await expect(page.getByTestId('scan-message')).toContainText(`${first} attached. 1 / 2.`);
    await scanOnPage(page, 'Scan or type a parent bag', second);
    await expect(page.getByTestId('scan-message')).toContainText('is completed (2 / 2)');
    await expect(page.getByTestId('bill-status')).toHaveText('Completed');
    await expect(page.getByTestId('bill-count')).toContainText('2 / 2');
    await expect(page.getByRole('list', { name: 'Attached parent bags' })).toContainText(second);
    await expect(page.getByRole('link', { name: 'PDF' })).toHaveAttribute(
      'href',
      `/api/print/bill/${billNo}?format=pdf`,
    );
    await screenshot(page, testInfo, 'bill-completed');

    // Lookup of a child shows its parent's bill, linked to the bill page.
    await page.goto(`/lookup?code=${c1}`);
    const billCard = page.getByRole('region', { name: 'Bill' });
    await expect(billCard).toContainText(`Its parent is on bill ${billNo}`);
    await screenshot(page, testInfo, 'lookup-child-bill');
    await billCard.getByRole('link', { name: billNo }).click();
    await expect(page.getByRole('heading', { name: `Bill ${billNo}`, level: 1 })).toBeVisible();

    // A return: create a ticket, scan one parent back, finalize.
    await page.goto('/returns');
    await page.getByRole('button', { name: 'New ticket' }).click();
    await page.getByLabel('C&F location').selectOption({ index: 1 });
    await page.getByLabel('Notes').fill('E2E return');
    await page.getByRole('button', { name: 'Create ticket' }).click();
    await expect(page.getByTestId('ticket-status')).toHaveText('Open');
    await page.getByRole('button', { name: 'Finalize' }).click();
    await expect(page.getByText(/Scan at least one parent bag/)).toBeVisible();
    await page.getByRole('textbox', { name: 'Scan or type a returned parent bag' }).focus();
    await scanOnPage(page, 'Scan or type a returned parent bag', second);
    await expect(page.getByTestId('scan-message')).toContainText(
      `${second} returned from bill ${billNo}`,
    );
    await expect(page.getByRole('list', { name: 'Returned parent bags' })).toContainText(second);
    await screenshot(page, testInfo, 'return-ticket');
    await page.getByRole('button', { name: 'Finalize' }).click();
    await expect(page.getByTestId('ticket-status')).toHaveText('Finalized');
    await screenshot(page, testInfo, 'return-finalized');

    await page.goto(`/bills/${billNo}`);
    await expect(page.getByTestId('bill-count')).toContainText('1 / 2');
    await expect(page.getByTestId('bill-status')).toHaveText('Processing');
  });
});
