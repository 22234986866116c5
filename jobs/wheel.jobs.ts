// Annual wheel reminders: every 15 minutes, claim and send the reminder steps due today for
// every tenant (core/annual-wheel/send-due-reminders.ts explains the exactly-once guarantee).
// pg-boss hands each scheduled run to one worker; even if two runs overlap, the claim's unique
// constraint keeps every step to one send.
import { z } from 'zod';
import { runWheelReminders } from '../core/annual-wheel/run-wheel-reminders.ts';
import type { AppServices } from '../server/services.ts';
import type { JobDefinition } from './queue.ts';

const ZWheelRemindersJobSchema = z.object({}).strict();

export const wheelRemindersJob: JobDefinition<typeof ZWheelRemindersJobSchema> = { id: 'wheel.reminders', version: 1, schema: ZWheelRemindersJobSchema, retryLimit: 1, expireInSeconds: 10 * 60 };

export async function registerWheelJobs(services: AppServices): Promise<void> {
  if (!services.env.RUN_WORKERS) return;
  await services.jobs.work(wheelRemindersJob, async () => {
    const result = await runWheelReminders({
      database: services.database,
      mailer: services.mailer,
      now: new Date(),
      publicUrl: services.env.PUBLIC_URL,
      onTenantError: (tenantId, error) => services.logger.error({ err: error, tenantId }, 'wheel reminders failed for a tenant'),
    });
    services.logger.info({ ...result }, 'wheel reminders run');
  });
  try {
    await services.jobs.boss.schedule(wheelRemindersJob.id, '*/15 * * * *', { v: wheelRemindersJob.version, data: {} });
  } catch (error) {
    services.logger.warn({ err: error }, 'could not schedule wheel reminders');
  }
}
