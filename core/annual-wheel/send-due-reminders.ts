// Send the wheel's reminders that are due for one tenant at `now`. Run by the `wheel.reminders`
// job every 15 minutes on every worker instance, and callable directly with any clock.
//
// Exactly once per (person, milestone, unit, step), also with several instances and restarts:
//  1. Claim: in one transaction, work out every step due today, INSERT … ON CONFLICT DO NOTHING
//     into wheel_reminders (unique on tenant, account, milestone, unit, step), and write the
//     in-app notification for each row this run inserted. Only one transaction can insert a
//     given row, so only one run ever claims a step; the notification commits with the claim.
//  2. Send: take claimed rows in a short transaction (pending → sending, attempts + 1, under
//     FOR UPDATE SKIP LOCKED so concurrent runs take disjoint rows), mail them through the
//     mailer, then mark them sent or failed. Failed rows are retried by later runs (after
//     STALE_MINUTES) up to MAX_ATTEMPTS. A process that dies between claim and send leaves 'pending' rows that the
//     next run sends once. A process that dies after the SMTP server accepted a mail but before
//     the row was marked sent leaves a 'sending' row; after STALE_MINUTES it is sent again, so
//     in that one window (milliseconds wide) a person may get a second copy — never a lost step.
//     Rows go 'sending' a batch (SEND_BATCH) at a time, so a killed process strands at most one
//     batch; the other instances send every other row, including rows the dead one claimed.
//     tests/integration/wheel-reminders-instances.test.ts proves this with two real processes,
//     one SIGKILLed mid-run.
// The roster's wish deadlines use the same outbox: claimWishReminders (core/roster) claims the
// employees' steps in the claim transaction, and the send half mails them with the wheel's steps,
// so a person on the daily digest gets one mail with both.
import type { Database } from '../../db/client.ts';
import { findUnitNames } from '../../db/repositories/org-unit.repository.ts';
import {
  claimReminders,
  findMilestonesByIds,
  findTenantLanguage,
  insertNotifications,
  listAccountsWithRole,
  listDeliveries,
  listMilestonesWithDeadlineBetween,
  listRecipientsByIds,
  listStatuses,
  listUnitLeaderAccounts,
  listUnitsForTargets,
  markReminders,
  takeRemindersToSend,
  type ReminderClaim,
  type Recipient,
} from '../../db/repositories/wheel.repository.ts';
import { findPeriodsForReminders } from '../../db/repositories/roster.repository.ts';
import { isLanguage, type Language } from '../../locales/index.ts';
import { claimWishReminders } from '../roster/claim-wish-reminders.ts';
import type { MailSender } from '../auth/auth-mail.ts';
import { addDays, dueSteps, osloDate, reminderDay, targetUnits, type TUnitStatus } from './annual-wheel.rules.ts';
import { syncRegionalMilestones } from './sync-regional-milestones.ts';
import { composeReminderMail, stepText, type ReminderItem } from './wheel-mail.ts';

export const MAX_ATTEMPTS = 3;
export const STALE_MINUTES = 15;
// Rows taken per send transaction. Small, so that concurrent runs on several instances share the
// sending (SKIP LOCKED hands each a disjoint batch), and a process killed mid-run strands at most
// one batch in 'sending' (sent again after STALE_MINUTES) while the other instances send the rest.
export const SEND_BATCH = 20;
// Batches per run (a guard against a loop that never ends): up to 10,000 rows; the rest go next run.
const MAX_ROUNDS = 500;

export interface SendDueRemindersOptions {
  database: Database;
  mailer: MailSender;
  tenantId: string;
  now: Date;
  publicUrl: string;
}

export interface ReminderRunResult {
  claimed: number;
  sent: number;
  failed: number;
  mails: number;
}

export async function sendDueReminders(options: SendDueRemindersOptions): Promise<ReminderRunResult> {
  const claimed = await claimDueSteps(options);
  const delivered = await deliverClaimed(options);
  return { claimed, ...delivered };
}

function languageOf(recipient: { language: string | null }, tenantLanguage: string): Language {
  return isLanguage(recipient.language) ? recipient.language : isLanguage(tenantLanguage) ? tenantLanguage : 'nn';
}

async function claimDueSteps({ database, tenantId, now }: SendDueRemindersOptions): Promise<number> {
  // A day's steps become due at 07:00 Norwegian time, so the first run after that claims them all.
  const today = reminderDay(now);
  return database.withTenant(tenantId, async (tx) => {
    const tenant = await findTenantLanguage(tx, tenantId);
    if (!tenant) return 0;
    // The region's shared milestones as this tenant's own copies, current before anything is
    // claimed: each member's own unit leaders are reminded, each once (the claim below).
    await syncRegionalMilestones(tx, { tenantId, language: isLanguage(tenant.defaultLanguage) ? tenant.defaultLanguage : 'nn' });
    // Deadlines whose steps can be due today: up to a year ahead (before-offsets) or behind (overdue repeats).
    // The roster's wish deadlines remind the unit's employees through the same outbox (claimed here, in this transaction).
    const wishes = await claimWishReminders(tx, { tenantId, today, tenantLanguage: tenant.defaultLanguage, deliveries: (ids) => listDeliveries(tx, ids) });
    const milestones = await listMilestonesWithDeadlineBetween(tx, addDays(today, -400), addDays(today, 400));
    if (milestones.length === 0) return wishes;
    const units = await listUnitsForTargets(tx);
    const statuses = new Map((await listStatuses(tx, milestones.map((m) => m.milestone.id))).map((s) => [`${s.milestoneId}/${s.unitId}`, s.status as TUnitStatus]));
    const leaders = await listUnitLeaderAccounts(tx);
    const byRole = new Map<string, Recipient[]>();
    const withRole = async (role: string) => {
      if (!byRole.has(role)) byRole.set(role, await listAccountsWithRole(tx, role));
      return byRole.get(role)!;
    };
    const wanted: Array<ReminderClaim & { recipient: Recipient; unitName: string; title: string; deadline: string }> = [];
    for (const { milestone: m } of milestones) {
      const targets = targetUnits(m, units);
      for (const unit of targets.units) {
        const due = dueSteps(m, statuses.get(`${m.id}/${unit.id}`) ?? 'not_started', today);
        const push = (recipients: Recipient[], step: { step: string; date: string }) => {
          for (const r of recipients) wanted.push({ tenantId, accountId: r.accountId, milestoneId: m.id, unitKey: unit.id, step: step.step, stepDate: step.date, delivery: 'single', recipient: r, unitName: unit.name, title: m.title, deadline: m.deadline });
        };
        if (due.reminder) push(targets.wholeMunicipality ? await withRole(m.ownerRole) : (leaders.get(unit.id) ?? []), due.reminder);
        if (due.escalation) push(await withRole('executive'), due.escalation);
      }
    }
    if (wanted.length === 0) return wishes;
    const deliveries = await listDeliveries(tx, [...new Set(wanted.map((w) => w.accountId))]);
    for (const w of wanted) w.delivery = deliveries.get(w.accountId) === 'digest' ? 'digest' : 'single';
    const inserted = await claimReminders(
      tx,
      wanted.map(({ recipient: _r, unitName: _u, title: _t, deadline: _d, ...claim }) => claim),
    );
    const key = (r: { accountId: string; milestoneId: string | null; unitKey: string; step: string }) => `${r.accountId}/${r.milestoneId}/${r.unitKey}/${r.step}`;
    const byKey = new Map(wanted.map((w) => [key(w), w]));
    await insertNotifications(
      tx,
      inserted.map((row) => {
        const w = byKey.get(key(row))!;
        const l = languageOf(w.recipient, tenant.defaultLanguage);
        return {
          tenantId,
          accountId: row.accountId,
          kind: 'wheel.reminder',
          reminderId: row.id,
          title: w.title,
          body: `${w.unitName}: ${stepText(l, row.step, w.deadline, today)}`,
          link: `/wheel/milestones/${row.milestoneId}`,
        };
      }),
    );
    return wishes + inserted.length;
  });
}

async function deliverClaimed({ database, mailer, tenantId, now, publicUrl }: SendDueRemindersOptions): Promise<Omit<ReminderRunResult, 'claimed'>> {
  const result = { sent: 0, failed: 0, mails: 0 };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const batch = await database.withTenant(tenantId, async (tx) => {
      const rows = await takeRemindersToSend(tx, { now, staleBefore: new Date(now.getTime() - STALE_MINUTES * 60_000), maxAttempts: MAX_ATTEMPTS, limit: SEND_BATCH });
      if (rows.length === 0) return null;
      return {
        rows,
        tenant: await findTenantLanguage(tx, tenantId),
        recipients: new Map((await listRecipientsByIds(tx, [...new Set(rows.map((r) => r.account_id))])).map((r) => [r.accountId, r])),
        milestones: new Map((await findMilestonesByIds(tx, [...new Set(rows.flatMap((r) => (r.milestone_id ? [r.milestone_id] : [])))])).map((m) => [m.id, m])),
        periods: new Map((await findPeriodsForReminders(tx, [...new Set(rows.flatMap((r) => (r.roster_period_id ? [r.roster_period_id] : [])))])).map((p) => [p.id, p])),
        units: await findUnitNames(tx, [...new Set(rows.map((r) => r.unit_key))]),
      };
    });
    if (!batch) break;
    // Digest: one mail per person listing every due step; single: one mail per person and milestone step.
    const groups = new Map<string, typeof batch.rows>();
    for (const row of batch.rows) {
      const group = row.delivery === 'digest' ? `${row.account_id}` : `${row.account_id}/${row.milestone_id ?? row.roster_period_id}/${row.step}`;
      groups.set(group, [...(groups.get(group) ?? []), row]);
    }
    for (const rows of groups.values()) {
      const recipient = batch.recipients.get(rows[0]!.account_id)!;
      const language = languageOf(recipient, batch.tenant?.defaultLanguage ?? 'nn');
      const items: ReminderItem[] = rows.map((r): ReminderItem => {
        if (r.roster_period_id) {
          const p = batch.periods.get(r.roster_period_id)!;
          return { kind: 'wishes', periodId: p.id, periodName: p.name, deadline: p.wishDeadline, unitName: p.unitName, step: r.step };
        }
        const m = batch.milestones.get(r.milestone_id!)!;
        return { kind: 'milestone', milestoneId: m.id, milestoneTitle: m.title, deadline: m.deadline, unitName: batch.units.get(r.unit_key)?.name ?? '–', step: r.step };
      });
      const mail = composeReminderMail({ language, name: recipient.displayName, tenantName: batch.tenant?.name ?? '', publicUrl, digest: rows[0]!.delivery === 'digest', items, today: osloDate(now) });
      const ids = rows.map((r) => r.id);
      let outcome: { id: string | null; status: 'sent' | 'stored' | 'failed'; error: string | null };
      try {
        const sent = await mailer.send({ tenantId, to: recipient.email, subject: mail.subject, text: mail.text });
        outcome = { id: sent.id, status: sent.status, error: sent.status === 'failed' ? 'delivery failed (see the mail outbox)' : null };
      } catch (error) {
        outcome = { id: null, status: 'failed', error: error instanceof Error ? error.message.slice(0, 500) : 'delivery failed' };
      }
      const ok = outcome.status !== 'failed';
      await database.withTenant(tenantId, (tx) => markReminders(tx, ids, { status: ok ? 'sent' : 'failed', mailId: outcome.id, error: outcome.error, at: new Date() }));
      result.mails++;
      if (ok) result.sent += ids.length;
      else result.failed += ids.length;
    }
  }
  return result;
}
