#!/usr/bin/env node
// `npm run test:pg`: the server test suite against PostgreSQL. Creates a uniquely named database
// on PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres), runs the suite with
// TEST_DATABASE_URL pointing at it, and drops it afterwards, pass or fail.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `tt_test_${randomBytes(4).toString('hex')}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });

try {
  await admin.unsafe(`create database ${name}`);
} catch (error) {
  console.error(`Cannot create a test database on ${adminUrl}: ${error.message}`);
  console.error('Start PostgreSQL or set PG_ADMIN_URL to a server where you may create databases.');
  await admin.end();
  process.exit(1);
}

const url = new URL(adminUrl);
url.pathname = `/${name}`;
console.log(`test:pg — server suite on ${url.host}/${name}`);
const extra = process.argv.slice(2);
const result = spawnSync('npx', ['vitest', 'run', '--project', 'server', ...extra], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: url.toString(), TEST_PG_ADMIN_URL: adminUrl },
});

try {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
} finally {
  await admin.end();
}
process.exit(result.status ?? 1);
