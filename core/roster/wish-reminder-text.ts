// The words of a roster wish reminder (mail line and in-app notification), in the recipient's language.
import { translate, type Language } from '../../locales/index.ts';
import { daysBetween } from '../annual-wheel/annual-wheel.rules.ts';

/** "The deadline for roster wishes is in 7 days / tomorrow / today (…)", counted from `today` (the day the text is written). */
export function wishReminderText(language: Language, deadline: string, today: string): string {
  const days = Math.max(0, daysBetween(today, deadline));
  if (days === 0) return translate(language, 'roster.reminder.today', { deadline });
  if (days === 1) return translate(language, 'roster.reminder.tomorrow', { deadline });
  return translate(language, 'roster.reminder.before', { days, deadline });
}

export function wishesPath(periodId: string): string {
  return `/roster/periods/${periodId}/wishes`;
}
