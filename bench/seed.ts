/**
 * Loads a packing history for the benchmarks (bench/README in BENCHMARKS.md):
 *
 *   npx tsx bench/seed.ts --url postgres://postgres@127.0.0.1:5432/tt_bench --create
 *   npx tsx bench/seed.ts --pglite ./data-bench --parents 3226 --scans 110000
 *
 * Defaults: 60,000 SB parents (SB00000…SB59999, complete, 30 children each), 1.8 M children
 * (7-digit codes 1000000…), 1.8 M link events, 2 M scans over the last 7 days, 256 billers
 * bench001… with one password. Migrates first (server/db/migrate.ts), then COPY with the
 * secondary indexes dropped and rebuilt, true dashboard counters, sequences, ANALYZE.
 * Refuses a database that already holds bags unless --force (which empties bags, scans,
 * link events, idempotency keys and the dashboard tables).
 */
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { DEFAULT_DISPATCH_AREAS } from '../common/areas.js';
import { createDatabase } from '../server/db/client.js';
import { migrate } from '../server/db/migrate.js';
import { hashPassword } from '../server/modules/auth/password-hash.js';
import { intFlag, out, parseArgs, secondsSince } from './lib/args.js';
import { BENCH_PASSWORD_DEFAULT as BENCH_PASSWORD } from './lib/users.js';
import { inLanes, pgliteDriver, postgresDriver, type SeedDriver } from './lib/seed-driver.js';
import {
  BAG_COLUMNS,
  LINK_COLUMNS,
  SCAN_COLUMNS,
  bagChunks,
  checkPlan,
  linkChunks,
  scanChunks,
  type SeedPlan,
  type SeedUser,
} from './lib/seed-data.js';

const LOADED = ['bags', 'scans', 'link_events'] as const;

async function createPostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`refusing to create database "${name}"`);
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => undefined });
  await sql.unsafe(`drop database if exists ${name} with (force)`);
  await sql.unsafe(`create database ${name}`);
  await sql.end();
}

async function upsertUsers(
  driver: SeedDriver,
  count: number,
  password: string,
): Promise<SeedUser[]> {
  const hash = await hashPassword(password);
  return driver
    .query<SeedUser>(
      `insert into users (username, password_hash, role)
       select 'bench' || lpad(g::text, 3, '0'), $1, 'biller' from generate_series(1, $2::int) g
     on conflict (username) do update set password_hash = excluded.password_hash, active = true,
       failed_logins = 0, locked_until = null
     returning id, username`,
      [hash, count],
    )
    .then((rows) => rows.sort((a, b) => a.username.localeCompare(b.username)));
}

/** Secondary indexes (not constraint-backed) of the loaded tables, biggest table first. */
async function secondaryIndexes(driver: SeedDriver) {
  return driver.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = 'public' and i.tablename in ('bags', 'scans', 'link_events')
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
      order by case i.tablename when 'bags' then 0 when 'scans' then 1 else 2 end, i.indexname`,
  );
}

const STATS_SQL = (tz: string) => `
  delete from stats_counters; delete from stats_hourly; delete from stats_recent; delete from stats_stations;
  insert into stats_counters (area, metric, shard, value)
    select coalesce(dispatch_area, ''), case type when 'parent' then 'parents' else 'children' end, 0, count(*)
      from bags group by 1, 2
    union all
    select coalesce(dispatch_area, ''), 'unlinked_children', 0, count(*)
      from bags where type = 'child' and parent_id is null group by 1;
  insert into stats_hourly (area, hour, shard, scans)
    select coalesce(dispatch_area, ''), date_trunc('hour', at at time zone '${tz}'), 0, count(*)
      from scans group by 1, 2;
  insert into stats_recent (area, slot, shard, scans)
    select coalesce(dispatch_area, ''), to_timestamp(floor(extract(epoch from at) / 300) * 300), 0, count(*)
      from scans where at >= now() - interval '65 minutes' group by 1, 2;
  insert into stats_stations (area, day, station, scans)
    select coalesce(dispatch_area, ''), (at at time zone '${tz}')::date, station, count(*)
      from scans where station is not null group by 1, 2, 3;`;

async function seed(
  driver: SeedDriver,
  plan: Omit<SeedPlan, 'users'>,
  opts: { users: number; force: boolean; tz: string },
) {
  const phase = async (name: string, work: () => Promise<void>) => {
    const t = performance.now();
    await work();
    out(`  ${name.padEnd(44)} ${secondsSince(t).padStart(6)} s`);
  };
  const [existing] = await driver.query<{ n: number }>('select count(*)::int as n from bags');
  if ((existing?.n ?? 0) > 0 && !opts.force) {
    throw new Error(
      `bags already holds ${existing?.n} rows: seed a fresh database (--create) or pass --force`,
    );
  }
  let users: SeedUser[] = [];
  await phase(`users (${opts.users} billers, one scrypt hash)`, async () => {
    users = await upsertUsers(driver, opts.users, BENCH_PASSWORD);
  });
  const full: SeedPlan = { ...plan, users };
  checkPlan(full);
  const indexes = await secondaryIndexes(driver);
  await phase(`drop ${indexes.length} secondary indexes`, async () => {
    await driver.exec(
      `truncate scan_requests; ${indexes.map((i) => `drop index if exists ${i.name};`).join(' ')}`,
    );
  });
  const bags = plan.parents * (plan.children + 1);
  const links = plan.parents * plan.children;
  await phase(`COPY ${bags} bags, ${links} links, ${plan.scans} scans`, () =>
    inLanes(driver.lanes, [
      () => driver.copy('bags', BAG_COLUMNS, bagChunks(full)),
      () => driver.copy('scans', SCAN_COLUMNS, scanChunks(full)),
      () => driver.copy('link_events', LINK_COLUMNS, linkChunks(full)),
    ]),
  );
  await phase(`rebuild ${indexes.length} indexes`, () =>
    inLanes(
      Math.min(2, driver.lanes),
      indexes.map((i) => async () => {
        if (driver.kind === 'postgres') {
          await driver.exec(
            `set maintenance_work_mem = '512MB'; set max_parallel_maintenance_workers = 0; ${i.def}`,
          );
        } else {
          await driver.exec(i.def);
        }
      }),
    ),
  );
  await phase('sequences', async () => {
    for (const table of LOADED) {
      await driver.exec(
        `select setval(pg_get_serial_sequence('${table}', 'id'), greatest((select max(id) from ${table}), 1))`,
      );
    }
  });
  await phase('dashboard counters (true totals) and buckets', () =>
    driver.exec(STATS_SQL(opts.tz)),
  );
  await phase('ANALYZE', () => driver.exec('analyze'));
}

async function main() {
  const { flags } = parseArgs(process.argv.slice(2));
  const parents = intFlag(flags, 'parents', 60_000);
  const children = intFlag(flags, 'children', 30);
  const plan = {
    parents,
    children,
    scans: intFlag(flags, 'scans', Math.max(2_000_000, parents * (children + 1))),
    areas: (flags.get('areas') ?? DEFAULT_DISPATCH_AREAS.join(',')).split(','),
    end: new Date(Date.now() - 60_000),
    days: intFlag(flags, 'days', 7),
  };
  const opts = {
    users: intFlag(flags, 'users', 256),
    force: flags.has('force'),
    tz: flags.get('tz') ?? 'Asia/Kolkata',
  };
  if (!/^[A-Za-z_/+-]+$/.test(opts.tz)) {
    throw new Error('--tz must be a time zone name');
  }
  const pgliteDir = flags.get('pglite');
  const url = flags.get('url') ?? process.env.DATABASE_URL;
  if (!pgliteDir && !url) {
    throw new Error('give --url postgres://… (or DATABASE_URL) or --pglite DATA_DIR');
  }
  const started = performance.now();
  out(
    `Seeding ${pgliteDir ? `PGlite in ${pgliteDir}/pglite` : url}: ${parents} parents × ${children} children, ${plan.scans} scans`,
  );
  if (url && !pgliteDir && flags.has('create')) {
    await createPostgresDatabase(url);
    out(`  created database ${new URL(url).pathname.slice(1)}`);
  }
  const t = performance.now();
  const database = await createDatabase({
    databaseUrl: pgliteDir ? undefined : url,
    dataDir: pgliteDir ?? '',
    poolSize: 2,
  });
  const migrations = await migrate(database.db);
  out(
    `  ${`migrate (${migrations.applied.length} applied)`.padEnd(44)} ${secondsSince(t).padStart(6)} s`,
  );
  let driver: SeedDriver;
  if (pgliteDir) {
    driver = pgliteDriver((database.db as unknown as { $client: PGlite }).$client);
  } else {
    await database.close();
    driver = postgresDriver(url as string);
  }
  try {
    await seed(driver, plan, opts);
  } finally {
    await driver.close();
  }
  out(
    `Done in ${secondsSince(started)} s. Bench users bench001…bench${String(opts.users).padStart(3, '0')}, password ${BENCH_PASSWORD}`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `seed failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
