// Durable background jobs on pg-boss: on the embedded PGlite (sharing its single connection)
// or on the PostgreSQL server, so jobs survive restarts and several instances share one queue.
// Jobs are typed definitions (id, version, payload schema) whose handlers call core use cases.
import { PgBoss, fromPglite } from 'pg-boss';
import type { z } from 'zod';
import type { Database } from '../db/client.ts';
import type { Logger } from '../server/logger.ts';

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  /** Queue name, e.g. 'import.preview'. */
  id: string;
  /** Bumped when the payload shape changes; stored with each job. */
  version: number;
  schema: S;
  /** Seconds before a running job is considered stuck and retried. */
  expireInSeconds?: number;
  retryLimit?: number;
}

export type JobHandler<S extends z.ZodType> = (payload: z.output<S>, meta: { jobId: string }) => Promise<void>;

export interface JobQueue {
  start(): Promise<void>;
  stop(): Promise<void>;
  send<S extends z.ZodType>(definition: JobDefinition<S>, payload: z.input<S>, options?: { singletonKey?: string }): Promise<string | null>;
  work<S extends z.ZodType>(definition: JobDefinition<S>, handler: JobHandler<S>): Promise<void>;
  readonly boss: PgBoss;
}

export function createJobQueue(options: { database: Database; logger: Logger; runWorkers: boolean; connectionString?: string | undefined }): JobQueue {
  const { database, logger } = options;
  const boss = database.pglite
    ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', schema: 'pgboss' })
    : new PgBoss({ connectionString: options.connectionString!, schema: 'pgboss', max: 4 });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  const created = new Set<string>();
  let started = false;

  async function ensureQueue(definition: JobDefinition) {
    if (created.has(definition.id)) return;
    await boss.createQueue(definition.id, { retryLimit: definition.retryLimit ?? 2, expireInSeconds: definition.expireInSeconds ?? 15 * 60 });
    created.add(definition.id);
  }

  return {
    boss,
    async start() {
      if (started) return;
      await boss.start();
      started = true;
    },
    async stop() {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
    async send(definition, payload, sendOptions) {
      await ensureQueue(definition);
      const data = definition.schema.parse(payload) as object;
      return boss.send(definition.id, { v: definition.version, data }, sendOptions?.singletonKey ? { singletonKey: sendOptions.singletonKey } : {});
    },
    async work(definition, handler) {
      if (!options.runWorkers) return;
      await ensureQueue(definition);
      await boss.work<{ v: number; data: unknown }>(definition.id, async (jobs) => {
        for (const job of jobs) {
          const payload = definition.schema.parse(job.data.data);
          logger.info({ job: definition.id, jobId: job.id }, 'job started');
          await handler(payload, { jobId: job.id });
          logger.info({ job: definition.id, jobId: job.id }, 'job done');
        }
      });
    },
  };
}
