/**
 * Load benchmark of bills against a RUNNING server on a seeded database (bench/seed.ts):
 *
 *   npx tsx bench/bills.ts --server http://127.0.0.1:3000 --db postgres://postgres@127.0.0.1:5432/tt_bench
 *
 * Scenarios (--scenarios attach,detail,eod), each next to its target (ISSUE 4 "Speed"):
 * - attach: --connections 100 lanes (bench users), each attaching free seeded parents to bills of
 *   its own (capacity 500, made through POST /api/bills first) for --duration s. p99 ≤ 40 ms.
 * - detail: GET /api/bills/:billNo of a bill with 500 parents at --read-connections 1,10. ≤ 30 ms.
 * - eod: GET /api/eod?date= over --eod-bills 10000 bills of one day (--eod-date, seeded by SQL
 *   once: bills, a few free parents each, figures recomputed, dashboard counters bumped), as the
 *   admin benchadmin (made with the bench password). ≤ 200 ms.
 * After the attach run, POST /api/weights/update-all must answer changed: [] (figures never drift).
 * --attach-rates 500,1000: after the closed-loop attach figure, open-loop figures at those offered
 *   rates over 100 billers (lib/paced-load.ts: the latency at a load below saturation).
 * Options: --duration 20 --warmup 3 --password … --json results.json. The server needs
 * LOGIN_RATE_PER_IP raised (every lane signs in as its own user from one address).
 */
import { writeFileSync } from 'node:fs';
import postgres from 'postgres';
import { hashPassword } from '../server/modules/auth/password-hash.js';
import { intFlag, listFlag, out, parseArgs, secondsSince } from './lib/args.js';
import { loginAll, runHttp } from './lib/http-load.js';
import { runPaced, sendLagLine } from './lib/paced-load.js';
import { TABLE_HEAD, tableRow, type KindSummary, type Recorder } from './lib/latency.js';
import type { Lane, RawQuery, Scenario, Step } from './lib/scenarios.js';
import { BENCH_PASSWORD_DEFAULT, benchUsers } from './lib/users.js';

const { flags } = parseArgs(process.argv.slice(2));
const base = (flags.get('server') ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const duration = intFlag(flags, 'duration', 20);
const warmup = intFlag(flags, 'warmup', 3);
const password = flags.get('password') ?? BENCH_PASSWORD_DEFAULT;
const scenarios = (flags.get('scenarios') ?? 'attach,detail,eod').split(',');
const eodBills = intFlag(flags, 'eod-bills', 10_000);
const eodDate = flags.get('eod-date') ?? '2024-03-15';
const runTag = Date.now().toString(36).slice(-6).toUpperCase();
const CAPACITY = 500;
const results: Array<{ run: string; connections: number; summary: KindSummary[] }> = [];

const notRaw = () => Promise.reject(new Error('bills: HTTP only'));

function report(run: string, connections: number, recorder: Recorder, target: number) {
  const summary = recorder.summary();
  results.push({ run, connections, summary });
  for (const s of summary) {
    out(`${tableRow(run, connections, s)} ${s.p99 <= target ? 'ok' : `OVER ${target} ms`}`);
    s.samples.forEach((sample) => out(`|   | | sample error: ${sample.replace(/\n/g, ' ')} |`));
  }
}

async function call(lane: Lane, method: string, path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { cookie: lane.cookie };
  if (method !== 'GET') {
    headers['x-csrf-token'] = lane.csrf;
  }
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status >= 300) {
    throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
  }
  return text ? JSON.parse(text) : null;
}

/** Every free parent (on no bill, in no ticket), in code order. */
async function freeParents(q: RawQuery): Promise<string[]> {
  const rows = await q(
    `select qr from bags where type = 'parent' and bill_id is null and open_ticket_id is null
     order by qr`,
    [],
  );
  return rows.map((r) => String(r.qr));
}

const newBill = async (lane: Lane, billNo: string) =>
  call(lane, 'POST', '/api/bills', { billNo, capacity: CAPACITY, destination: 'bench' });

/**
 * Each lane attaches its own parents to its own bills, one bill after another; a lane out of
 * parents asks /health instead (its own kind, not counted as attaches).
 */
async function attachScenario(parents: string[], lanes: Lane[], tag = ''): Promise<Scenario> {
  out(`  ${parents.length} free parents for ${lanes.length} lanes (seed more for longer runs)`);
  const state = new Map<Lane, { codes: string[]; bills: string[]; next: number; done: number }>();
  for (const lane of lanes) {
    const codes = parents.filter((_, i) => i % lanes.length === lane.index);
    const bills = Array.from(
      { length: Math.ceil(codes.length / CAPACITY) || 1 },
      (_, i) => `BENCH-${runTag}${tag}-${lane.index}-${i}`,
    );
    for (const billNo of bills) {
      await newBill(lane, billNo);
    }
    state.set(lane, { codes, bills, next: 0, done: 0 });
  }
  return {
    name: 'attach',
    next(lane): Step {
      const s = state.get(lane);
      if (!s || s.next >= s.codes.length) {
        return { kind: 'lane out of parents', method: 'GET', path: '/health', raw: notRaw };
      }
      const qr = s.codes[s.next] as string;
      s.next += 1;
      const billNo = s.bills[Math.floor(s.done / CAPACITY)] ?? s.bills.at(-1) ?? '';
      return {
        kind: 'attach parent',
        method: 'POST',
        path: `/api/bills/${billNo}/parents`,
        body: { qr, scanId: `${runTag}${tag}-${lane.index}-${s.next}` },
        raw: notRaw,
      };
    },
    settle(lane, step, ok) {
      const s = state.get(lane);
      if (s && ok && step.kind === 'attach parent') {
        s.done += 1;
      }
    },
  };
}

/** One bill with 500 parents, attached through the API by 10 lanes. */
async function bigBill(parents: string[], lanes: Lane[]): Promise<string> {
  const billNo = `BENCH-${runTag}-DETAIL`;
  const first = lanes[0] as Lane;
  await newBill(first, billNo);
  const queue = [...parents];
  await Promise.all(
    lanes.slice(0, 10).map(async (lane) => {
      for (let qr = queue.shift(); qr; qr = queue.shift()) {
        await call(lane, 'POST', `/api/bills/${billNo}/parents`, {
          qr,
          scanId: `${runTag}-d-${qr}`,
        });
      }
    }),
  );
  return billNo;
}

/** The day's bills, seeded by SQL once, one parent each (figures as tt_bill_recompute makes them). */
async function seedDay(q: RawQuery, creators: number[], parents: string[]): Promise<void> {
  const [have] = await q(`select count(*)::int as n from bills where bill_no like $1`, [
    `EOD-${eodDate}-%`,
  ]);
  if (Number(have?.n ?? 0) >= eodBills) {
    out(`  ${eodBills} bills of ${eodDate} already there`);
    return;
  }
  const started = performance.now();
  for (let from = 0; from < eodBills; from += 1000) {
    const n = Math.min(1000, eodBills - from);
    await q(
      `insert into bills (bill_no, capacity, status, created_by, created_at, updated_at, completed_at)
       select 'EOD-' || $1 || '-' || lpad(g::text, 5, '0'), 1,
              case when g % 4 = 0 then 'processing' else 'completed' end, ($3::int[])[1 + g % array_length($3::int[], 1)],
              ($1::date + time '10:00' + (g % 480) * interval '1 minute') at time zone 'Asia/Kolkata',
              now(), case when g % 4 = 0 then null else now() end
       from generate_series($2::int, $2::int + $4::int - 1) g
       on conflict (bill_no) do nothing`,
      [eodDate, from, creators, n],
    );
  }
  await q(
    `with b as (select id, row_number() over (order by id) - 1 as i from bills where bill_no like $1),
          p as (select qr, row_number() over (order by qr) - 1 as j from unnest($2::text[]) qr)
     update bags g set bill_id = b.id, bill_attached_at = now()
     from p join b on b.i = p.j where g.qr = p.qr and g.bill_id is null`,
    [`EOD-${eodDate}-%`, parents],
  );
  await q(
    `update bills b set parent_count = f.pc, child_count = f.cc, actual_weight_kg = f.aw,
       expected_weight_kg = f.ew, capacity = greatest(f.pc, 1)
     from (select g.bill_id, count(*)::int pc, sum(g.child_count)::int cc, sum(g.weight_kg) aw,
             sum(k.expected_kg) ew from bags g join bag_kinds k on k.code = g.kind
           where g.bill_id in (select id from bills where bill_no like $1) group by g.bill_id) f
     where b.id = f.bill_id`,
    [`EOD-${eodDate}-%`],
  );
  await q(
    `select tt_bump('', 'bills_' || status, 0, count(*)) from bills where bill_no like $1 group by status`,
    [`EOD-${eodDate}-%`],
  );
  out(`  seeded ${eodBills} bills of ${eodDate} in ${secondsSince(started)} s`);
}

async function adminLane(q: RawQuery): Promise<Lane> {
  const hash = await hashPassword(password);
  await q(
    `insert into users (username, password_hash, role) values ('benchadmin', $1, 'admin')
     on conflict (username) do update set password_hash = excluded.password_hash, active = true,
       failed_logins = 0, locked_until = null`,
    [hash],
  );
  const [lane] = (await benchUsers(null, 1)).http;
  const admin = { ...(lane as Lane), username: 'benchadmin' };
  await loginAll(base, [admin], password);
  return admin;
}

const getScenario = (kind: string, path: string): Scenario => ({
  name: kind,
  next: () => ({ kind, method: 'GET', path, raw: notRaw }),
});

async function measure(name: string, scenario: Scenario, lanes: Lane[], c: number, target: number) {
  const used = lanes.slice(0, c);
  report(`http ${name}`, c, await runHttp(base, scenario, used, c, duration, warmup), target);
}

async function main() {
  const dbUrl = flags.get('db');
  if (!dbUrl) {
    throw new Error('--db is required (free parents, the day of bills, the admin user)');
  }
  const sql = postgres(dbUrl, { max: 4, onnotice: () => undefined });
  const q: RawQuery = async (text, params) =>
    (await sql.unsafe(text, params as never[])) as Array<Record<string, unknown>>;
  const connections = listFlag(flags, 'connections', [100]);
  const reads = listFlag(flags, 'read-connections', [1, 10]);
  const attachRates = listFlag(flags, 'attach-rates', []);
  const lanes = (await benchUsers(q, Math.max(...connections, ...reads, 10))).http;
  await loginAll(base, lanes, password);
  // Free parents: the last 500 for the detail bill, the next ones for the day, the rest to attach.
  const pool = await freeParents(q);
  const forDetail = pool.splice(Math.max(pool.length - CAPACITY, 0));
  const forDay = pool.splice(Math.max(pool.length - eodBills, 0));
  out(`\n${TABLE_HEAD}`);
  if (scenarios.includes('attach')) {
    // A paced run uses what its rate offers (and a margin); the closed-loop runs share the rest.
    const pacedShares = attachRates.map((rate) =>
      pool.splice(Math.max(pool.length - Math.ceil(rate * (duration + warmup) * 1.1 + 200), 0)),
    );
    for (const [i, c] of connections.entries()) {
      const share = pool.filter((_, j) => j % connections.length === i);
      await measure('attach', await attachScenario(share, lanes.slice(0, c)), lanes, c, 40);
    }
    for (const [i, rate] of attachRates.entries()) {
      const share = pacedShares[i] ?? [];
      const used = lanes.slice(0, 100);
      const scenario = await attachScenario(share, used, `R${rate}`);
      const paced = await runPaced(base, scenario, used, rate, duration, warmup);
      report(`paced attach @${rate}/s`, used.length, paced.recorder, 40);
      out(sendLagLine(paced));
    }
  }
  if (scenarios.includes('detail')) {
    const billNo = await bigBill(forDetail, lanes);
    for (const c of reads) {
      await measure(
        'bill detail (500)',
        getScenario('bill detail', `/api/bills/${billNo}`),
        lanes,
        c,
        30,
      );
    }
  }
  const admin = await adminLane(q);
  if (scenarios.includes('eod')) {
    const creators = (await q(`select id from users where username like 'bench%'`, [])).map((r) =>
      Number(r.id),
    );
    await seedDay(q, creators, forDay);
    await measure(
      `eod (${eodBills} bills)`,
      getScenario('eod', `/api/eod?date=${eodDate}`),
      [admin],
      1,
      200,
    );
  }
  const weights = (await call(admin, 'POST', '/api/weights/update-all')) as {
    checked: number;
    changed: unknown[];
  };
  out(
    `\nPOST /api/weights/update-all: checked ${weights.checked}, changed ${weights.changed.length}`,
  );
  const json = flags.get('json');
  if (json) {
    writeFileSync(
      json,
      JSON.stringify({ at: new Date().toISOString(), base, duration, results }, null, 2),
    );
  }
  await sql.end({ timeout: 5 });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
