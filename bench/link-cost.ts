/**
 * What one packing scan costs PostgreSQL, measured without contention so that two versions of
 * the packing functions can be compared on a noisy machine: one connection runs the packing
 * scenario (open a parent, link new children until full, next parent) for `--scans` scans and
 * reports per scan the WAL bytes (pg_current_wal_lsn: the whole server's, so keep it otherwise
 * idle), the backend's CPU
 * time (/proc/<backend pid>/stat: the database must run on this machine) and the wall time.
 * Throughput under 100 connections (bench/packing.ts) is bound by these two: CPU on two shared
 * cores and WAL flushed at every commit.
 *
 *   npx tsx bench/link-cost.ts --db postgres://postgres@127.0.0.1:5432/tt_bench --scans 3000
 */
import { readFileSync } from 'node:fs';
import { intFlag, out, parseArgs } from './lib/args.js';
import { benchSql } from './lib/bench-sql.js';
import { freshParentCodes, packingScenario, type RawQuery } from './lib/scenarios.js';
import { benchUsers } from './lib/users.js';

const { flags } = parseArgs(process.argv.slice(2));
const dbUrl = flags.get('db') ?? 'postgres://postgres@127.0.0.1:5432/tt_bench';
const scans = intFlag(flags, 'scans', 3000);
const rounds = intFlag(flags, 'rounds', 3);
const seededParents = intFlag(flags, 'seeded-parents', 60_000);

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process, in milliseconds. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

async function main() {
  const sql = benchSql(dbUrl, { max: 1 });
  const q: RawQuery = async (text, params) =>
    (await sql.unsafe(text, params, { prepare: true })) as Array<Record<string, unknown>>;
  const [{ pid }] = (await q('select pg_backend_pid() as pid', [])) as [{ pid: number }];
  const walNow = async () => {
    const [row] = await q(
      `select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::float8 as bytes`,
      [],
    );
    return Number(row?.bytes);
  };
  const lanes = await benchUsers(q, 1);
  const lane = lanes.raw[0];
  if (!lane) {
    throw new Error('no bench user: seed first (bench/seed.ts)');
  }
  lane.tag = `c${Date.now().toString(36).slice(-4)}`;
  const scenario = packingScenario(await freshParentCodes(q, seededParents), lane.tag);
  out(`| round | scans | WAL bytes/scan | backend CPU µs/scan | wall µs/scan |`);
  out(`|---|---|---|---|---|`);
  for (let round = 1; round <= rounds; round += 1) {
    const wal0 = await walNow();
    const cpu0 = cpuMs(pid);
    const t0 = performance.now();
    for (let i = 0; i < scans; i += 1) {
      const step = scenario.next(lane);
      const error = await step.raw(q);
      if (error !== null) {
        throw new Error(`${step.kind} answered ${error}`);
      }
      scenario.settle?.(lane, step, true, null);
    }
    const wall = performance.now() - t0;
    const cpu = cpuMs(pid) - cpu0;
    const wal1 = await walNow();
    const per = (v: number) => (v / scans).toFixed(0);
    out(`| ${round} | ${scans} | ${per(wal1 - wal0)} | ${per(cpu * 1000)} | ${per(wall * 1000)} |`);
  }
  await sql.end({ timeout: 5 });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
