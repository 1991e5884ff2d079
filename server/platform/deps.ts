import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Clock } from './clock.js';
import type { EventOutbox } from './event-outbox.js';

/** What the composition root hands every module: typed, explicit, no globals. */
export interface AppDeps {
  database: Database;
  config: Config;
  clock: Clock;
  /** Resolved SESSION_SECRET (from the environment or DATA_DIR). */
  sessionSecret: string;
  /** Live events produced by committed changes (see event-outbox.ts). */
  events: EventOutbox;
}
