#!/usr/bin/env node
// `npm start`: builds the server and web app when the sources are newer than the build, then
// runs the server in this process (so signals reach it directly).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', '.build-stamp');
const outputs = [join(root, 'dist', 'server', 'main.js'), join(root, 'dist', 'web', 'index.html')];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      newest = Math.max(newest, newestSource(path));
    } else if (!/\.test\.tsx?$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

function needsBuild() {
  if (!existsSync(stamp) || outputs.some((file) => !existsSync(file))) {
    return true;
  }
  const sources = ['server', 'common', 'web'].map((d) => newestSource(join(root, d)));
  const config = ['package.json', 'tsconfig.build.json', 'tsconfig.base.json'].map(
    (f) => statSync(join(root, f)).mtimeMs,
  );
  return Math.max(...sources, ...config) > statSync(stamp).mtimeMs;
}

if (needsBuild()) {
  console.log('Building TraceTrack (first start or changed sources)…');
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error('Build failed; see the output above.');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, new Date().toISOString());
}

await import(join(root, 'dist', 'server', 'main.js'));
