import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, whether running from source (tsx) or from dist/. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error('package.json not found above the server code');
    }
    dir = parent;
  }
  return dir;
}

export const MIGRATIONS_DIR = join(projectRoot(), 'server', 'db', 'migrations');
export const DEFAULT_WEB_DIR = join(projectRoot(), 'dist', 'web');
