import { expect, test } from '@playwright/test';
import { screenshot } from './fixtures/api.js';
import { E2E_ADMIN_PASSWORD, E2E_ADMIN_USERNAME } from './fixtures/env.js';

test.describe('sign in', () => {
  test('an admin signs in through the page, sees the shell and finds themself in Users', async ({
    page,
    isMobile,
  }) => {
    await page.goto('/');

    await expect(page).toHaveURL(/\/login$/);
    await page.getByLabel('Username').fill(E2E_ADMIN_USERNAME);
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Pack', 'Bills', 'Lookup', 'Dashboard']) {
      await expect(nav.getByRole('link', { name })).toBeVisible();
    }
    await expect(
      page.getByRole('banner').getByText(E2E_ADMIN_USERNAME, { exact: true }),
    ).toBeVisible();

    // On a phone, Users is not in the bottom bar: admins reach it through "More".
    if (isMobile) {
      await nav.getByRole('link', { name: 'More' }).click();
      await page.getByRole('main').getByRole('link', { name: /Users/ }).click();
    } else {
      await nav.getByRole('link', { name: 'Users' }).click();
    }

    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
    await expect(
      page.getByRole('list', { name: 'Users' }).getByRole('heading', { name: E2E_ADMIN_USERNAME }),
    ).toBeVisible();
  });

  // Each wrong password counts toward the 5-failure lock of `admin`: keep these to one per project.
  test('a wrong password shows the friendly error and stays on the login page', async ({
    page,
  }, testInfo) => {
    await page.goto('/login');

    await page.getByLabel('Username').fill(E2E_ADMIN_USERNAME);
    await page.getByLabel('Password').fill('Not-The-Passw0rd!');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
    await expect(page).toHaveURL(/\/login$/);
    await screenshot(page, testInfo, 'login-wrong-password');
  });
});
