import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import {
  apiGet,
  apiPost,
  createUser,
  newChildCodes,
  newParentCode,
  screenshot,
  signInAsAdmin,
  signInPage,
} from './fixtures/api.js';

test.describe('daily summary', () => {
  test('an admin sees the day’s end-of-day figures and opens its print view and PDF', async ({
    page,
    context,
    playwright,
  }, testInfo) => {
    const adminRequest = await playwright.request.newContext({
      baseURL: testInfo.project.use.baseURL,
    });
    const admin = await signInAsAdmin(adminRequest);
    const boss = await createUser(admin, 'admin');
    const session = await signInPage(page, boss);
    const billNo = `E2E-S-${randomUUID().slice(0, 8).toUpperCase()}`;
    await apiPost(session, '/api/bills', { billNo, capacity: 3 });
    const parent = await newParentCode(session);
    const [child] = newChildCodes(1) as [string];
    await apiPost(session, '/api/scans/parent', { qr: parent, scanId: randomUUID() });
    await apiPost(session, '/api/scans/child', {
      parentQr: parent,
      qr: child,
      scanId: randomUUID(),
    });
    await apiPost(session, `/api/bills/${billNo}/parents`, { qr: parent, scanId: randomUUID() });
    const { day } = await apiGet<{ day: string }>(session, '/api/stats');

    await page.goto('/more');
    await page
      .getByRole('main')
      .getByRole('link', { name: /Daily summary/ })
      .click();
    await expect(page.getByRole('heading', { name: 'Daily summary', level: 1 })).toBeVisible();
    await expect(page.getByLabel('Day', { exact: true })).toHaveValue(day);

    const bills = page.getByRole('table', { name: /^Bills \(\d+\)$/ });
    const row = bills.getByRole('row').filter({ hasText: billNo });
    await expect(row).toContainText('Processing');
    await expect(row).toContainText(boss.username);
    await expect(page.getByRole('table', { name: 'Totals by creator' })).toContainText(
      `${boss.username} (admin)`,
    );
    await expect(page.getByRole('table', { name: 'Totals by status' })).toContainText('All bills');
    await screenshot(page, testInfo, 'daily-summary');

    const [printPage] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('link', { name: 'Open print view' }).click(),
    ]);
    await printPage.waitForLoadState();
    expect(printPage.url()).toContain(`/api/print/summary?date=${day}`);
    await expect(printPage.locator('body')).toContainText(billNo);
    await printPage.close();

    const pdfHref = await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href');
    expect(pdfHref).toBe(`/api/print/summary?date=${day}&format=pdf`);
    const pdf = await session.request.get(pdfHref ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await adminRequest.dispose();
  });

  test('a biller gets the print links but not the end-of-day figures; a dispatcher is not offered it', async ({
    page,
    playwright,
  }, testInfo) => {
    const adminRequest = await playwright.request.newContext({
      baseURL: testInfo.project.use.baseURL,
    });
    const admin = await signInAsAdmin(adminRequest);
    const biller = await createUser(admin, 'biller');
    await signInPage(page, biller);

    await page.goto('/summary?date=2025-03-03');
    await expect(page.getByLabel('Day', { exact: true })).toHaveValue('2025-03-03');
    await expect(page.getByRole('link', { name: 'Open print view' })).toHaveAttribute(
      'href',
      '/api/print/summary?date=2025-03-03',
    );
    await expect(page.getByText('The summary lists the bills you created that day.')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await screenshot(page, testInfo, 'daily-summary-biller');

    const dispatcher = await createUser(admin, 'dispatcher', 'hisar');
    await page.context().clearCookies();
    await signInPage(page, dispatcher);
    await page.goto('/more');
    await expect(page.getByRole('heading', { name: 'More' })).toBeVisible();
    await expect(page.getByRole('link', { name: /Daily summary/ })).toHaveCount(0);
    await page.goto('/summary');
    await expect(page.getByText('The daily summary is for admins and billers.')).toBeVisible();
    await adminRequest.dispose();
  });
});
