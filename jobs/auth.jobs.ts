// Sign-in housekeeping: every hour, delete expired sessions, passed throttle windows and old
// password links (core/auth/purge-sign-in-data.ts).
import { z } from 'zod';
import { purgeSignInData } from '../core/auth/purge-sign-in-data.ts';
import type { AppServices } from '../server/services.ts';
import type { JobDefinition } from './queue.ts';

const ZPurgeJobSchema = z.object({}).strict();

export const purgeSignInDataJob: JobDefinition<typeof ZPurgeJobSchema> = { id: 'auth.purge', version: 1, schema: ZPurgeJobSchema, retryLimit: 1, expireInSeconds: 10 * 60 };

export async function registerAuthJobs(services: AppServices): Promise<void> {
  if (!services.env.RUN_WORKERS) return;
  await services.jobs.work(purgeSignInDataJob, async () => {
    const purged = await purgeSignInData({ database: services.database, now: new Date(), idleMinutes: services.env.SESSION_IDLE_MINUTES });
    services.logger.info({ purged }, 'sign-in data purged');
  });
  try {
    await services.jobs.boss.schedule(purgeSignInDataJob.id, '23 * * * *', { v: purgeSignInDataJob.version, data: {} });
  } catch (error) {
    services.logger.warn({ err: error }, 'could not schedule sign-in housekeeping');
  }
}
