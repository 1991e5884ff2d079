import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';

/**
 * SESSION_SECRET from the environment, else the one kept in DATA_DIR (made on first start, mode
 * 0600), else — for `memory://` — a fresh one for this process.
 */
export async function resolveSessionSecret(config: Config): Promise<string> {
  if (config.SESSION_SECRET) {
    return config.SESSION_SECRET;
  }
  if (config.DATA_DIR.startsWith('memory://')) {
    return randomBytes(32).toString('base64url');
  }
  const file = join(config.DATA_DIR, 'session-secret');
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    if (kept.length >= 32) {
      return kept;
    }
  } catch {
    // not made yet
  }
  await mkdir(config.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
