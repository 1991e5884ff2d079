import { createHash } from 'node:crypto';
import type { RawQuery } from './scenarios.js';

/**
 * This VM's speed varies by day and hour by up to 2× (BENCHMARKS.md), which no figure of a run
 * shows by itself. The probe times fixed work on one core before the run, so that runs of
 * different days can be compared: a JavaScript loop in this process (JSON and hashing, as the
 * server's request path does) and, given a database, a CPU-bound PostgreSQL statement, each
 * fifteen times: the median (the speed the run is likely to get) and the best (what the hardware
 * can do), in milliseconds; lower is faster.
 */
export interface ProbeTimes {
  median: number;
  best: number;
}

export interface MachineProbe {
  node: ProbeTimes;
  postgres: ProbeTimes | null;
}

const REPEATS = 15;

function nodeWork(): void {
  const row = { qr: 'SB012345', type: 'parent', childCount: 30, weightKg: 30, area: 'raipur' };
  let text = '';
  for (let i = 0; i < 8_000; i += 1) {
    text = JSON.stringify({ ...row, i, children: [row, row] });
    JSON.parse(text);
  }
  createHash('sha256')
    .update(Buffer.alloc(6 * 1024 * 1024, text))
    .digest();
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function timed(work: () => unknown): Promise<ProbeTimes> {
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: round(times[Math.floor(REPEATS / 2)] ?? 0), best: round(times[0] ?? 0) };
}

export async function probeMachine(q: RawQuery | null): Promise<MachineProbe> {
  const node = await timed(nodeWork);
  const postgres = q
    ? await timed(() => q(`select count(*) from generate_series(1, 400000) g where g % 7 = 0`, []))
    : null;
  return { node, postgres };
}

const times = ({ median, best }: ProbeTimes) => `${median} ms (best ${best})`;

export const probeLine = ({ node, postgres }: MachineProbe): string =>
  `Machine probe (median of ${REPEATS}; lower is faster): Node ${times(node)}` +
  (postgres === null ? '' : `, database ${times(postgres)}`);
