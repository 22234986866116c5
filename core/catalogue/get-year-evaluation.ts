// A leader's year-end page: for each unit they lead, the measures its people took part in that
// year, the unit's evaluation of each (rating + text), and each attendee's report-back to the
// unit (date, how).
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { listEnrolmentsInSubtrees, listEvaluationsOfUnit, listMeasuresUsedByUnit, listUnitsByPaths } from '../../db/repositories/catalogue.repository.ts';
import { actorLabel, type AccountActor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { today } from './catalogue-access.ts';
import { parseCatalogueInput } from './catalogue.rules.ts';

export interface GetYearEvaluationOptions {
  database: Database;
  actor: AccountActor;
  year?: unknown;
  now?: Date;
  requestId?: string;
}

export async function getYearEvaluation({ database, actor, year: rawYear, now, requestId }: GetYearEvaluationOptions) {
  authorize(actor, 'catalogue.evaluate', { tenantId: actor.tenantId });
  const { year } = parseCatalogueInput(z.object({ year: z.preprocess((v) => (v === '' || v == null ? undefined : v), z.coerce.number().int().min(2000).max(2100).optional()) }), { year: rawYear });
  const y = year ?? Number(today(now).slice(0, 4));
  return database.withTenant(actor.tenantId, async (tx) => {
    const units = await listUnitsByPaths(tx, actor.leaderUnitPaths);
    const out = [];
    for (const unit of units) {
      const used = await listMeasuresUsedByUnit(tx, unit.id, y);
      const evaluations = await listEvaluationsOfUnit(tx, unit.id, y);
      const attendees = (await listEnrolmentsInSubtrees(tx, [unit.path], ['approved'])).filter((r) => r.enrolment.unitId === unit.id && r.enrolment.attended === true && r.startDate.startsWith(String(y)));
      out.push({
        unit,
        measures: used.map((m) => {
          const e = evaluations.find((x) => x.measureId === m.id);
          return { ...m, evaluation: e ? { rating: e.rating, text: e.text, version: e.version } : null };
        }),
        attendees: attendees.map((r) => ({ id: r.enrolment.id, version: r.enrolment.version, personName: `${r.givenName} ${r.familyName}`, measureTitle: r.measureTitle, reportBackDate: r.enrolment.reportBackDate, reportBackHow: r.enrolment.reportBackHow })),
      });
    }
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'catalogue.enrolments.read', subjectType: 'enrolment', requestId, details: { view: 'year-evaluation', year: y } });
    return { year: y, units: out };
  });
}
