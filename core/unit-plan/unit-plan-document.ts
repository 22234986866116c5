// What a unit plan's exports print, in the chosen language: the same sections and tables for the
// PDF and the spreadsheet, made once from `getUnitPlan`. Pure apart from the translation lookup.
import { translate, type Language } from '../../locales/index.ts';
import type { UnitPlanView } from './get-unit-plan.ts';

const LOCALES = { nn: 'nn-NO', nb: 'nb-NO', en: 'en-GB' } as const satisfies Record<Language, string>;

export interface UnitPlanDocument {
  fileBase: string;
  title: string;
  facts: string[];
  /** The free-text sections in the plan's order, with their headings (empty ones left out of the PDF). */
  sections: Array<{ heading: string; text: string }>;
  actions: { header: string[]; rows: string[][]; totalRow: string[] };
  outlook: { header: string[]; rows: string[][]; yearTotals: string[][] };
  evaluations: { header: string[]; rows: string[][] };
  footer: string;
  nok: (n: number | null) => string;
}

export function unitPlanDocument(view: UnitPlanView, language: Language): UnitPlanDocument {
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const num = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0 });
  const dec = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 });
  const date = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'Europe/Oslo' });
  const nok = (n: number | null) => (n === null ? '–' : `${num.format(n)} kr`);
  const plan = view.plan!;
  const title = t('unitPlan.doc.title', { unit: view.unit.name, year: view.year });
  const facts = [t('unitPlan.doc.year', { year: view.year }), t(`unitPlan.status.${plan.status}`)];
  if (plan.approvedAt) facts.push(t('unitPlan.doc.approved', { name: plan.approvedByName ?? '', date: date.format(plan.approvedAt) }));
  const factsText = [
    plan.headCount === null ? null : t('unitPlan.doc.headCount', { count: num.format(plan.headCount) }),
    plan.fteHundredths === null ? null : t('unitPlan.doc.fte', { fte: dec.format(plan.fteHundredths / 100) }),
    plan.factsNote || null,
  ]
    .filter(Boolean)
    .join('\n');
  const economy = [
    plan.budgetFrameNok === null ? t('unitPlan.doc.noFrame') : t('unitPlan.doc.frame', { amount: nok(plan.budgetFrameNok) }),
    plan.competenceBudgetNok === null ? null : t('unitPlan.doc.competenceBudget', { amount: nok(plan.competenceBudgetNok) }),
    plan.economyNote || null,
  ]
    .filter(Boolean)
    .join('\n');
  return {
    fileBase: `handlingsplan-${slug(view.unit.name)}-${view.year}`,
    title,
    facts,
    sections: [
      { heading: t('unitPlan.sections.trends'), text: plan.developmentTrends },
      { heading: t('unitPlan.sections.economy'), text: economy },
      { heading: t('unitPlan.sections.standards'), text: plan.serviceStandards },
      { heading: t('unitPlan.sections.facts'), text: factsText },
    ],
    actions: {
      header: [t('unitPlan.actions.title'), t('unitPlan.actions.competence'), t('unitPlan.actions.responsible'), t('unitPlan.actions.timing'), t('unitPlan.actions.cost')],
      rows: view.actions.map((a) => [a.title, a.competence, a.responsible, a.timing, nok(a.costNok)]),
      totalRow: [t('unitPlan.actions.total'), '', '', '', nok(view.actionCostNok)],
    },
    outlook: {
      header: [t('unitPlan.outlook.year'), t('unitPlan.outlook.title'), t('unitPlan.outlook.competence'), t('unitPlan.outlook.cost')],
      rows: view.outlook.map((o) => [String(o.year), o.title, o.competence, nok(o.costNok)]),
      yearTotals: view.outlookByYear.map((y) => [String(y.year), t('unitPlan.outlook.count', { count: y.items.length }), nok(y.costNok)]),
    },
    evaluations: {
      header: [t('unitPlan.evaluations.title'), t('unitPlan.evaluations.method'), t('unitPlan.evaluations.responsible')],
      rows: view.evaluations.map((e) => [e.title, e.competence, e.responsible]),
    },
    footer: t('unitPlan.doc.footer', { title }),
    nok,
  };
}

/** A file-name-safe form of a unit name (Norwegian letters folded). */
export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'eining'
  );
}
