import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { DEFAULT_DISPATCH_AREAS, AREA_KEY_PATTERN } from '../common/areas.js';

const Bool = (defaultValue: boolean, description: string) =>
  Type.Boolean({ default: defaultValue, description });
const Int = (defaultValue: number, min: number, max: number, description: string) =>
  Type.Integer({ default: defaultValue, minimum: min, maximum: max, description });

/** Every setting TraceTrack reads from the environment; documented again in .env.example. */
export const ConfigSchema = Type.Object({
  /** `production` turns on HSTS and Secure cookies; nothing else switches on it. */
  NODE_ENV: Type.String({ default: 'development' }),
  PORT: Int(3000, 0, 65535, 'HTTP port'),
  HOST: Type.String({ default: '0.0.0.0', minLength: 1, description: 'Address to listen on' }),
  /** Unset: the embedded PGlite database in DATA_DIR. Set: a PostgreSQL server. */
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATABASE_POOL_SIZE: Int(10, 1, 200, 'Connections per app instance (PostgreSQL only)'),
  /** Where PGlite and the generated session secret live; `memory://` keeps nothing. */
  DATA_DIR: Type.String({ default: './data', minLength: 1 }),
  /** Signs session ids; generated and kept in DATA_DIR when unset. */
  SESSION_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 1 })),
  ADMIN_EMAIL: Type.Optional(Type.String({ format: 'email' })),
  PUBLIC_BASE_URL: Type.String({ default: 'http://localhost:3000', format: 'uri' }),
  TIME_ZONE: Type.String({ default: 'Asia/Kolkata', minLength: 1 }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  /** Trust X-Forwarded-* from a reverse proxy (true, a hop count, or addresses). */
  TRUST_PROXY: Type.String({ default: 'false' }),
  /** The app is served over HTTPS by a proxy: HSTS and Secure cookies. */
  TRUST_PROXY_HTTPS: Bool(false, 'Served over HTTPS behind a proxy'),
  WEB_DIR: Type.Optional(Type.String({ minLength: 1 })),
  SLOW_REQUEST_MS: Int(500, 1, 600_000, 'Requests slower than this are logged at info'),
  BODY_LIMIT_BYTES: Int(1_048_576, 1024, 100 * 1_048_576, 'Largest JSON body'),
  SESSION_ABSOLUTE_MINUTES: Int(60, 1, 7 * 24 * 60, 'Session lifetime'),
  SESSION_IDLE_MINUTES: Int(30, 1, 7 * 24 * 60, 'Session idle timeout'),
  // At most 30: an entry is re-read anyway once the idle deadline's 30-second touch is due.
  SESSION_CACHE_SECONDS: Int(30, 0, 30, 'How long a session lookup is kept in memory (0 = off)'),
  LOGIN_MAX_FAILURES: Int(5, 1, 100, 'Failed sign-ins before a lock'),
  LOCKOUT_MINUTES: Int(15, 1, 24 * 60, 'How long a lock lasts'),
  LOGIN_RATE_PER_IP: Int(30, 1, 100_000, 'Sign-in attempts per minute per IP'),
  LOGIN_RATE_PER_USERNAME: Int(10, 1, 100_000, 'Sign-in attempts per minute per username'),
  MAX_DISPATCHERS_PER_AREA: Int(10, 1, 10_000, 'Active dispatchers per dispatch area'),
  DISPATCH_AREAS: Type.String({
    default: DEFAULT_DISPATCH_AREAS.join(','),
    description: 'Comma-separated area keys',
  }),
  BILL_AUTO_COMPLETE: Bool(true, 'A bill completes itself when its parents reach capacity'),
  UNDO_WINDOW_MINUTES: Int(60, 1, 24 * 60, 'How long a link can be undone'),
  SCAN_BATCH_MAX: Int(32, 1, 64, 'Child scans one transaction may carry (1 = one per request)'),
  SCAN_ID_TTL_HOURS: Int(168, 1, 24 * 365, 'How long a scanId is remembered for replays'),
  SMTP_URL: Type.Optional(Type.String()),
  MAIL_FROM: Type.Optional(Type.String()),
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),
});

type RawConfig = Static<typeof ConfigSchema>;

export interface Config extends Omit<RawConfig, 'DISPATCH_AREAS' | 'TRUST_PROXY'> {
  DISPATCH_AREAS: string[];
  TRUST_PROXY: boolean | string;
  /** True when HSTS and Secure cookies apply. */
  secureTransport: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** `true`/`false`, or addresses/CIDRs (comma-separated) of the proxies to trust. */
function parseTrustProxy(raw: string): boolean | string {
  return raw === 'true' || raw === 'false' ? raw === 'true' : raw;
}

/**
 * Reads and validates the environment once; lists every invalid key.
 * @throws ConfigError naming each problem
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.keys(ConfigSchema.properties);
  const picked: Record<string, unknown> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') {
      picked[key] = value;
    }
  }
  const converted = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, picked));
  const problems = [...Value.Errors(ConfigSchema, converted)].map(
    (e) => `${e.instancePath.replace(/^\//, '') || '(root)'}: ${e.message}`,
  );
  const raw = converted as RawConfig;
  const areas = String(raw.DISPATCH_AREAS ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
  const badAreas = areas.filter((a) => !new RegExp(AREA_KEY_PATTERN).test(a));
  if (areas.length === 0 || badAreas.length > 0) {
    problems.push(`DISPATCH_AREAS: invalid area keys ${badAreas.join(', ') || '(empty list)'}`);
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return {
    ...raw,
    DISPATCH_AREAS: areas,
    TRUST_PROXY: parseTrustProxy(raw.TRUST_PROXY),
    secureTransport: raw.NODE_ENV === 'production' || raw.TRUST_PROXY_HTTPS,
  };
}
