// The municipal competence plan as a PDF in the chosen language: facts (year, status, frame,
// planned cost, who approved), the summary, the prioritised items with the cumulative cost and
// where the frame runs out, the measure mix, the 4-year outlook per area and year (needs for
// readers, planned for everyone), and for readers the units' needs by area and sector.
import type { Database } from '../../db/client.ts';
import type { Language } from '../../locales/index.ts';
import { translate } from '../../locales/index.ts';
import type { Actor } from '../shared/actor.ts';
import { buildPdfDocument, type PdfBlock } from '../shared/pdf.ts';
import { getCompetencePlan } from './get-competence-plan.ts';
import { planDocument } from './plan-document.ts';

export async function exportPlanPdf({ database, actor, planId, language }: { database: Database; actor: Actor; planId: unknown; language: Language }): Promise<{ fileName: string; body: Buffer }> {
  const view = await getCompetencePlan({ database, actor, planId });
  const doc = planDocument(view, language);
  const t = (key: string) => translate(language, key);
  const cut = doc.items.cutAfter;
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: doc.title },
    { kind: 'paragraph', text: doc.facts.join(' · ') },
  ];
  if (doc.summary) blocks.push({ kind: 'heading', level: 2, text: t('competencePlan.doc.summary') }, { kind: 'paragraph', text: doc.summary });
  blocks.push({ kind: 'heading', level: 2, text: t('competencePlan.items.title') });
  if (doc.items.rows.length === 0) blocks.push({ kind: 'paragraph', text: t('competencePlan.items.empty') });
  else {
    const widths = [0.1, 0.24, 0.26, 0.1, 0.14, 0.16];
    const right = [3, 4, 5];
    const within = cut === null ? doc.items.rows : doc.items.rows.slice(0, cut);
    blocks.push({ kind: 'table', header: doc.items.header, rows: [...within, ...(cut === null ? [doc.items.totalRow] : [])], widths, right, boldRows: cut === null ? [within.length] : [] });
    if (cut !== null) {
      blocks.push({ kind: 'paragraph', text: t('competencePlan.doc.frameLine') });
      blocks.push({ kind: 'table', header: doc.items.header, rows: [...doc.items.rows.slice(cut), doc.items.totalRow], widths, right, boldRows: [doc.items.rows.length - cut] });
    }
  }
  blocks.push({ kind: 'paragraph', text: doc.mix });
  blocks.push({ kind: 'heading', level: 2, text: t('competencePlan.outlook.title') });
  // Every area of the outlook has a planned row (the last row is the total).
  if (doc.outlook.planned.length <= 1) blocks.push({ kind: 'paragraph', text: t('competencePlan.outlook.empty') });
  else {
    const widths = [0.32, 0.17, 0.17, 0.17, 0.17];
    const right = [1, 2, 3, 4];
    if (doc.outlook.needs) {
      blocks.push({ kind: 'heading', level: 3, text: t('competencePlan.outlook.needsCost') });
      blocks.push({ kind: 'table', header: doc.outlook.header, rows: doc.outlook.needs, widths, right, boldRows: [doc.outlook.needs.length - 1] });
      blocks.push({ kind: 'heading', level: 3, text: t('competencePlan.outlook.plannedCost') });
    } else blocks.push({ kind: 'paragraph', text: t('competencePlan.doc.outlookPlannedOnly') });
    blocks.push({ kind: 'table', header: doc.outlook.header, rows: doc.outlook.planned, widths, right, boldRows: [doc.outlook.planned.length - 1] });
  }
  if (doc.needs && doc.sectors) {
    blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 2, text: t('competencePlan.needs.title') });
    blocks.push({ kind: 'table', header: doc.needs.header, rows: doc.needs.rows, widths: [0.28, 0.1, 0.1, 0.1, 0.14, 0.14, 0.14], right: [1, 2, 3, 4, 5, 6] });
    blocks.push({ kind: 'heading', level: 3, text: t('competencePlan.needs.bySector') });
    blocks.push({ kind: 'table', header: doc.sectors.header, rows: doc.sectors.rows, widths: [0.5, 0.2, 0.3], right: [1, 2] });
  }
  return { fileName: `${doc.fileBase}.pdf`, body: buildPdfDocument({ title: doc.title, blocks, footer: doc.footer }) };
}
