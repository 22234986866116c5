// The message catalogues: nynorsk (default), bokmål and English, one JSON file per area.
// `npm run check:i18n` (scripts/check-i18n.ts) fails when a key is missing in any language.
import nnCommon from './nn/common.json' with { type: 'json' };
import nbCommon from './nb/common.json' with { type: 'json' };
import enCommon from './en/common.json' with { type: 'json' };
import nnErrors from './nn/errors.json' with { type: 'json' };
import nbErrors from './nb/errors.json' with { type: 'json' };
import enErrors from './en/errors.json' with { type: 'json' };
import nnAuth from './nn/auth.json' with { type: 'json' };
import nbAuth from './nb/auth.json' with { type: 'json' };
import enAuth from './en/auth.json' with { type: 'json' };
import nnOrg from './nn/org.json' with { type: 'json' };
import nbOrg from './nb/org.json' with { type: 'json' };
import enOrg from './en/org.json' with { type: 'json' };
import nnImport from './nn/import.json' with { type: 'json' };
import nbImport from './nb/import.json' with { type: 'json' };
import enImport from './en/import.json' with { type: 'json' };
import nnAdmin from './nn/admin.json' with { type: 'json' };
import nbAdmin from './nb/admin.json' with { type: 'json' };
import enAdmin from './en/admin.json' with { type: 'json' };
import nnWheel from './nn/wheel.json' with { type: 'json' };
import nbWheel from './nb/wheel.json' with { type: 'json' };
import enWheel from './en/wheel.json' with { type: 'json' };
import nnRoster from './nn/roster.json' with { type: 'json' };
import nbRoster from './nb/roster.json' with { type: 'json' };
import enRoster from './en/roster.json' with { type: 'json' };
import nnMaturity from './nn/maturity.json' with { type: 'json' };
import nbMaturity from './nb/maturity.json' with { type: 'json' };
import enMaturity from './en/maturity.json' with { type: 'json' };
import nnStrategicPlan from './nn/strategicPlan.json' with { type: 'json' };
import nbStrategicPlan from './nb/strategicPlan.json' with { type: 'json' };
import enStrategicPlan from './en/strategicPlan.json' with { type: 'json' };
import nnMeasures from './nn/measures.json' with { type: 'json' };
import nbMeasures from './nb/measures.json' with { type: 'json' };
import enMeasures from './en/measures.json' with { type: 'json' };
import nnMapping from './nn/mapping.json' with { type: 'json' };
import nbMapping from './nb/mapping.json' with { type: 'json' };
import enMapping from './en/mapping.json' with { type: 'json' };
import nnCatalogue from './nn/catalogue.json' with { type: 'json' };
import nbCatalogue from './nb/catalogue.json' with { type: 'json' };
import enCatalogue from './en/catalogue.json' with { type: 'json' };
import nnDashboard from './nn/dashboard.json' with { type: 'json' };
import nbDashboard from './nb/dashboard.json' with { type: 'json' };
import enDashboard from './en/dashboard.json' with { type: 'json' };
import nnCompetencePlan from './nn/competencePlan.json' with { type: 'json' };
import nbCompetencePlan from './nb/competencePlan.json' with { type: 'json' };
import enCompetencePlan from './en/competencePlan.json' with { type: 'json' };
import nnUnitPlan from './nn/unitPlan.json' with { type: 'json' };
import nbUnitPlan from './nb/unitPlan.json' with { type: 'json' };
import enUnitPlan from './en/unitPlan.json' with { type: 'json' };

export const LANGUAGES = ['nn', 'nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nn';

const nn = { common: nnCommon, errors: nnErrors, auth: nnAuth, org: nnOrg, import: nnImport, admin: nnAdmin, wheel: nnWheel, roster: nnRoster, maturity: nnMaturity, strategicPlan: nnStrategicPlan, measures: nnMeasures, mapping: nnMapping, catalogue: nnCatalogue, dashboard: nnDashboard, competencePlan: nnCompetencePlan, unitPlan: nnUnitPlan };
type Catalogue = typeof nn;

export const catalogues: Record<Language, Catalogue> = {
  nn,
  nb: { common: nbCommon, errors: nbErrors, auth: nbAuth, org: nbOrg, import: nbImport, admin: nbAdmin, wheel: nbWheel, roster: nbRoster, maturity: nbMaturity, strategicPlan: nbStrategicPlan, measures: nbMeasures, mapping: nbMapping, catalogue: nbCatalogue, dashboard: nbDashboard, competencePlan: nbCompetencePlan, unitPlan: nbUnitPlan },
  en: { common: enCommon, errors: enErrors, auth: enAuth, org: enOrg, import: enImport, admin: enAdmin, wheel: enWheel, roster: enRoster, maturity: enMaturity, strategicPlan: enStrategicPlan, measures: enMeasures, mapping: enMapping, catalogue: enCatalogue, dashboard: enDashboard, competencePlan: enCompetencePlan, unitPlan: enUnitPlan },
};

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every message key, derived from the nynorsk catalogue. */
export type MessageKey = Leaves<Catalogue>;
export type MessageParams = Record<string, string | number>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Each catalogue flattened once to key → message ('common.nav.home' → 'Heim'): a lookup per message, no walking. */
const flat = new Map<Language, Map<string, string>>();
function flatten(node: unknown, prefix: string, into: Map<string, string>): Map<string, string> {
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (typeof v === 'string') into.set(prefix + k, v);
    else if (v !== null && typeof v === 'object') flatten(v, `${prefix}${k}.`, into);
  }
  return into;
}
function lookup(language: Language, key: string): string | undefined {
  let messages = flat.get(language);
  if (!messages) flat.set(language, (messages = flatten(catalogues[language], '', new Map())));
  return messages.get(key);
}

/**
 * Translate a key. Dynamic keys (e.g. from AppError.messageKey) are accepted as strings; an
 * unknown key falls back to nynorsk, then to the key itself so a gap is visible, never blank.
 */
export function translate(language: Language, key: MessageKey | (string & {}), params?: MessageParams): string {
  const template = lookup(language, key) ?? lookup('nn', key) ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Pick the language: explicit choice, then account/tenant preference, then Accept-Language. */
export function negotiateLanguage(candidates: Array<string | null | undefined>, acceptLanguage: string | null): Language {
  for (const c of candidates) if (isLanguage(c)) return c;
  if (acceptLanguage) {
    const tags = acceptLanguage
      .split(',')
      .map((part) => {
        const [tag = '', q] = part.trim().split(';q=');
        return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
      })
      .sort((a, b) => b.q - a.q);
    for (const { tag } of tags) {
      if (tag.startsWith('nn')) return 'nn';
      if (tag.startsWith('nb') || tag === 'no' || tag.startsWith('no-')) return 'nb';
      if (tag.startsWith('en')) return 'en';
    }
  }
  return DEFAULT_LANGUAGE;
}
