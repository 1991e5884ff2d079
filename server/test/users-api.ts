import type { User } from '../../common/contracts/users.js';
import { as, type TestSession } from './auth.js';
import type { TestApp } from './build-test-app.js';
import { TEST_PASSWORD, uniqueName } from './factories.js';

/** Creates a biller through POST /api/users as `session` (so it is audited); answers the user. */
export async function createThroughApi(t: TestApp, session: TestSession): Promise<User> {
  const username = uniqueName('a');
  const res = await as(t.app, session)('POST', '/api/users', {
    username,
    email: `${username}@example.test`,
    password: TEST_PASSWORD,
    role: 'biller',
  });
  if (res.statusCode !== 201) {
    throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  }
  return res.json<User>();
}
