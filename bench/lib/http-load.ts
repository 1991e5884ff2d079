import autocannon, { type Client, type RequestSpec } from 'autocannon';
import { Recorder } from './latency.js';
import type { Lane, Scenario, Step } from './scenarios.js';

/** Signs a lane's user in: the session cookie and the CSRF token for its POSTs. */
async function login(base: string, lane: Lane, password: string): Promise<void> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: lane.username, password }),
  });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`login ${lane.username}: ${response.status} ${text.slice(0, 200)}`);
  }
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('tt_session='));
  if (!cookie) {
    throw new Error(`login ${lane.username}: no tt_session cookie`);
  }
  lane.cookie = cookie.split(';')[0] ?? '';
  lane.csrf = (JSON.parse(text) as { csrfToken: string }).csrfToken;
}

/** Signs every lane in, `parallel` at a time (each sign-in is one scrypt on the server). */
export async function loginAll(
  base: string,
  lanes: Lane[],
  password: string,
  parallel = 8,
): Promise<void> {
  const queue = lanes.filter((l) => l.cookie === '');
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let lane = queue.shift(); lane; lane = queue.shift()) {
        await login(base, lane, password);
      }
    }),
  );
}

/** The headers of a lane's request: its session cookie, and the CSRF token on a POST. */
export function laneHeaders(lane: Lane, step: Step): Record<string, string> {
  const headers: Record<string, string> = { cookie: lane.cookie, accept: 'application/json' };
  if (step.method !== 'GET') {
    headers['x-csrf-token'] = lane.csrf;
    headers['content-type'] = 'application/json';
  }
  return headers;
}

/** One request of a lane's session, as bytes for autocannon. */
function httpOf(lane: Lane, step: Step): RequestSpec {
  return {
    method: step.method,
    path: step.path,
    headers: laneHeaders(lane, step),
    ...(step.body === undefined ? {} : { body: JSON.stringify(step.body) }),
  };
}

/**
 * Drives the running server with `connections` keep-alive connections (autocannon, pipelining 1)
 * for `warmup` + `seconds`, recording only after the warm-up; connection i is lane i (its own
 * user, session and state). Warm-up and measurement are one run on the same connections: a
 * separate warm-up run would end with every lane's request in flight, so the measured run would
 * start with every lane opening a new connection and a new parent at the same moment. Latency
 * per kind of request is taken from autocannon's per-response timing.
 */
export function runHttp(
  base: string,
  scenario: Scenario,
  lanes: Lane[],
  connections: number,
  seconds: number,
  warmup = 0,
): Promise<Recorder> {
  const recorder = new Recorder();
  let recording = warmup <= 0;
  const laneOf = new Map<Client, { lane: Lane; step: Step | null }>();
  let nextLane = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds + warmup,
        timeout: 30,
        requests: [{ method: 'GET', path: '/health' }],
        setupClient(client) {
          const lane = lanes[nextLane % lanes.length] as Lane;
          nextLane += 1;
          const slot: { lane: Lane; step: Step | null } = { lane, step: null };
          laneOf.set(client, slot);
          client.setRequests([
            {
              setupRequest: () => {
                slot.step = scenario.next(lane);
                lane.pending = true;
                return httpOf(lane, slot.step);
              },
              onResponse: (status, body) => {
                lane.pending = false;
                const step = slot.step;
                if (!step) {
                  return;
                }
                const ok = status >= 200 && status < 300;
                if (!ok) {
                  recorder.fail(step.kind, 'non2xx', `${status} ${body}`);
                }
                if (scenario.settle) {
                  scenario.settle(
                    lane,
                    step,
                    ok,
                    step.kind.startsWith('scan parent') && ok ? JSON.parse(body) : null,
                  );
                }
              },
            },
          ]);
        },
      },
      (err, result) => {
        recorder.stop();
        if (result && result.timeouts > 0) {
          recorder.fail('connection', 'errors', `${result.timeouts} timeouts`);
        }
        for (const lane of lanes) {
          if (lane.pending) {
            lane.pending = false;
            lane.parent = null;
          }
        }
        if (err) {
          reject(err);
        } else {
          resolve(recorder);
        }
      },
    );
    recorder.start();
    if (!recording) {
      setTimeout(() => {
        recording = true;
        recorder.start();
      }, warmup * 1000);
    }
    instance.on('response', (client: Client, status: number, _bytes: number, ms: number) => {
      const step = laneOf.get(client)?.step;
      if (recording && step && status >= 200 && status < 300) {
        recorder.record(step.kind, ms);
      }
    });
    instance.on('reqError', (error: Error) => recorder.fail('connection', 'errors', error.message));
  });
}
