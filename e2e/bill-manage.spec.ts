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
  type BagDetailAnswer,
  type Session,
} from './fixtures/api.js';

/** A new bill of `capacity` with `parents` packed parents (one child each) attached. */
async function billWithParents(session: Session, capacity: number, parents: number) {
  const billNo = `E2E-M-${randomUUID().slice(0, 8).toUpperCase()}`;
  await apiPost(session, '/api/bills', {
    billNo,
    capacity,
    description: 'Mustard seed',
    destination: 'Hisar depot',
  });
  const codes: string[] = [];
  for (const child of newChildCodes(parents)) {
    const parent = await newParentCode(session);
    await apiPost(session, '/api/scans/parent', { qr: parent, scanId: randomUUID() });
    await apiPost(session, '/api/scans/child', {
      parentQr: parent,
      qr: child,
      scanId: randomUUID(),
    });
    await apiPost(session, `/api/bills/${billNo}/parents`, { qr: parent, scanId: randomUUID() });
    codes.push(parent);
  }
  return { billNo, parents: codes };
}

interface BillAnswer {
  bill: { capacity: number; destination: string | null; vehicleNumber: string | null };
}

test.describe('bill edit and delete', () => {
  test('a biller edits a bill; a capacity below its parents is refused and explained', async ({
    page,
    playwright,
  }, testInfo) => {
    const adminRequest = await playwright.request.newContext({
      baseURL: testInfo.project.use.baseURL,
    });
    const admin = await signInAsAdmin(adminRequest);
    const biller = await createUser(admin, 'biller');
    const session = await signInPage(page, biller);
    const { billNo } = await billWithParents(session, 5, 2);

    await page.goto(`/bills/${billNo}`);
    await expect(page.getByTestId('bill-count')).toContainText('2 / 5');
    await expect(page.getByRole('button', { name: 'Delete bill' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Edit details' }).click();
    const form = page.getByRole('form', { name: 'Edit bill' });
    const capacity = form.getByLabel('Capacity (parent bags)');
    await expect(capacity).toBeFocused();

    await capacity.fill('1');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(form.getByRole('alert')).toContainText(
      'Capacity not changed: 2 parent bags are already on this bill, so the capacity cannot be lower than 2.',
    );
    await expect(capacity).toHaveAttribute('aria-invalid', 'true');
    await screenshot(page, testInfo, 'bill-edit-capacity-refused');

    await capacity.fill('3');
    await form.getByLabel('Destination').fill('Jaipur C&F');
    await form.getByLabel('Vehicle number').fill('RJ14 9999');
    await form.getByRole('button', { name: 'Save changes' }).click();

    await expect(page.getByText('Bill details saved.')).toBeVisible();
    await expect(page.getByTestId('bill-count')).toContainText('2 / 3');
    await expect(page.getByText('Jaipur C&F')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Bill history, newest first' })).toContainText(
      'Edited',
    );
    const saved = await apiGet<BillAnswer>(session, `/api/bills/${billNo}`);
    expect(saved.bill).toMatchObject({
      capacity: 3,
      destination: 'Jaipur C&F',
      vehicleNumber: 'RJ14 9999',
    });
    await screenshot(page, testInfo, 'bill-edited');
    await adminRequest.dispose();
  });

  test('an admin deletes a bill after confirming; its parent bags survive', async ({
    page,
    playwright,
  }, testInfo) => {
    const adminRequest = await playwright.request.newContext({
      baseURL: testInfo.project.use.baseURL,
    });
    const admin = await signInAsAdmin(adminRequest);
    const boss = await createUser(admin, 'admin');
    const session = await signInPage(page, boss);
    const { billNo, parents } = await billWithParents(session, 4, 2);

    await page.goto(`/bills/${billNo}`);
    await page.getByRole('button', { name: 'Delete bill' }).click();
    const dialog = page.getByRole('alertdialog', { name: `Delete bill ${billNo}?` });
    await expect(dialog).toContainText('Its 2 parent bags are not deleted');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await screenshot(page, testInfo, 'bill-delete-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: 'Delete bill' }).click();
    await dialog.getByRole('button', { name: 'Delete bill' }).click();

    await expect(page).toHaveURL(/\/bills$/);
    await expect(page.getByText(`Bill ${billNo} deleted. Its parent bags are kept.`)).toBeVisible();
    const gone = await session.request.get(`/api/bills/${billNo}`);
    expect(gone.status()).toBe(404);
    for (const parent of parents) {
      const bag = await apiGet<BagDetailAnswer & { bill: unknown }>(session, `/api/bags/${parent}`);
      expect(bag.bag.childCount).toBe(1);
      expect(bag.bill ?? null).toBeNull();
    }
    await adminRequest.dispose();
  });
});
