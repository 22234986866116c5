// A unit's action and development plan as a PDF in the chosen language (A4, page numbers):
// status and approval, the sections, the action programme with its total, the 4-year sketch
// (rows and the cost per year) and the areas for yearly evaluation. NOT_FOUND when the actor may
// not see the plan.
import type { Database } from '../../db/client.ts';
import { translate, type Language } from '../../locales/index.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { buildPdfDocument, type PdfBlock } from '../shared/pdf.ts';
import { getUnitPlan } from './get-unit-plan.ts';
import { unitPlanDocument } from './unit-plan-document.ts';

export async function exportUnitPlanPdf({ database, actor, unitId, year, language }: { database: Database; actor: Actor; unitId: unknown; year: unknown; language: Language }): Promise<{ fileName: string; body: Buffer }> {
  const view = await getUnitPlan({ database, actor, unitId, year });
  if (!view.plan) throw notFound();
  const doc = unitPlanDocument(view, language);
  const t = (key: string) => translate(language, key);
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: doc.title },
    { kind: 'paragraph', text: doc.facts.join(' · ') },
  ];
  for (const s of doc.sections) {
    blocks.push({ kind: 'heading', level: 2, text: s.heading });
    for (const para of (s.text || t('unitPlan.doc.empty')).split(/\n+/)) blocks.push({ kind: 'paragraph', text: para });
  }
  blocks.push({ kind: 'heading', level: 2, text: t('unitPlan.sections.actions') });
  if (doc.actions.rows.length === 0) blocks.push({ kind: 'paragraph', text: t('unitPlan.doc.empty') });
  else blocks.push({ kind: 'table', header: doc.actions.header, rows: [...doc.actions.rows, doc.actions.totalRow], widths: [0.26, 0.3, 0.15, 0.13, 0.16], right: [4], boldRows: [doc.actions.rows.length] });
  blocks.push({ kind: 'heading', level: 2, text: t('unitPlan.sections.outlook') });
  blocks.push({ kind: 'table', header: [t('unitPlan.outlook.year'), t('unitPlan.outlook.items'), t('unitPlan.outlook.cost')], rows: doc.outlook.yearTotals, widths: [0.2, 0.5, 0.3], right: [2] });
  if (doc.outlook.rows.length > 0) blocks.push({ kind: 'table', header: doc.outlook.header, rows: doc.outlook.rows, widths: [0.1, 0.35, 0.37, 0.18], right: [3] });
  blocks.push({ kind: 'heading', level: 2, text: t('unitPlan.sections.evaluations') });
  if (doc.evaluations.rows.length === 0) blocks.push({ kind: 'paragraph', text: t('unitPlan.doc.empty') });
  else blocks.push({ kind: 'table', header: doc.evaluations.header, rows: doc.evaluations.rows, widths: [0.35, 0.45, 0.2] });
  return { fileName: `${doc.fileBase}.pdf`, body: buildPdfDocument({ title: doc.title, blocks, footer: doc.footer }) };
}
