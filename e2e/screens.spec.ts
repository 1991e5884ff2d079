import { randomUUID } from 'node:crypto';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures/test.js';
import {
  createUser,
  packParent,
  screenshot,
  signInNewUser,
  signInPage,
  stationName,
} from './fixtures/api.js';

/** No sideways scrolling: the page is never wider than the window. */
async function expectNoHorizontalScroll(page: Page) {
  const overflow = Number(
    await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    ),
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe('screens', () => {
  test('the dashboard updates live when someone scans', async ({ page, admin }, testInfo) => {
    await signInNewUser(page, admin, 'biller');

    await page.goto('/');
    await expect(page.getByText('Live', { exact: true })).toBeVisible();
    const tile = page.getByRole('link', { name: /Scans today/ });
    const before = Number((await tile.locator('.stat-tile__value').innerText()).replace(/\D/g, ''));

    const parent = await packParent(admin, [], 'E2E Live');

    await expect(tile.locator('.stat-tile__value')).not.toHaveText(String(before));
    await expect(page.getByRole('list', { name: 'Recent activity' })).toContainText(
      `opened parent ${parent}`,
    );
    await screenshot(page, testInfo, 'dashboard');
  });

  test('an admin finds every screen: lists, bag kinds, audit log', async ({
    page,
    admin,
  }, testInfo) => {
    await signInNewUser(page, admin, 'admin');
    const parent = await packParent(admin, [], 'E2E Lists');

    await page.goto('/bags');
    await page.getByLabel('Code starts with').fill(parent);
    await expect(
      page.getByRole('list', { name: 'Bags' }).getByRole('link', { name: parent }),
    ).toBeVisible();
    await screenshot(page, testInfo, 'bags');

    await page.goto('/scans');
    await expect(
      page.getByRole('list', { name: 'Scans' }).getByRole('link', { name: parent }).first(),
    ).toBeVisible();
    await screenshot(page, testInfo, 'scans');

    const suffix = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
    const code = `K${suffix}${randomUUID().slice(0, 4).toUpperCase()}`;
    await page.goto('/admin/bag-kinds');
    await page.getByRole('button', { name: 'Add kind' }).click();
    const form = page.getByRole('form', { name: 'New bag kind' });
    await form.getByLabel('Code', { exact: true }).fill(code);
    await form.getByLabel('Name').fill(`E2E kind ${code}`);
    await form.getByLabel('Reserved prefix').fill(`ZZ${suffix}`);
    await form.getByLabel('Pattern').fill(`^ZZ${suffix}-\\d{3}$`);
    await form.getByLabel('Try a code').fill(`zz${suffix}-123`);
    await expect(form.getByText(`ZZ${suffix}-123 matches`)).toBeVisible();
    await form.getByLabel('Children per parent').fill('12');
    await form.getByLabel('Expected kg per parent').fill('12');
    await form.getByRole('button', { name: 'Add kind' }).click();
    await expect(page.getByText(`Kind ${code} added.`)).toBeVisible();
    await expect(page.getByRole('list', { name: 'Bag kinds' })).toContainText(`E2E kind ${code}`);
    await screenshot(page, testInfo, 'bag-kinds');

    await page.goto('/admin/audit');
    await page.getByLabel('Action').fill('bag_kind.');
    await expect(page.getByRole('list', { name: 'Audit entries' })).toContainText(
      'bag_kind.create',
    );
    await screenshot(page, testInfo, 'audit-log');

    await page.goto('/users');
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
    await screenshot(page, testInfo, 'users');

    await page.goto('/account');
    await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
    await screenshot(page, testInfo, 'account');

    await page.goto('/bills');
    await expect(page.getByRole('heading', { name: 'Bills', level: 1 })).toBeVisible();
    await screenshot(page, testInfo, 'bills');
  });

  test('a dispatcher is not offered admin screens, and their address says "not allowed"', async ({
    page,
    admin,
  }, testInfo) => {
    await signInNewUser(page, admin, 'dispatcher', 'jaipur');

    await page.goto('/more');
    await expect(page.getByRole('heading', { name: 'More' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: /Bags/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /Audit log/ })).toHaveCount(0);
    await screenshot(page, testInfo, 'more');

    await page.goto('/bags');
    await expect(page.getByText('Bags of your dispatch area.')).toBeVisible();
    await expect(page.getByLabel('Area')).toHaveCount(0);

    await page.goto('/admin/audit');
    await expect(page.getByRole('heading', { name: 'You don’t have access' })).toBeVisible();
    await expect(page.getByText('The audit log is for admins.')).toBeVisible();
    await screenshot(page, testInfo, 'not-allowed');
  });

  // Tagged @narrow: only the pixel-7 project runs it (playwright.config.ts); one phone is enough.
  test('no screen scrolls sideways at 360 px @narrow', async ({ page, admin }, testInfo) => {
    const boss = await createUser(admin, 'admin');
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await screenshot(page, testInfo, 'login-360');
    await signInPage(page, boss);
    await page.addInitScript(stationName('E2E 360'));
    const screens = [
      '/',
      '/pack',
      '/lookup',
      '/bags',
      '/scans',
      '/more',
      '/account',
      '/users',
      '/admin/bag-kinds',
      '/admin/audit',
      '/bills',
      '/returns',
      '/summary',
    ];
    for (const path of screens) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await expectNoHorizontalScroll(page);
    }
  });
});
