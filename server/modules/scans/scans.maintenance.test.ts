import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanRequests } from '../../db/schema/scans.js';
import { as, loginAs } from '../../test/auth.js';
import { freshChildCode, freshParentCode, newScanId, packer } from '../../test/bags.js';
import { buildTestApp, testDeps, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { pruneScanState } from './scans.maintenance.js';

describe('scanId retention', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { SCAN_ID_TTL_HOURS: '1' } });
  });
  afterAll(async () => t.app.close());

  it('forgets a scanId after SCAN_ID_TTL_HOURS, so the same id then counts as a new scan', async () => {
    const user = await createUser(t.database, { role: 'biller' });
    const session = await loginAs(t.app, user.username);
    const parent = await freshParentCode(t.database);
    await packer(t.app, session).parent(parent);
    const scanId = newScanId();
    const body = { parentQr: parent, qr: freshChildCode(), scanId };
    await as(t.app, session)('POST', '/api/scans/child', body);
    const deps = testDeps({ database: t.database, config: t.config, clock: t.clock });

    const mine = () =>
      t.database.db
        .select()
        .from(scanRequests)
        .where(and(eq(scanRequests.userId, user.id), eq(scanRequests.scanId, scanId)));

    await pruneScanState(deps);
    const kept = await mine();
    t.clock.advanceMinutes(61);
    await pruneScanState(deps);

    expect(kept).toHaveLength(1);
    expect(await mine()).toHaveLength(0);
    const again = await as(t.app, await loginAs(t.app, user.username))(
      'POST',
      '/api/scans/child',
      body,
    );
    expect(again.json()).toMatchObject({ duplicate: true, created: false });
  });
});
