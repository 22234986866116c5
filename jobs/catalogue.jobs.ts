// Feedback reminders: every 15 minutes, ask the attendees of measures that have ended for their
// feedback, once each (core/catalogue/send-feedback-reminders.ts explains the exactly-once
// guarantee). pg-boss hands each scheduled run to one worker; overlapping runs still claim each
// reminder once through the outbox's unique constraint.
import { z } from 'zod';
import { runFeedbackReminders } from '../core/catalogue/send-feedback-reminders.ts';
import type { AppServices } from '../server/services.ts';
import type { JobDefinition } from './queue.ts';

const ZFeedbackRemindersJobSchema = z.object({}).strict();

export const feedbackRemindersJob: JobDefinition<typeof ZFeedbackRemindersJobSchema> = { id: 'catalogue.feedback-reminders', version: 1, schema: ZFeedbackRemindersJobSchema, retryLimit: 1, expireInSeconds: 10 * 60 };

export async function registerCatalogueJobs(services: AppServices): Promise<void> {
  if (!services.env.RUN_WORKERS) return;
  await services.jobs.work(feedbackRemindersJob, async () => {
    const result = await runFeedbackReminders({
      database: services.database,
      mailer: services.mailer,
      now: new Date(),
      publicUrl: services.env.PUBLIC_URL,
      onTenantError: (tenantId, error) => services.logger.error({ err: error, tenantId }, 'feedback reminders failed for a tenant'),
    });
    services.logger.info({ ...result }, 'feedback reminders run');
  });
  try {
    await services.jobs.boss.schedule(feedbackRemindersJob.id, '*/15 * * * *', { v: feedbackRemindersJob.version, data: {} });
  } catch (error) {
    services.logger.warn({ err: error }, 'could not schedule feedback reminders');
  }
}
