import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'undici';
import { laneHeaders } from './http-load.js';
import { Recorder } from './latency.js';
import type { Lane, Scenario } from './scenarios.js';

/**
 * Open-loop load: `lanes.length` virtual scanners, each on its own keep-alive connection, send
 * requests at a combined `rate` per second (Poisson arrivals: each lane's gaps are exponential
 * with mean lanes/rate). A scanner has one request in flight at a time, like a person with a
 * keyboard-wedge scanner: a scan that falls due while the previous one is unanswered waits for it.
 *
 * Latency is measured from the moment a request FELL DUE, not from when it was sent, so a slow
 * answer that delays the next scans counts against them too (no coordinated omission; as wrk2).
 * Two delays before a request leaves are counted apart: `waited` is the share of requests that
 * fell due while the lane's previous request was unanswered (the scanner waited: part of the
 * latency, as a person waits); `timerLag` is how late the generator's own timer fired for a lane
 * that was free (the generator's event loop or its share of the cores): large values there mean
 * the figure measures the generator, not the server.
 *
 * A closed loop (autocannon, `runHttp`) measures saturation: every connection sends again the
 * moment it is answered, so latency there is concurrency ÷ throughput by construction. This
 * measures the latency scanners see at a given load below saturation.
 */
export interface PacedResult {
  recorder: Recorder;
  /** p50/p99/max of (send time − due time), ms. */
  timerLag: { p50: number; p99: number; max: number };
  /** Share of measured requests that fell due while the lane's previous one was unanswered. */
  waited: number;
}

const exponential = (mean: number) => -Math.log(1 - Math.random()) * mean;

export async function runPaced(
  base: string,
  scenario: Scenario,
  lanes: Lane[],
  rate: number,
  seconds: number,
  warmup = 0,
): Promise<PacedResult> {
  const recorder = new Recorder();
  const lags: number[] = [];
  let waited = 0;
  const meanGap = (lanes.length / rate) * 1000;
  const begin = performance.now() + 200;
  const measureFrom = begin + warmup * 1000;
  const end = measureFrom + seconds * 1000;
  /** Requests that fell due inside the measured window and were answered. */
  let answered = 0;
  const clients = lanes.map(
    () => new Client(base, { pipelining: 1, keepAliveTimeout: 120_000, headersTimeout: 30_000 }),
  );

  async function drive(lane: Lane, client: Client): Promise<void> {
    let due = begin + Math.random() * meanGap;
    let freeAt = 0;
    while (due < end) {
      const busy = freeAt > due;
      // Timers run on whole milliseconds of the loop's clock and may fire up to 1 ms early.
      for (let wait = due - performance.now(); wait > 0; wait = due - performance.now()) {
        await sleep(Math.ceil(wait));
      }
      const measured = due >= measureFrom;
      const step = scenario.next(lane);
      const sentAt = performance.now();
      lane.pending = true;
      try {
        const response = await client.request({
          path: step.path,
          method: step.method,
          headers: laneHeaders(lane, step),
          ...(step.body === undefined ? {} : { body: JSON.stringify(step.body) }),
        });
        const text = await response.body.text();
        freeAt = performance.now();
        const ms = freeAt - due;
        lane.pending = false;
        const ok = response.statusCode >= 200 && response.statusCode < 300;
        if (measured) {
          if (busy) {
            waited += 1;
          } else {
            lags.push(sentAt - due);
          }
          answered += 1;
          if (ok) {
            recorder.record(step.kind, ms);
          } else {
            recorder.fail(step.kind, 'non2xx', `${response.statusCode} ${text}`);
          }
        }
        scenario.settle?.(
          lane,
          step,
          ok,
          step.kind.startsWith('scan parent') && ok ? JSON.parse(text) : null,
        );
      } catch (error) {
        lane.pending = false;
        lane.parent = null;
        recorder.fail(step.kind, 'errors', error instanceof Error ? error.message : String(error));
      }
      due += exponential(meanGap);
    }
  }

  const warm = sleep(Math.max(0, measureFrom - performance.now())).then(() => recorder.start());
  await Promise.all(lanes.map((lane, i) => drive(lane, clients[i] as Client)));
  await warm;
  recorder.stop();
  await Promise.all(clients.map((c) => c.close()));
  lags.sort((a, b) => a - b);
  const at = (q: number) => lags[Math.min(lags.length - 1, Math.ceil(q * lags.length) - 1)] ?? 0;
  return {
    recorder,
    timerLag: { p50: at(0.5), p99: at(0.99), max: lags.at(-1) ?? 0 },
    waited: answered === 0 ? 0 : waited / answered,
  };
}

/** A table line under a paced figure: the generator's own lateness, and how often lanes waited. */
export const sendLagLine = ({ timerLag, waited }: PacedResult): string =>
  `|   | | generator timer lag p50/p99/max ${timerLag.p50.toFixed(1)} / ${timerLag.p99.toFixed(1)} / ${timerLag.max.toFixed(1)} ms; ${(waited * 100).toFixed(1)} % fell due while the lane's previous request was unanswered | | | | | | | | | |`;
