import { expect, test } from './fixtures/test.js';
import {
  apiGet,
  newChildCodes,
  newParentCode,
  packParent,
  scan,
  screenshot,
  signInNewUser,
  stationName,
  type BagDetailAnswer,
  type HistoryAnswer,
} from './fixtures/api.js';

test.describe('packing offline', () => {
  test('scans made offline wait in IndexedDB, survive a reload, are sent once in order; a refused one needs attention', async ({
    page,
    context,
    admin,
  }, testInfo) => {
    const session = await signInNewUser(page, admin, 'biller');
    const parent = await newParentCode(admin);
    const children = newChildCodes(6);
    const taken = children.pop() ?? '';
    const elsewhere = await packParent(admin, [taken]);
    const count = page.getByTestId('station-count');
    const pending = page.getByRole('button', { name: /Pending \(4\)/ });
    await page.addInitScript(stationName('E2E Offline'));

    await page.goto('/pack');
    await expect(page.getByRole('textbox', { name: 'Scan or type a code' })).toBeFocused();
    await scan(page, parent);
    await scan(page, children[0] ?? '');
    await scan(page, children[1] ?? '');
    await expect(page.getByTestId('station-message')).toHaveText(`${children[1]} packed: 2 / 30.`);

    await context.setOffline(true);
    for (const child of [...children.slice(2), taken]) {
      await scan(page, child);
    }
    await expect(pending).toBeVisible();
    await expect(count).toHaveText('6 of 30 child bags');
    await screenshot(page, testInfo, 'station-offline-pending');

    // Back online but the scans still cannot get through; reload: the queue is still there.
    await page.route('**/api/scans/**', (route) => route.abort());
    await context.setOffline(false);
    await page.reload();
    await expect(pending).toBeVisible();

    await page.unroute('**/api/scans/**');
    await pending.click();
    await expect(page.getByRole('button', { name: /Pending/ })).toBeHidden();
    // The child that was in another parent all along: refused on replay, listed with the reason.
    const attention = page.getByRole('region', { name: 'Needs attention (1)' });
    await expect(attention).toContainText(`Child ${taken} into ${parent}`);
    await expect(attention).toContainText(`${taken} is already in ${elsewhere}.`);
    await screenshot(page, testInfo, 'station-needs-attention');

    const detail = await apiGet<BagDetailAnswer>(session, `/api/bags/${parent}`);
    expect(detail.bag.childCount).toBe(5);
    expect(detail.children.map((c) => c.qr)).toEqual(children);
    const history = await apiGet<HistoryAnswer>(session, `/api/bags/${parent}/history`);
    expect(history.items.filter((item) => item.type === 'link')).toHaveLength(5);
    const childScans = history.items.filter(
      (item) => item.type === 'scan' && item.scanKind === 'child',
    );
    expect(childScans).toHaveLength(5);
  });
});
