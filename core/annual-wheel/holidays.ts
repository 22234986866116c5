// Norwegian public holidays for the wheel (date-holidays, country NO, type 'public' only —
// not the observances and flag days the library also knows). Names in bokmål for nn and nb.
import Holidays from 'date-holidays';
import type { Language } from '../../locales/index.ts';

export interface PublicHoliday {
  date: string;
  name: string;
}

// The rules are the same for every request: parsing them (new Holidays) and computing a year
// cost milliseconds, so each (year, language) is computed once per process. Bounded: a wheel
// shows a handful of years; past the bound the oldest entry goes.
const cache = new Map<string, readonly PublicHoliday[]>();
const CACHE_LIMIT = 64;

export function publicHolidays(year: number, language: Language): PublicHoliday[] {
  const key = `${year}/${language === 'en' ? 'en' : 'no'}`;
  let list = cache.get(key);
  if (!list) {
    const hd = new Holidays('NO');
    list = Object.freeze(
      hd
        .getHolidays(year, language === 'en' ? 'en' : 'no')
        .filter((h) => h.type === 'public')
        .map((h) => Object.freeze({ date: h.date.slice(0, 10), name: h.name })),
    );
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, list);
  }
  return list.map((h) => ({ ...h }));
}
