// Ask each attendee of an ended measure for feedback, once: an e-mail and an in-app notification
// linking to the feedback form. Run by the `catalogue.feedback-reminders` job every 15 minutes
// on every worker instance; callable directly with any clock.
//
// Exactly once per (enrolment, account), with several instances and restarts, as the wheel's
// reminders (core/annual-wheel/send-due-reminders.ts):
//  1. Claim: in one transaction, find the attendees owed a reminder, INSERT … ON CONFLICT DO
//     NOTHING into feedback_reminders (unique on tenant, enrolment, account), and write the
//     notification for each row this run inserted. Only one transaction can insert a row.
//  2. Send: take claimed rows a batch at a time (pending → sending under FOR UPDATE SKIP LOCKED),
//     mail each, mark it sent or failed. Failed rows are retried by later runs up to MAX_ATTEMPTS;
//     a row left 'sending' by a process that died is sent again after STALE_MINUTES.
//
// Who: an approved place recorded as attended, no feedback given yet, an active account. When:
// from the first run after REMINDER_HOUR (07:00 Norwegian time) on the day after the end date,
// for measures that ended at most WINDOW_DAYS ago — attendance recorded late still brings the
// reminder, but turning the feature on does not mail everyone who ever attended anything.
import type { Database } from '../../db/client.ts';
import { claimFeedbackReminders, findFeedbackReminderDetails, listFeedbackReminderCandidates, markFeedbackReminder, takeFeedbackRemindersToSend } from '../../db/repositories/feedback-reminder.repository.ts';
import { findTenantLanguage, insertNotifications } from '../../db/repositories/wheel.repository.ts';
import { listActiveTenants } from '../../db/repositories/account.repository.ts';
import { isLanguage, translate, type Language } from '../../locales/index.ts';
import type { MailSender } from '../auth/auth-mail.ts';
import { addDays, reminderDay } from '../annual-wheel/annual-wheel.rules.ts';

export const FEEDBACK_MAX_ATTEMPTS = 3;
export const FEEDBACK_STALE_MINUTES = 15;
export const FEEDBACK_WINDOW_DAYS = 30;
const SEND_BATCH = 20;
const MAX_ROUNDS = 500;

export interface SendFeedbackRemindersOptions {
  database: Database;
  mailer: MailSender;
  tenantId: string;
  now: Date;
  publicUrl: string;
}

export interface FeedbackReminderRunResult {
  claimed: number;
  sent: number;
  failed: number;
}

export function feedbackLink(measureId: string): string {
  return `/catalogue/measures/${measureId}/feedback`;
}

function languageOf(language: string | null, tenantLanguage: string | undefined): Language {
  return isLanguage(language) ? language : isLanguage(tenantLanguage) ? tenantLanguage : 'nn';
}

export async function sendFeedbackReminders(options: SendFeedbackRemindersOptions): Promise<FeedbackReminderRunResult> {
  const claimed = await claim(options);
  return { claimed, ...(await deliver(options)) };
}

async function claim({ database, tenantId, now }: SendFeedbackRemindersOptions): Promise<number> {
  // Ended = end date before the reminder day (catalogue.rules hasEnded); the day starts at 07:00.
  const day = reminderDay(now);
  return database.withTenant(tenantId, async (tx) => {
    const tenant = await findTenantLanguage(tx, tenantId);
    if (!tenant) return 0;
    const candidates = await listFeedbackReminderCandidates(tx, { endedFrom: addDays(day, -FEEDBACK_WINDOW_DAYS), endedBefore: day });
    if (candidates.length === 0) return 0;
    const inserted = await claimFeedbackReminders(
      tx,
      candidates.map((c) => ({ tenantId, enrolmentId: c.enrolmentId, measureId: c.measureId, accountId: c.accountId })),
    );
    const byKey = new Map(candidates.map((c) => [`${c.enrolmentId}/${c.accountId}`, c]));
    await insertNotifications(
      tx,
      inserted.map((row) => {
        const c = byKey.get(`${row.enrolmentId}/${row.accountId}`)!;
        const language = languageOf(c.language, tenant.defaultLanguage);
        return {
          tenantId,
          accountId: row.accountId,
          kind: 'catalogue.feedbackReminder',
          title: translate(language, 'catalogue.notice.feedbackReminder.title', { title: c.measureTitle }),
          body: translate(language, 'catalogue.notice.feedbackReminder.body', { title: c.measureTitle }),
          link: feedbackLink(row.measureId),
        };
      }),
    );
    return inserted.length;
  });
}

async function deliver({ database, mailer, tenantId, now, publicUrl }: SendFeedbackRemindersOptions): Promise<Omit<FeedbackReminderRunResult, 'claimed'>> {
  const result = { sent: 0, failed: 0 };
  const base = publicUrl.replace(/\/+$/, '');
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const batch = await database.withTenant(tenantId, async (tx) => {
      const rows = await takeFeedbackRemindersToSend(tx, { now, staleBefore: new Date(now.getTime() - FEEDBACK_STALE_MINUTES * 60_000), maxAttempts: FEEDBACK_MAX_ATTEMPTS, limit: SEND_BATCH });
      if (rows.length === 0) return null;
      return { details: await findFeedbackReminderDetails(tx, rows.map((r) => r.id)), tenant: await findTenantLanguage(tx, tenantId) };
    });
    if (!batch) break;
    for (const d of batch.details) {
      const language = languageOf(d.language, batch.tenant?.defaultLanguage);
      const params = { title: d.title };
      const text = [
        translate(language, 'catalogue.notice.greeting', { name: d.display_name }),
        '',
        translate(language, 'catalogue.notice.feedbackReminder.body', params),
        '',
        `${base}${feedbackLink(d.measure_id)}`,
        '',
        batch.tenant?.name ?? '',
      ].join('\n');
      let outcome: { id: string | null; ok: boolean; error: string | null };
      try {
        const sent = await mailer.send({ tenantId, to: d.email, subject: translate(language, 'catalogue.notice.feedbackReminder.title', params), text });
        outcome = { id: sent.id, ok: sent.status !== 'failed', error: sent.status === 'failed' ? 'delivery failed (see the mail outbox)' : null };
      } catch (error) {
        outcome = { id: null, ok: false, error: error instanceof Error ? error.message.slice(0, 500) : 'delivery failed' };
      }
      await database.withTenant(tenantId, (tx) => markFeedbackReminder(tx, d.id, { status: outcome.ok ? 'sent' : 'failed', mailId: outcome.id, error: outcome.error, at: new Date() }));
      if (outcome.ok) result.sent++;
      else result.failed++;
    }
  }
  return result;
}

/** The job's body: every active tenant; a failing tenant is reported and does not stop the others. */
export async function runFeedbackReminders(options: Omit<SendFeedbackRemindersOptions, 'tenantId'> & { onTenantError?: (tenantId: string, error: unknown) => void }): Promise<FeedbackReminderRunResult> {
  const tenants = await options.database.withPlatform((tx) => listActiveTenants(tx));
  const total: FeedbackReminderRunResult = { claimed: 0, sent: 0, failed: 0 };
  for (const tenant of tenants) {
    try {
      const r = await sendFeedbackReminders({ ...options, tenantId: tenant.id });
      total.claimed += r.claimed;
      total.sent += r.sent;
      total.failed += r.failed;
    } catch (error) {
      options.onTenantError?.(tenant.id, error);
    }
  }
  return total;
}
