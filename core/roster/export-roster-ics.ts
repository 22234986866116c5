// An employee downloads their own published roster as ICS (or a leader of the unit, for one
// of its employees). Only published or locked rosters: drafts are not anyone's plan yet.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { loadPublishedRow } from './roster-period.ts';
import { buildRosterIcs } from './roster.ics.ts';

export interface ExportRosterIcsOptions {
  database: Database;
  actor: Actor;
  periodId: string;
  /** Whose roster; defaults to the actor's own person. */
  personId?: string | null;
  host: string;
  now?: Date;
  requestId?: string;
}

export async function exportRosterIcs({ database, actor, periodId, personId, host, now = new Date(), requestId }: ExportRosterIcsOptions): Promise<{ fileName: string; body: string }> {
  if (!z.uuid().safeParse(periodId).success) throw notFound();
  const own = actor.kind === 'account' ? actor.personId : null;
  const subject = personId ?? own;
  if (!subject || !z.uuid().safeParse(subject).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const { period, ctx, shifts } = await loadPublishedRow(tx, actor, periodId, subject);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'roster.export.ics', subjectType: 'roster_period', subjectId: periodId, requestId, details: { personId: subject } });
    const body = buildRosterIcs({ periodId, personId: subject, calendarName: `${period.name} – ${period.unitName}`, location: period.unitName, startDate: period.startDate, shiftTypes: ctx.shiftTypes, shifts, now, host });
    return { fileName: `turnus-${period.startDate}.ics`, body };
  });
}
