import { Recorder } from './latency.js';
import type { Lane, RawQuery, Scenario } from './scenarios.js';

/**
 * The ceiling: the same database work as the endpoint, from `lanes.length` concurrent loops over
 * one client (postgres.js pool or PGlite), without HTTP, sessions or JSON schemas, for `seconds`.
 */
export async function runRaw(
  q: RawQuery,
  scenario: Scenario,
  lanes: Lane[],
  seconds: number,
): Promise<Recorder> {
  const recorder = new Recorder();
  recorder.start();
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    lanes.map(async (lane) => {
      while (performance.now() < deadline) {
        const step = scenario.next(lane);
        const t = performance.now();
        let error: string | null;
        try {
          error = await step.raw(q);
        } catch (caught) {
          recorder.fail(
            step.kind,
            'errors',
            caught instanceof Error ? caught.message : String(caught),
          );
          scenario.settle?.(lane, step, false, null);
          continue;
        }
        const ms = performance.now() - t;
        if (error === null) {
          recorder.record(step.kind, ms);
        } else {
          recorder.fail(step.kind, 'non2xx', error);
        }
        scenario.settle?.(lane, step, error === null, null);
      }
    }),
  );
  recorder.stop();
  return recorder;
}
