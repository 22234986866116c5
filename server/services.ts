// What every loader, action, API handler and job receives: the process-wide services.
import type { Database } from '../db/client.ts';
import type { Mailer } from './mail.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Logger } from './logger.ts';
import type { TEnv } from './env.ts';

export interface AppServices {
  env: TEnv;
  database: Database;
  logger: Logger;
  mailer: Mailer;
  jobs: JobQueue;
}

/** Per-request facts the HTTP layer knows and handlers need. */
export interface RequestInfo {
  requestId: string;
  ip: string;
  userAgent: string | null;
  /** CSP nonce for inline scripts. */
  nonce: string;
  log: Logger;
}
