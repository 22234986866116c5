// Dates on the wheel pages: a calendar date (YYYY-MM-DD) written out in the chosen language.
import type { Language } from '../../locales/index.ts';
import { dateTimeFormat } from '../i18n/format.ts';

export function formatDate(date: string, language: Language): string {
  return dateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
