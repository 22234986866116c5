// Norwegian public holidays for the wheel (date-holidays, country NO, type 'public' only —
// not the observances and flag days the library also knows). Names in bokmål for nn and nb.
import Holidays from 'date-holidays';
import type { Language } from '../../locales/index.ts';

export interface PublicHoliday {
  date: string;
  name: string;
}

export function publicHolidays(year: number, language: Language): PublicHoliday[] {
  const hd = new Holidays('NO');
  return hd
    .getHolidays(year, language === 'en' ? 'en' : 'no')
    .filter((h) => h.type === 'public')
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
}
