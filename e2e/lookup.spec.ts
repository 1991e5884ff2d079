import { expect, test } from './fixtures/test.js';
import { newChildCodes, packParent, scan, screenshot, signInNewUser } from './fixtures/api.js';

test.describe('lookup', () => {
  test('scanning a child shows its parent and its story, and "as of" shows it before it was packed', async ({
    page,
    admin,
  }, testInfo) => {
    const session = await signInNewUser(page, admin, 'biller');
    const [first, second] = newChildCodes(2) as [string, string];
    const before = new Date(Date.now() - 60_000).toISOString();
    const parent = await packParent(session, [first, second], 'E2E API');

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
  });
});
