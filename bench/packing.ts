/**
 * Load benchmark of packing, lookup, dashboard and list against a RUNNING server, each HTTP
 * figure next to its ceiling (the same database work from postgres.js or PGlite, no HTTP).
 *
 *   npx tsx bench/packing.ts --server http://127.0.0.1:3000 --db postgres://postgres@127.0.0.1:5432/tt_bench --pool 10
 *   npx tsx bench/packing.ts --pglite ./data-bench --only raw     # PGlite ceiling (server stopped)
 *   npx tsx bench/packing.ts --server http://127.0.0.1:3000 --only http --parent-start 3226
 *
 * Options: --connections 100,256 (packing, lookup) --read-connections 1,10,100 (stats, list)
 * --raw-lookup single (the lookup ceiling as one statement per lookup; by default it batches
 * lookups as the server does) --scan-batch 32 (the packing ceiling shares transactions between
 * child scans as the server does with SCAN_BATCH_MAX; 1 = one tt_scan_child statement per scan) --duration 20 --warmup 3 --scenarios packing,lookup,stats,list --seeded-parents 60000
 * --children 30 --password … --json results.json --db-socket /var/run/postgresql/.s.PGSQL.5432
 * (the ceiling over a Unix socket), --unprepared (the ceiling without prepared statements, as
 * Drizzle sends them), --no-vacuum (skip the VACUUM (ANALYZE) of the written tables before each
 * run: with autovacuum off, as on the CI machine's PostgreSQL, each run would otherwise start on
 * the previous runs' dead rows), --rates packing=2000,lookup=6000 (after a scenario's closed-loop
 * figures, an open-loop figure at that offered rate over --paced-connections 100 scanners: the
 * latency scanners see below saturation; see lib/paced-load.ts). The server needs
 * LOGIN_RATE_PER_IP raised (every virtual scanner signs in as its own user from one address).
 */
import { writeFileSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { createDatabase } from '../server/db/client.js';
import { readStats } from '../server/modules/stats/stats.repository.js';
import { statsWindow } from '../server/modules/stats/stats-window.js';
import { intFlag, listFlag, out, parseArgs } from './lib/args.js';
import { benchSql } from './lib/bench-sql.js';
import { checkPacking } from './lib/check.js';
import { loginAll, runHttp } from './lib/http-load.js';
import { runPaced, sendLagLine } from './lib/paced-load.js';
import { TABLE_HEAD, tableRow, type KindSummary, type Recorder } from './lib/latency.js';
import { probeMachine, probeLine, type MachineProbe } from './lib/machine-probe.js';
import { runRaw } from './lib/raw-load.js';
import {
  freshParentCodes,
  listScenario,
  lookupScenario,
  packingScenario,
  ParentCodes,
  statsScenario,
  type Lane,
  type RawQuery,
  type Scenario,
} from './lib/scenarios.js';
import { BENCH_PASSWORD_DEFAULT, benchUsers } from './lib/users.js';

const { flags } = parseArgs(process.argv.slice(2));
const base = (flags.get('server') ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const only = flags.get('only') ?? 'both';
const duration = intFlag(flags, 'duration', 20);
const warmup = intFlag(flags, 'warmup', 3);
const seededParents = intFlag(flags, 'seeded-parents', 60_000);
const childrenPerParent = intFlag(flags, 'children', 30);
const password = flags.get('password') ?? BENCH_PASSWORD_DEFAULT;
const scenarios = (flags.get('scenarios') ?? 'packing,lookup,stats,list').split(',');
const runTag = Date.now().toString(36).slice(-6);
const rates = new Map(
  (flags.get('rates') ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => {
      const [name, rate] = pair.split('=');
      return [name ?? '', Number(rate)] as const;
    }),
);
const pacedConnections = intFlag(flags, 'paced-connections', 100);
const results: Array<{ run: string; connections: number; summary: KindSummary[] }> = [];

function report(run: string, connections: number, recorder: Recorder) {
  const summary = recorder.summary();
  results.push({ run, connections, summary });
  for (const s of summary) {
    out(tableRow(run, connections, s));
    for (const sample of s.samples) {
      out(
        `|   | | sample error: ${sample.replace(/\|/g, '/').replace(/\n/g, ' ')} | | | | | | | | | |`,
      );
    }
  }
}

function ratios() {
  out('\nHTTP / ceiling (same kind, same connections, this run):');
  for (const h of results.filter((r) => r.run.startsWith('http'))) {
    const raw = results.find(
      (r) => r.run === h.run.replace('http', 'raw') && r.connections === h.connections,
    );
    for (const s of h.summary) {
      const ceiling = raw?.summary.find((x) => x.kind === s.kind);
      if (ceiling && ceiling.rps > 0) {
        out(
          `  ${h.run} ${h.connections} conns ${s.kind}: ${Math.round(s.rps)} / ${Math.round(ceiling.rps)} req/s = ${(s.rps / ceiling.rps).toFixed(2)}`,
        );
      }
    }
  }
}

/** The tables a packing run writes. */
const WRITTEN_TABLES =
  'bags, scans, scan_requests, link_events, audit_log, stats_counters, stats_hourly, stats_recent, stats_stations';

/** Probes an endpoint that may not exist yet: 404 "no route" → null. */
async function probe(lane: Lane, path: string): Promise<unknown> {
  const response = await fetch(`${base}${path}`, { headers: { cookie: lane.cookie } });
  const text = await response.text();
  if (response.status === 404 && !text.includes('BAG_NOT_FOUND')) {
    out(`  ${path}: ${response.status} ${text.slice(0, 120)} → pending, not measured over HTTP`);
    return null;
  }
  return JSON.parse(text);
}

async function main() {
  const pgliteDir = flags.get('pglite');
  const dbUrl = flags.get('db');
  let q: RawQuery | null = null;
  let close = async () => undefined as unknown;
  if (pgliteDir) {
    const database = await createDatabase({ dataDir: pgliteDir });
    const client = (database.db as unknown as { $client: PGlite }).$client;
    q = async (text, params) => (await client.query<Record<string, unknown>>(text, params)).rows;
    close = () => database.close();
  } else if (dbUrl) {
    const socket = flags.get('db-socket');
    // JSON parameters go as the text given, as on the server's client (lib/bench-sql.ts).
    const sql = benchSql(dbUrl, {
      max: intFlag(flags, 'pool', 10),
      ...(socket ? { path: socket } : {}),
    });
    // The server's Drizzle queries are not prepared (parse and plan on every call): --unprepared does the same.
    const prepare = !flags.has('unprepared');
    q = async (text, params) =>
      (await sql.unsafe(text, params, { prepare })) as Array<Record<string, unknown>>;
    close = () => sql.end({ timeout: 5 });
  }
  const maxConnections = Math.max(
    ...listFlag(flags, 'connections', [100, 256]),
    ...listFlag(flags, 'read-connections', [1, 10, 100]),
    rates.size > 0 ? pacedConnections : 0,
  );
  const machine: MachineProbe = await probeMachine(q);
  out(probeLine(machine));
  const lanes = await benchUsers(q, maxConnections);
  const codes = q
    ? await freshParentCodes(q, seededParents)
    : new ParentCodes(intFlag(flags, 'parent-start', seededParents));
  const doHttp = only !== 'raw';
  const doRaw = only !== 'http' && q !== null;
  if (doHttp) {
    const t = performance.now();
    await loginAll(base, lanes.http, password);
    out(`Signed in ${lanes.http.length} users in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const asQuery =
    (rq: RawQuery) =>
    <T>(text: string, params: Array<string | number | boolean | null>) =>
      rq(text, params) as Promise<T[]>;
  const probeLane = lanes.http[0] as Lane;
  const lookupOk = doHttp ? (await probe(probeLane, '/api/bags/SB00001')) !== null : false;
  const firstPage = doHttp
    ? ((await probe(probeLane, '/api/bags?limit=2')) as { nextCursor?: string } | null)
    : null;
  const cursorShape = firstPage?.nextCursor
    ? (JSON.parse(Buffer.from(firstPage.nextCursor, 'base64url').toString()) as Record<
        string,
        unknown
      >)
    : { id: 0 };
  const encode = (id: number) =>
    Buffer.from(JSON.stringify({ ...cursorShape, id })).toString('base64url');
  const [maxRow] = q
    ? await q('select max(id)::int as id from bags', [])
    : [{ id: seededParents * (childrenPerParent + 1) }];
  const make: Record<string, () => Scenario> = {
    packing: () => packingScenario(codes, runTag, intFlag(flags, 'scan-batch', 32)),
    lookup: () =>
      lookupScenario(
        seededParents,
        childrenPerParent,
        flags.get('raw-lookup') === 'single' ? 'single' : 'batched',
      ),
    stats: () =>
      statsScenario(async (rq) => {
        await readStats(
          { query: asQuery(rq) },
          { area: null },
          statsWindow(new Date(), 'Asia/Kolkata'),
        );
      }),
    list: () => listScenario(Number(maxRow?.id ?? 1), encode),
  };
  const httpAvailable: Record<string, boolean> = {
    packing: true,
    lookup: lookupOk,
    stats: true,
    list: firstPage !== null,
  };
  out(`\n${TABLE_HEAD}`);
  for (const name of scenarios) {
    const connectionList =
      name === 'packing' || name === 'lookup'
        ? listFlag(flags, 'connections', [100, 256])
        : listFlag(flags, 'read-connections', [1, 10, 100]);
    for (const c of connectionList) {
      const scenario = (make[name] as () => Scenario)();
      if (q && !flags.has('no-vacuum')) {
        await q(`vacuum (analyze) ${WRITTEN_TABLES}`, []);
      }
      if (doRaw && q) {
        const rawLanes = lanes.raw.slice(0, c);
        if (warmup > 0) {
          await runRaw(q, scenario, rawLanes, warmup);
        }
        report(`raw ${name}`, c, await runRaw(q, scenario, rawLanes, duration));
      }
      if (doHttp && httpAvailable[name]) {
        const httpLanes = lanes.http.slice(0, c);
        report(`http ${name}`, c, await runHttp(base, scenario, httpLanes, c, duration, warmup));
      }
    }
    const rate = rates.get(name);
    if (doHttp && httpAvailable[name] && rate) {
      if (q && !flags.has('no-vacuum')) {
        await q(`vacuum (analyze) ${WRITTEN_TABLES}`, []);
      }
      const scenario = (make[name] as () => Scenario)();
      const httpLanes = lanes.http.slice(0, pacedConnections);
      const paced = await runPaced(base, scenario, httpLanes, rate, duration, warmup);
      report(`paced ${name} @${rate}/s`, pacedConnections, paced.recorder);
      out(sendLagLine(paced));
    }
  }
  ratios();
  if (q && scenarios.includes('packing')) {
    const opened = [...lanes.http, ...lanes.raw].flatMap((l) => l.opened);
    const check = await checkPacking(q, opened);
    out(
      `\nCheck of the ${check.parents} parents opened by this run (${check.children} children): ${check.problems.length === 0 ? 'consistent' : 'PROBLEMS'}`,
    );
    check.problems.forEach((p) => out(`  ${p}`));
  }
  const last = [...lanes.http, ...lanes.raw]
    .flatMap((l) => l.opened)
    .sort()
    .at(-1);
  out(`Last parent code used: ${last ?? 'none'}`);
  const json = flags.get('json');
  if (json) {
    writeFileSync(
      json,
      JSON.stringify(
        { at: new Date().toISOString(), base, only, duration, machine, results },
        null,
        2,
      ),
    );
  }
  await close();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
