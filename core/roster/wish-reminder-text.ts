// The words of a roster wish reminder (mail line and in-app notification), in the recipient's language.
import { translate, type Language } from '../../locales/index.ts';

/** 'wish:7' → "the deadline for roster wishes is in 7 days (…)"; 'wish:0' → "… is today". */
export function wishReminderText(language: Language, step: string, deadline: string): string {
  const days = Number(step.split(':')[1] ?? 0);
  if (days === 0) return translate(language, 'roster.reminder.today', { deadline });
  if (days === 1) return translate(language, 'roster.reminder.tomorrow', { deadline });
  return translate(language, 'roster.reminder.before', { days, deadline });
}

export function wishesPath(periodId: string): string {
  return `/roster/periods/${periodId}/wishes`;
}
