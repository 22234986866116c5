// An employee's published roster as a PDF to print or keep: every shift with date, weekday,
// shift and time. Same access as the ICS download.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { translate, type Language } from '../../locales/index.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { loadPublishedRow } from './roster-period.ts';
import { buildRosterPdf } from './roster.pdf.ts';
import { dateOfDay, minutesOf, weekdayOf } from './roster.rules.ts';

export interface ExportRosterPdfOptions {
  database: Database;
  actor: Actor;
  periodId: string;
  personId?: string | null;
  language: Language;
  requestId?: string;
}

const hhmm = (minutes: number) => `${String(Math.floor((minutes % 1440) / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export async function exportRosterPdf({ database, actor, periodId, personId, language, requestId }: ExportRosterPdfOptions): Promise<{ fileName: string; body: Buffer }> {
  if (!z.uuid().safeParse(periodId).success) throw notFound();
  const subject = personId ?? (actor.kind === 'account' ? actor.personId : null);
  if (!subject || !z.uuid().safeParse(subject).success) throw notFound();
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  return database.withTenant(actor.tenantId, async (tx) => {
    const { period, ctx, employee, shifts } = await loadPublishedRow(tx, actor, periodId, subject);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'roster.export.pdf', subjectType: 'roster_period', subjectId: periodId, requestId, details: { personId: subject } });
    const types = new Map(ctx.shiftTypes.map((s) => [s.code, s]));
    const rows = shifts.flatMap((code, day) => {
      const s = code ? types.get(code) : undefined;
      if (!s) return [];
      const date = dateOfDay(period.startDate, day);
      const start = minutesOf(s.start);
      return [[date, t(`roster.weekday.${weekdayOf(date)}`), `${s.name} (${s.code})`, `${s.start}–${hhmm(start + s.lengthMinutes)}`]];
    });
    const body = buildRosterPdf({
      title: t('roster.pdf.title', { name: employee.name }),
      subtitle: t('roster.pdf.subtitle', { unit: period.unitName, period: period.name, start: period.startDate, end: dateOfDay(period.startDate, ctx.days - 1), count: rows.length }),
      header: [t('roster.wishes.date'), t('roster.pdf.day'), t('roster.grid.shift'), t('roster.pdf.time')],
      rows,
      columns: [0, 90, 130, 330],
      footer: t('roster.pdf.footer', { status: t(`roster.status.${period.status}`) }),
    });
    return { fileName: `turnus-${period.startDate}.pdf`, body };
  });
}
