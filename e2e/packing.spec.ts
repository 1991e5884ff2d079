import { expect, test } from './fixtures/test.js';
import {
  apiGet,
  newChildCodes,
  newParentCode,
  scan,
  screenshot,
  signInNewUser,
  type BagDetailAnswer,
  type HistoryAnswer,
} from './fixtures/api.js';

test.describe('packing station', () => {
  test('a dispatcher packs a parent with 30 children at scanner speed: wrong type, duplicate, undo, auto-finish', async ({
    page,
    admin,
  }, testInfo) => {
    const session = await signInNewUser(page, admin, 'dispatcher', 'hisar');
    const parent = await newParentCode(admin);
    const other = await newParentCode(admin);
    const children = newChildCodes(30);
    const title = page.getByRole('heading', { level: 1 });
    const message = page.getByTestId('station-message');
    const count = page.getByTestId('station-count');

    await page.goto('/pack');
    await page.getByLabel('Station name').fill('E2E Desk');
    await page.getByRole('button', { name: 'Start packing' }).click();
    await expect(title).toContainText('PARENT');
    await expect(page.getByRole('textbox', { name: 'Scan or type a code' })).toBeFocused();
    await screenshot(page, testInfo, 'station-parent-state');

    // A child where a parent is expected: refused at once, nothing sent.
    await scan(page, children[0] ?? '');
    await expect(message).toHaveText(`${children[0]} is a child bag. Scan a parent bag first.`);

    await scan(page, parent.toLowerCase());
    await expect(message).toHaveText(`New parent ${parent}: 0 / 30. Scan its child bags.`);
    await expect(title).toContainText('CHILD');
    for (const child of children.slice(0, 15)) {
      await scan(page, child);
    }
    await expect(count).toHaveText('15 of 30 child bags');

    // The same child again: "already in", nothing counted.
    await scan(page, children[3] ?? '');
    await expect(message).toHaveText(`${children[3]} is already in ${parent}: 15 / 30.`);
    await expect(count).toHaveText('15 of 30 child bags');

    // Another parent while packing: refused, with the one-button switch offered.
    await scan(page, other);
    await expect(page.getByRole('button', { name: `Finish and start ${other}` })).toBeVisible();
    await screenshot(page, testInfo, 'station-child-state-wrong-type');

    await page.getByRole('button', { name: 'Undo last' }).click();
    await expect(message).toHaveText(`Removed ${children[14]} from ${parent}: 14 / 30.`);
    await expect(page.getByRole('textbox', { name: 'Scan or type a code' })).toBeFocused();

    for (const child of children.slice(14)) {
      await scan(page, child);
    }
    await expect(message).toHaveText(`${parent} is full: 30 / 30. Scan the next parent.`);
    await expect(title).toContainText('PARENT');
    await screenshot(page, testInfo, 'station-parent-complete');

    const detail = await apiGet<BagDetailAnswer>(session, `/api/bags/${parent}`);
    expect(detail.bag).toMatchObject({ childCount: 30, status: 'complete' });
    expect(new Set(detail.children.map((c) => c.qr))).toEqual(new Set(children));
    const history = await apiGet<HistoryAnswer>(session, `/api/bags/${parent}/history`);
    const links = history.items.filter((item) => item.type === 'link').length;
    const unlinks = history.items.filter((item) => item.type === 'unlink').length;
    expect(links - unlinks).toBe(30);
  });
});
