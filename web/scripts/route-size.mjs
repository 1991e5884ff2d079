#!/usr/bin/env node
// Gzipped JavaScript each screen needs on first visit: the entry chunk, the signed-in shell and
// the screen's own chunk, with everything they import statically. Reads the Vite manifest of
// `vite build --config web/vite.config.ts`. Fails when the packing station is over its budget
// (issue 5: ≤ 150 kB gzipped).
//   node web/scripts/route-size.mjs [dist/web]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = process.argv[2] ?? 'dist/web';
const STATION_BUDGET_KB = 150;
const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8'));

function closure(keys) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key) || !manifest[key]) {
      return;
    }
    seen.add(key);
    for (const next of manifest[key].imports ?? []) {
      visit(next);
    }
  };
  keys.forEach(visit);
  return seen;
}

function gzipKb(keys) {
  let bytes = 0;
  for (const key of keys) {
    bytes += gzipSync(readFileSync(join(DIST, manifest[key].file))).length;
  }
  return bytes / 1024;
}

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const byScreen = (name) =>
  Object.keys(manifest).find((key) => key.endsWith(`app/routes/${name}.tsx`));
const root = byScreen('app/root');
const screens = [
  'app/pack',
  'app/dashboard',
  'app/lookup',
  'app/bags',
  'app/scans',
  'app/bag-kinds',
  'app/audit',
  'app/users',
  'login',
];

let stationKb = 0;
for (const screen of screens) {
  const key = byScreen(screen);
  if (!key) {
    continue;
  }
  const keys = closure([entry, ...(screen === 'login' ? [] : [root]), key]);
  const kb = gzipKb(keys);
  if (screen === 'app/pack') {
    stationKb = kb;
  }
  process.stdout.write(
    `${screen.padEnd(16)} ${kb.toFixed(1).padStart(7)} kB gzipped JS (${keys.size} chunks)\n`,
  );
}
if (stationKb > STATION_BUDGET_KB) {
  process.stderr.write(
    `The packing station needs ${stationKb.toFixed(1)} kB, over its ${STATION_BUDGET_KB} kB budget.\n`,
  );
  process.exit(1);
}
