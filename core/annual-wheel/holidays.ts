// Norwegian public holidays for the wheel (date-holidays, country NO, type 'public' only —
// not the observances and flag days the library also knows). The library knows only bokmål
// ('no') and English names, so nynorsk names come from NYNORSK_NAMES below, keyed by the
// library's rule for the day (easter offsets and fixed dates); a day the table does not know
// keeps the library's name.
import Holidays from 'date-holidays';
import type { Language } from '../../locales/index.ts';

export interface PublicHoliday {
  date: string;
  name: string;
}

/**
 * Nynorsk names of the public holidays (Språkrådet; the law of 1947 calls 1 and 17 May
 * "offentlege høgtidsdagar"). Most are spelt as in bokmål; 1 May is not ("Arbeidernes dag").
 */
export const NYNORSK_NAMES: Readonly<Record<string, string>> = Object.freeze({
  '01-01': 'Første nyttårsdag',
  'easter -3': 'Skjærtorsdag',
  'easter -2': 'Langfredag',
  easter: 'Første påskedag',
  'easter 1': 'Andre påskedag',
  '05-01': 'Arbeidarane sin dag',
  '05-17': 'Grunnlovsdagen',
  'easter 39': 'Kristi himmelfartsdag',
  'easter 49': 'Første pinsedag',
  'easter 50': 'Andre pinsedag',
  '12-25': 'Første juledag',
  '12-26': 'Andre juledag',
});

// The rules are the same for every request: parsing them (new Holidays) and computing a year
// cost milliseconds, so each (year, language) is computed once per process. Bounded: a wheel
// shows a handful of years; past the bound the oldest entry goes.
const cache = new Map<string, readonly PublicHoliday[]>();
const CACHE_LIMIT = 64;

export function publicHolidays(year: number, language: Language): PublicHoliday[] {
  const key = `${year}/${language}`;
  let list = cache.get(key);
  if (!list) {
    const hd = new Holidays('NO');
    list = Object.freeze(
      hd
        .getHolidays(year, language === 'en' ? 'en' : 'no')
        .filter((h) => h.type === 'public')
        .map((h) => Object.freeze({ date: h.date.slice(0, 10), name: (language === 'nn' ? NYNORSK_NAMES[h.rule] : undefined) ?? h.name })),
    );
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, list);
  }
  return list.map((h) => ({ ...h }));
}
