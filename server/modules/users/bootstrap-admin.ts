import { randomInt } from 'node:crypto';
import { describePasswordProblems, passwordProblems } from '../../../common/password-policy.js';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { lockRule } from '../../platform/db-locks.js';
import { hashPassword } from '../auth/password-hash.js';
import * as repo from './users.repository.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const SYMBOLS = '!@#%^*-_+=';

/** A random password that meets the admin policy (20 characters, every class present). */
export function generateAdminPassword(): string {
  for (;;) {
    const chars = Array.from({ length: 18 }, () => ALPHABET[randomInt(ALPHABET.length)] ?? 'x');
    const symbol = SYMBOLS[randomInt(SYMBOLS.length)] ?? '!';
    const candidate = `${chars.join('')}${symbol}${randomInt(10)}`;
    if (passwordProblems(candidate, 'admin', 'admin').length === 0) {
      return candidate;
    }
  }
}

export type BootstrapResult =
  { created: false } | { created: true; username: string; generatedPassword: string | null };

/**
 * Creates the `admin` user when no admin exists, with ADMIN_PASSWORD or a generated password
 * (returned so the caller can print it once). Safe when several instances start together.
 * @throws Error when ADMIN_PASSWORD breaks the admin password policy
 */
export async function ensureBootstrapAdmin(
  db: Db,
  args: { password?: string | undefined; email?: string | undefined; clock: Clock },
): Promise<BootstrapResult> {
  const problems = args.password ? passwordProblems(args.password, 'admin', 'admin') : [];
  if (problems.length > 0) {
    throw new Error(`ADMIN_PASSWORD is too weak. ${describePasswordProblems(problems, 'admin')}`);
  }
  const password = args.password ?? generateAdminPassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await lockRule(tx, 'bootstrap-admin');
    if ((await repo.anyAdminExists(tx)) || (await repo.usernameExists(tx, 'admin'))) {
      return { created: false } as const;
    }
    const now = args.clock.now();
    await repo.insertUser(tx, {
      username: 'admin',
      email: args.email ?? null,
      passwordHash,
      role: 'admin',
      dispatchArea: null,
      createdAt: now,
      updatedAt: now,
    });
    return { created: true, username: 'admin', generatedPassword: args.password ? null : password };
  });
}
