import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import {
  apiGet,
  apiPost,
  createUser,
  newChildCodes,
  newParentCode,
  scan,
  screenshot,
  signInAsAdmin,
  signInPage,
  type Session,
} from './fixtures/api.js';

/** A parent with one child, packed and put on a new bill through the API; returns both codes. */
async function parentOnNewBill(session: Session): Promise<{ parent: string; billNo: string }> {
  const parent = await newParentCode(session);
  const [child] = newChildCodes(1) as [string];
  await apiPost(session, '/api/scans/parent', { qr: parent, scanId: randomUUID() });
  await apiPost(session, '/api/scans/child', { parentQr: parent, qr: child, scanId: randomUUID() });
  const billNo = `E2E-R-${randomUUID().slice(0, 8).toUpperCase()}`;
  await apiPost(session, '/api/bills', { billNo, capacity: 5 });
  await apiPost(session, `/api/bills/${billNo}/parents`, { qr: parent, scanId: randomUUID() });
  return { parent, billNo };
}

interface BillAnswer {
  bill: { parentCount: number };
  parents: Array<{ qr: string }>;
}

test.describe('returns', () => {
  test('cancelling a return ticket puts bags back on their bills and reports the ones it could not', async ({
    page,
    playwright,
  }, testInfo) => {
    const adminRequest = await playwright.request.newContext({
      baseURL: testInfo.project.use.baseURL,
    });
    const admin = await signInAsAdmin(adminRequest);
    const biller = await createUser(admin, 'biller');
    const session = await signInPage(page, biller);
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
    const deleted = await adminRequest.delete(`/api/bills/${orphan.billNo}`, {
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
    await adminRequest.dispose();
  });
});
