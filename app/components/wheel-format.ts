// Dates on the wheel pages: a calendar date (YYYY-MM-DD) written out in the chosen language.
import type { Language } from '../../locales/index.ts';

export function formatDate(date: string, language: Language): string {
  const locale = language === 'en' ? 'en-GB' : language === 'nb' ? 'nb-NO' : 'nn-NO';
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
