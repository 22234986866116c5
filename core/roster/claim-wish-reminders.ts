// Claim the roster wish reminders due on a reminder day, for one tenant, inside the caller's
// transaction: employees of a period's unit who have not entered any wish get a reminder some days
// before the wish deadline (the period's `wishReminderDays`, 7 and 1 by default). The rows go into
// the wheel's reminder outbox (wheel_reminders, with `roster_period_id` instead of a milestone),
// claimed with INSERT … ON CONFLICT DO NOTHING on the unique (tenant, account, period, step), and the
// in-app notification is written in the same transaction for each row this run inserted — the
// same exactly-once machinery as the wheel's own steps (core/annual-wheel/send-due-reminders.ts),
// which then mails them with the wheel's reminders, honouring each person's single/digest choice.
//
// Who: everyone counted as an employee of the period (an active employment directly in the unit,
// as on the setup page) with an active account, and with no saved wish for the period. People
// who have entered wishes are left alone: they know the calendar, and a reminder each week until
// the deadline would teach them to ignore Rytme's mail. Changing or clearing wishes stays possible
// until the deadline either way.
import type { Tx } from '../../db/client.ts';
import { listAccountsOfPersons, listPeriodsWithWishDeadlineBetween, listPersonsWithWishes, listUnitEmployees } from '../../db/repositories/roster.repository.ts';
import { claimReminders, insertNotifications, type ReminderClaim } from '../../db/repositories/wheel.repository.ts';
import { isLanguage, translate, type Language } from '../../locales/index.ts';
import { dueWishReminder, MAX_WISH_REMINDER_DAYS } from './roster.rules.ts';
import { wishesPath, wishReminderText } from './wish-reminder-text.ts';

export interface ClaimWishRemindersOptions {
  tenantId: string;
  /** The reminder day (core/annual-wheel/annual-wheel.rules.ts reminderDay). */
  today: string;
  tenantLanguage: string;
  /** account id → 'single' | 'digest' (the person's choice on Varsla mine). */
  deliveries: (accountIds: readonly string[]) => Promise<Map<string, string>>;
}

/** Returns the number of reminder rows this run claimed. */
export async function claimWishReminders(tx: Tx, { tenantId, today, tenantLanguage, deliveries }: ClaimWishRemindersOptions): Promise<number> {
  // A period's reminders fall at most MAX_WISH_REMINDER_DAYS before its deadline, and none after it.
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + MAX_WISH_REMINDER_DAYS * 86_400_000).toISOString().slice(0, 10);
  const periods = (await listPeriodsWithWishDeadlineBetween(tx, today, until))
    .map((p) => ({ ...p, due: dueWishReminder(p.wishDeadline, p.wishReminderDays, today) }))
    .filter((p) => p.due !== null);
  if (periods.length === 0) return 0;
  const withWishes = await listPersonsWithWishes(tx, periods.map((p) => p.id));
  type Wanted = ReminderClaim & { periodName: string; deadline: string; language: Language };
  const wanted: Wanted[] = [];
  const employeesByUnit = new Map<string, Awaited<ReturnType<typeof listUnitEmployees>>>();
  for (const p of periods) {
    if (!employeesByUnit.has(p.unitId)) employeesByUnit.set(p.unitId, await listUnitEmployees(tx, p.unitId));
    const waiting = employeesByUnit.get(p.unitId)!.filter((e) => !withWishes.has(`${p.id}/${e.personId}`));
    for (const account of await listAccountsOfPersons(tx, waiting.map((e) => e.personId))) {
      const language = isLanguage(account.language) ? account.language : isLanguage(tenantLanguage) ? tenantLanguage : 'nn';
      wanted.push({ tenantId, accountId: account.accountId, milestoneId: null, rosterPeriodId: p.id, unitKey: p.unitId, step: p.due!.step, stepDate: p.due!.date, delivery: 'single', periodName: p.name, deadline: p.wishDeadline, language });
    }
  }
  if (wanted.length === 0) return 0;
  const chosen = await deliveries([...new Set(wanted.map((w) => w.accountId))]);
  for (const w of wanted) w.delivery = chosen.get(w.accountId) === 'digest' ? 'digest' : 'single';
  const inserted = await claimReminders(
    tx,
    wanted.map(({ periodName: _p, deadline: _d, language: _l, ...claim }) => claim),
  );
  const key = (r: { accountId: string; rosterPeriodId?: string | null; step: string }) => `${r.accountId}/${r.rosterPeriodId}/${r.step}`;
  const byKey = new Map(wanted.map((w) => [key(w), w]));
  await insertNotifications(
    tx,
    inserted.map((row) => {
      const w = byKey.get(key(row))!;
      return {
        tenantId,
        accountId: row.accountId,
        kind: 'roster.wishReminder',
        reminderId: row.id,
        title: translate(w.language, 'roster.reminder.title', { period: w.periodName }),
        body: wishReminderText(w.language, w.deadline, today),
        link: wishesPath(row.rosterPeriodId!),
      };
    }),
  );
  return inserted.length;
}
