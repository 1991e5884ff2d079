/** `--name value`, `--name=value` and bare `--flag` (true); everything else is positional. */
export function parseArgs(argv: string[]): { flags: Map<string, string>; positional: string[] } {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) {
      flags.set(arg.slice(2, eq), arg.slice(eq + 1));
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      flags.set(arg.slice(2), next);
      i += 1;
    } else {
      flags.set(arg.slice(2), 'true');
    }
  }
  return { flags, positional };
}

export function intFlag(flags: Map<string, string>, name: string, fallback: number): number {
  const raw = flags.get(name);
  if (raw === undefined) {
    return fallback;
  }
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`--${name} must be a non-negative integer, got ${raw}`);
  }
  return value;
}

export function listFlag(flags: Map<string, string>, name: string, fallback: number[]): number[] {
  const raw = flags.get(name);
  return raw === undefined ? fallback : raw.split(',').map((v) => Number(v.trim()));
}

export const out = (line = '') => process.stdout.write(`${line}\n`);

/** Seconds with one decimal since `start` (performance.now()). */
export const secondsSince = (start: number) => ((performance.now() - start) / 1000).toFixed(1);
