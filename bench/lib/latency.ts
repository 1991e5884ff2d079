/** Every latency of a run, per kind of request (arrays: a run has at most a few 100,000 samples). */
export interface KindSummary {
  kind: string;
  count: number;
  /** Requests per second over the measured window. */
  rps: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Answers that were not 2xx (HTTP) or that carried an error code (raw SQL). */
  non2xx: number;
  /** Connection errors, timeouts, exceptions. */
  errors: number;
  /** A few error samples: status and code or message. */
  samples: string[];
}

export class Recorder {
  private readonly samples = new Map<string, number[]>();
  private readonly bad = new Map<string, { non2xx: number; errors: number; samples: string[] }>();
  private startedAt = performance.now();
  private endedAt: number | null = null;

  start(): void {
    this.startedAt = performance.now();
    this.endedAt = null;
  }

  stop(): void {
    this.endedAt = performance.now();
  }

  /** Seconds of the measured window. */
  get seconds(): number {
    return ((this.endedAt ?? performance.now()) - this.startedAt) / 1000;
  }

  record(kind: string, ms: number): void {
    let list = this.samples.get(kind);
    if (!list) {
      list = [];
      this.samples.set(kind, list);
    }
    list.push(ms);
  }

  fail(kind: string, what: 'non2xx' | 'errors', sample: string): void {
    let entry = this.bad.get(kind);
    if (!entry) {
      entry = { non2xx: 0, errors: 0, samples: [] };
      this.bad.set(kind, entry);
    }
    entry[what] += 1;
    if (entry.samples.length < 5) {
      entry.samples.push(sample.slice(0, 300));
    }
  }

  /**
   * One summary per kind, and when a run mixes kinds (a lookup run's parents and children) one
   * more, `all kinds`, over every request: the run's total rate, which the per-kind rows split.
   */
  summary(): KindSummary[] {
    const kinds = [...new Set([...this.samples.keys(), ...this.bad.keys()])].sort();
    const rows = kinds.map((kind) =>
      summarise(kind, this.samples.get(kind) ?? [], this.seconds, this.bad.get(kind)),
    );
    if (kinds.length < 2) {
      return rows;
    }
    const bad = [...this.bad.values()];
    return [
      ...rows,
      summarise('all kinds', [...this.samples.values()].flat(), this.seconds, {
        non2xx: bad.reduce((n, b) => n + b.non2xx, 0),
        errors: bad.reduce((n, b) => n + b.errors, 0),
        samples: [],
      }),
    ];
  }
}

function summarise(
  kind: string,
  values: number[],
  seconds: number,
  bad: { non2xx: number; errors: number; samples: string[] } | undefined,
): KindSummary {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) =>
    sorted.length === 0
      ? 0
      : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0);
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    kind,
    count: values.length,
    rps: values.length / seconds,
    mean: values.length === 0 ? 0 : sum / values.length,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: sorted.length === 0 ? 0 : (sorted[sorted.length - 1] ?? 0),
    non2xx: bad?.non2xx ?? 0,
    errors: bad?.errors ?? 0,
    samples: bad?.samples ?? [],
  };
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

export const TABLE_HEAD =
  '| run | conns | kind | requests | req/s | mean ms | p50 | p90 | p99 | max | non-2xx | errors |\n|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|';

export function tableRow(run: string, connections: number, s: KindSummary): string {
  return `| ${run} | ${connections} | ${s.kind} | ${s.count} | ${Math.round(s.rps)} | ${f2(s.mean)} | ${f2(s.p50)} | ${f2(s.p90)} | ${f2(s.p99)} | ${f1(s.max)} | ${s.non2xx} | ${s.errors} |`;
}
