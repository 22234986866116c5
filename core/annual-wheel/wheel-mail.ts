// The texts of wheel reminders: one mail per milestone step (single) or one listing every
// due step (digest), and the in-app notification, in the recipient's language.
import { translate, type Language } from '../../locales/index.ts';
import { wishesPath, wishReminderText } from '../roster/wish-reminder-text.ts';
import { daysBetween } from './annual-wheel.rules.ts';

/** A due step: a wheel milestone's, or a roster period's wish deadline (sent to the unit's employees). */
export type ReminderItem =
  | { kind: 'milestone'; milestoneId: string; milestoneTitle: string; deadline: string; unitName: string; step: string }
  | { kind: 'wishes'; periodId: string; periodName: string; deadline: string; unitName: string; step: string };

/**
 * The words of a reminder step, counted from `today` (the day the text is written, in Norway)
 * rather than from the step's own date: a job that runs late after downtime, or a retry the day
 * after, says how things stand when the mail is read.
 */
export function stepText(language: Language, step: string, deadline: string, today: string): string {
  const left = daysBetween(today, deadline);
  if (step === 'escalation') return translate(language, 'wheel.step.escalation', { days: Math.max(0, -left), deadline });
  if (left > 1) return translate(language, 'wheel.step.before', { days: left, deadline });
  if (left === 1) return translate(language, 'wheel.step.tomorrow', { deadline });
  if (left === 0) return translate(language, 'wheel.step.due', { deadline });
  if (left === -1) return translate(language, 'wheel.step.yesterday', { deadline });
  return translate(language, 'wheel.step.overdue', { days: -left, deadline });
}

export function milestoneLink(publicUrl: string, milestoneId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/wheel/milestones/${milestoneId}`;
}

export function composeReminderMail(options: { language: Language; name: string; tenantName: string; publicUrl: string; digest: boolean; items: readonly ReminderItem[]; today: string }) {
  const { language: l, items } = options;
  const first = items[0]!;
  const base = options.publicUrl.replace(/\/+$/, '');
  const subject = options.digest
    ? translate(l, 'wheel.mail.digestSubject', { count: items.length, tenant: options.tenantName })
    : first.kind === 'wishes'
      ? translate(l, 'roster.reminder.subject', { period: first.periodName, deadline: first.deadline })
      : translate(l, first.step === 'escalation' ? 'wheel.mail.escalationSubject' : 'wheel.mail.subject', { title: first.milestoneTitle, deadline: first.deadline });
  const intro = options.digest ? 'wheel.mail.digestIntro' : first.kind === 'wishes' ? 'roster.reminder.intro' : 'wheel.mail.intro';
  const lines = [translate(l, 'wheel.mail.greeting', { name: options.name }), '', translate(l, intro), ''];
  for (const item of items) {
    if (item.kind === 'wishes') {
      lines.push(`• ${translate(l, 'roster.reminder.title', { period: item.periodName })} – ${item.unitName}: ${wishReminderText(l, item.deadline, options.today)}`, `  ${base}${wishesPath(item.periodId)}`);
    } else {
      lines.push(`• ${item.milestoneTitle} – ${item.unitName}: ${stepText(l, item.step, item.deadline, options.today)}`, `  ${milestoneLink(options.publicUrl, item.milestoneId)}`);
    }
  }
  lines.push('', translate(l, 'wheel.mail.settings', { link: `${options.publicUrl.replace(/\/+$/, '')}/wheel/notifications` }), '', translate(l, 'wheel.mail.signature', { tenant: options.tenantName }));
  return { subject, text: lines.join('\n') };
}
