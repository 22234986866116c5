// The feedback-reminder outbox (feedback_reminders): who is due a reminder to give feedback
// after a measure ended, the claim, and the send bookkeeping. Runs inside withTenant.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../client.ts';
import { feedbackReminders } from '../schema/index.ts';
import { takeOutboxRowsToSend, type TakeOutboxOptions } from './reminder-outbox.repository.ts';

export interface FeedbackReminderCandidate {
  enrolmentId: string;
  measureId: string;
  measureTitle: string;
  endDate: string;
  accountId: string;
  email: string;
  displayName: string;
  language: string | null;
}

/**
 * Attendees owed a reminder: an approved enrolment recorded as attended, of a published or
 * closed measure whose end date lies in [endedFrom, endedBefore), without feedback, and an
 * active account of the person. Rows already claimed are left to the claim's unique index.
 */
export async function listFeedbackReminderCandidates(tx: Tx, options: { endedFrom: string; endedBefore: string }): Promise<FeedbackReminderCandidate[]> {
  const rows = await queryRows<{ enrolment_id: string; measure_id: string; title: string; end_date: string; account_id: string; email: string; display_name: string; language: string | null }>(
    tx,
    sql`
      select e.id as enrolment_id, m.id as measure_id, m.title, m.end_date::text as end_date,
             a.id as account_id, a.email, a.display_name, a.language
      from enrolments e
      join measures m on m.id = e.measure_id
      join accounts a on a.person_id = e.person_id and a.disabled_at is null
      where e.status = 'approved' and e.attended is true
        and m.status in ('published', 'closed')
        and m.end_date is not null and m.end_date >= ${options.endedFrom} and m.end_date < ${options.endedBefore}
        and not exists (select 1 from measure_feedback f where f.enrolment_id = e.id)
        and not exists (select 1 from feedback_reminders r where r.enrolment_id = e.id and r.account_id = a.id)
      order by m.end_date, e.id`,
  );
  return rows.map((r) => ({ enrolmentId: r.enrolment_id, measureId: r.measure_id, measureTitle: r.title, endDate: r.end_date, accountId: r.account_id, email: r.email, displayName: r.display_name, language: r.language }));
}

/** Claim reminders; returns only the rows this call inserted (another run's claims are skipped). */
export async function claimFeedbackReminders(tx: Tx, claims: ReadonlyArray<{ tenantId: string; enrolmentId: string; measureId: string; accountId: string }>) {
  if (claims.length === 0) return [];
  return tx.insert(feedbackReminders).values([...claims]).onConflictDoNothing().returning({ id: feedbackReminders.id, enrolmentId: feedbackReminders.enrolmentId, accountId: feedbackReminders.accountId, measureId: feedbackReminders.measureId });
}

/** Take feedback reminders to mail (the same rules as the wheel's outbox: takeOutboxRowsToSend). */
export async function takeFeedbackRemindersToSend(tx: Tx, options: TakeOutboxOptions) {
  return takeOutboxRowsToSend<{ id: string; account_id: string; measure_id: string; enrolment_id: string }>(tx, 'feedback_reminders', sql`r.id, r.account_id, r.measure_id, r.enrolment_id`, options);
}

/** The recipient and measure of rows to mail. */
export async function findFeedbackReminderDetails(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return queryRows<{ id: string; email: string; display_name: string; language: string | null; measure_id: string; title: string }>(
    tx,
    sql`
      select r.id, a.email, a.display_name, a.language, m.id as measure_id, m.title
      from feedback_reminders r join accounts a on a.id = r.account_id join measures m on m.id = r.measure_id
      where r.id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
  );
}

export async function markFeedbackReminder(tx: Tx, id: string, values: { status: 'sent' | 'failed'; mailId: string | null; error: string | null; at: Date }): Promise<void> {
  await tx
    .update(feedbackReminders)
    .set({ status: values.status, mailId: values.mailId, error: values.error, sentAt: values.status === 'sent' ? values.at : null })
    .where(and(inArray(feedbackReminders.id, [id]), eq(feedbackReminders.status, 'sending')));
}
