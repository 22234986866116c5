// Number and date formatting in the reader's language. Building an Intl formatter costs far
// more than using one, so each (language, options) pair is built once per process and reused.
import type { Language } from '../../locales/index.ts';

/** The BCP 47 locale for each interface language (nynorsk and bokmål share Norwegian number formats). */
export const FORMAT_LOCALES = { nn: 'nn-NO', nb: 'nb-NO', en: 'en-GB' } as const satisfies Record<Language, string>;

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function numberFormat(language: Language, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(FORMAT_LOCALES[language], options)));
  return f;
}

export function dateTimeFormat(language: Language, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(FORMAT_LOCALES[language], options)));
  return f;
}
