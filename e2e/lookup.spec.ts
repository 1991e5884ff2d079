import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import {
  apiPost,
  createUser,
  newChildCodes,
  newParentCode,
  scan,
  screenshot,
  signInAsAdmin,
  signInPage,
} from './fixtures/api.js';

test.describe('lookup', () => {
  test('scanning a child shows its parent and its story, and "as of" shows it before it was packed', async ({
    page,
    playwright,
  }, testInfo) => {
    const adminRequest = await playwright.request.newContext({
      baseURL: testInfo.project.use.baseURL,
    });
    const admin = await signInAsAdmin(adminRequest);
    const worker = await createUser(admin, 'biller');
    const session = await signInPage(page, worker);
    const parent = await newParentCode(admin);
    const [first, second] = newChildCodes(2) as [string, string];
    const before = new Date(Date.now() - 60_000).toISOString();
    await apiPost(session, '/api/scans/parent', {
      qr: parent,
      scanId: randomUUID(),
      station: 'E2E API',
    });
    for (const child of [first, second]) {
      await apiPost(session, '/api/scans/child', {
        parentQr: parent,
        qr: child,
        scanId: randomUUID(),
        station: 'E2E API',
      });
    }

    await page.goto('/lookup');
    await expect(page.getByRole('textbox', { name: 'Scan or type any code' })).toBeFocused();
    // An impossible code is refused before any request.
    await scan(page, 'SB-1');
    await expect(page.getByRole('alert')).toContainText('SB-1 is not a valid parent code');
    await scan(page, second.toLowerCase());

    await expect(page).toHaveURL(new RegExp(`code=${second}`));
    const parentCard = page.getByRole('region', { name: 'Parent' });
    await expect(parentCard).toContainText(`In ${parent} (2 / 30)`);
    const history = page.getByRole('list', { name: 'History, oldest first' });
    await expect(history).toContainText(`${second} packed into ${parent}`);
    await expect(history).toContainText(`Scanned as child: ${second} → ${parent}`);
    await screenshot(page, testInfo, 'lookup-child');

    await parentCard.getByRole('link', { name: parent }).click();
    await expect(page.getByRole('list', { name: 'Child bags' })).toContainText(first);
    await screenshot(page, testInfo, 'lookup-parent');

    await page.goto(`/lookup?code=${second}&at=${encodeURIComponent(before)}`);
    await expect(page.getByRole('region', { name: /^As of / })).toContainText(
      `${second} was in no parent bag.`,
    );
    await expect(page.getByText('Nothing happened to this bag by then.')).toBeVisible();
    await adminRequest.dispose();
  });
});
