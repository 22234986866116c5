// What the municipal plan's exports print, in the chosen language: the same figures for the PDF
// and the spreadsheet, made once from `getCompetencePlan`. Pure apart from the translation lookup.
import { translate, type Language } from '../../locales/index.ts';
import { measureTypeKey } from '../shared/measure-types.ts';
import type { CompetencePlanView } from './get-competence-plan.ts';

const LOCALES = { nn: 'nn-NO', nb: 'nb-NO', en: 'en-GB' } as const satisfies Record<Language, string>;

export interface PlanDocument {
  fileBase: string;
  title: string;
  facts: string[];
  summary: string;
  items: { header: string[]; rows: string[][]; totalRow: string[]; cutAfter: number | null };
  /** The units' needs by area (readers only). */
  needs: { header: string[]; rows: string[][] } | null;
  sectors: { header: string[]; rows: string[][] } | null;
  /** The 4-year outlook: cost per area and year, needs (readers only) and planned; the last row is the total. */
  outlook: { header: string[]; needs: string[][] | null; planned: string[][] };
  mix: string;
  footer: string;
  /** Raw numbers for the spreadsheet, in the item table's order. */
  itemNumbers: Array<{ priority: number; area: string; measures: string; people: number; cost: number; cumulative: number; within: boolean; note: string }>;
}

export function planDocument(view: CompetencePlanView, language: Language): PlanDocument {
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const num = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'Europe/Oslo' });
  const nok = (n: number) => `${num.format(n)} kr`;
  const { plan, framed, aggregate, mix } = view;
  const facts = [
    t('competencePlan.doc.year', { year: plan.year }),
    t(`competencePlan.status.${plan.status}`),
    plan.budgetFrameNok === null ? t('competencePlan.doc.noFrame') : t('competencePlan.doc.frame', { amount: nok(plan.budgetFrameNok) }),
    t('competencePlan.doc.planned', { amount: nok(framed.totalNok) }),
  ];
  if (plan.approvedAt) facts.push(t('competencePlan.doc.approved', { name: plan.approvedByName ?? '', date: date.format(plan.approvedAt) }));
  const measures = (types: readonly string[]) => types.map((m) => t(measureTypeKey(m as never))).join(', ');
  const outlookRows = (key: 'needNok' | 'plannedNok') =>
    [...view.outlook.areas.map((a) => ({ name: a.areaName, cells: a.cells })), { name: t('competencePlan.outlook.total'), cells: view.outlook.totals }].map((row) => [row.name, ...row.cells.map((c) => (c[key] === null ? t('competencePlan.outlook.notDecided') : nok(c[key])))]);
  const itemNumbers = framed.items.map((i) => ({ priority: i.priority, area: i.areaName, measures: measures(i.measureTypes), people: i.peopleCount, cost: i.plannedCostNok, cumulative: i.cumulativeNok, within: i.withinFrame, note: i.note }));
  return {
    fileBase: `kompetanseplan-${plan.year}`,
    title: plan.title,
    facts,
    summary: plan.summary,
    items: {
      header: [t('competencePlan.items.priority'), t('competencePlan.items.area'), t('competencePlan.items.measures'), t('competencePlan.items.people'), t('competencePlan.items.cost'), t('competencePlan.items.cumulative')],
      rows: framed.items.map((i) => [t(`competencePlan.priority.${i.priority}`), i.areaName, measures(i.measureTypes), num.format(i.peopleCount), nok(i.plannedCostNok), nok(i.cumulativeNok) + (i.withinFrame ? '' : ` (${t('competencePlan.items.overFrame')})`)]),
      totalRow: [t('competencePlan.items.total'), '', '', num.format(framed.items.reduce((s, i) => s + i.peopleCount, 0)), nok(framed.totalNok), ''],
      cutAfter: framed.cutIndex,
    },
    needs: aggregate
      ? {
          header: [t('competencePlan.needs.area'), t('competencePlan.needs.people'), t('competencePlan.needs.short'), t('competencePlan.needs.long'), t('competencePlan.needs.cost'), t('competencePlan.needs.substitute'), t('competencePlan.needs.total')],
          rows: aggregate.areas.map((a) => [a.areaName, num.format(a.total.people), num.format(a.short.people), num.format(a.long.people), nok(a.total.costNok), nok(a.total.substituteCostNok), nok(a.total.totalNok)]),
        }
      : null,
    sectors: aggregate
      ? {
          header: [t('competencePlan.needs.sector'), t('competencePlan.needs.people'), t('competencePlan.needs.total')],
          rows: aggregate.sectors.map((s) => [s.sectorName ?? t('competencePlan.needs.noSector'), num.format(s.people), nok(s.totalNok)]),
        }
      : null,
    outlook: {
      header: [t('competencePlan.outlook.area'), ...view.outlook.years.map((y, i) => `${y} (${t('competencePlan.outlook.yearN', { n: i + 1 })})`)],
      needs: view.outlook.withNeeds ? outlookRows('needNok') : null,
      planned: outlookRows('plannedNok'),
    },
    mix: t('competencePlan.doc.mix', { course: num.format(Math.round(mix.course)), work: num.format(Math.round(mix.work)), percent: Math.round(mix.workShare * 100) }),
    footer: t('competencePlan.doc.footer', { title: plan.title }),
    itemNumbers,
  };
}
