import { expect, test } from './fixtures/test.js';
import { apiGet, billWithParents, newBillNo, screenshot, signInNewUser } from './fixtures/api.js';

test.describe('daily summary', () => {
  test('an admin sees the day’s end-of-day figures and opens its print view and PDF', async ({
    page,
    context,
    admin,
  }, testInfo) => {
    const session = await signInNewUser(page, admin, 'admin');
    const billNo = newBillNo('S-');
    await billWithParents(session, { billNo, capacity: 3 }, 1);
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
    await expect(row).toContainText(session.username);
    await expect(page.getByRole('table', { name: 'Totals by creator' })).toContainText(
      `${session.username} (admin)`,
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
  });

  test('a biller gets the print links but not the end-of-day figures; a dispatcher is not offered it', async ({
    page,
    admin,
  }, testInfo) => {
    await signInNewUser(page, admin, 'biller');

    await page.goto('/summary?date=2025-03-03');
    await expect(page.getByLabel('Day', { exact: true })).toHaveValue('2025-03-03');
    await expect(page.getByRole('link', { name: 'Open print view' })).toHaveAttribute(
      'href',
      '/api/print/summary?date=2025-03-03',
    );
    await expect(page.getByText('The summary lists the bills you created that day.')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await screenshot(page, testInfo, 'daily-summary-biller');

    await page.context().clearCookies();
    await signInNewUser(page, admin, 'dispatcher', 'hisar');
    await page.goto('/more');
    await expect(page.getByRole('heading', { name: 'More' })).toBeVisible();
    await expect(page.getByRole('link', { name: /Daily summary/ })).toHaveCount(0);
    await page.goto('/summary');
    await expect(page.getByText('The daily summary is for admins and billers.')).toBeVisible();
  });
});
