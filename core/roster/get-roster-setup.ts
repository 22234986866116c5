// What the setup form of a period needs (leaders only): dates, shift types, staffing, the
// rule set choice, the unit's employees with FTE, competence and unavailable days as text.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { findPeriod, listRuleSets } from '../../db/repositories/roster.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { loadContext, periodResource, periodStatus } from './roster-period.ts';
import { formatDayList, isEditable } from './roster.rules.ts';

export interface GetRosterSetupOptions {
  database: Database;
  actor: Actor;
  periodId: string;
}

export async function getRosterSetup({ database, actor, periodId }: GetRosterSetupOptions) {
  if (!z.uuid().safeParse(periodId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const period = await findPeriod(tx, periodId);
    if (!period) throw notFound();
    authorize(actor, 'roster.manage', periodResource(actor, period));
    const { ctx } = await loadContext(tx, period);
    return {
      period: { id: period.id, name: period.name, startDate: period.startDate, weeks: period.weeks, wishDeadline: period.wishDeadline, publishLeadDays: period.publishLeadDays, wishReminderDays: period.wishReminderDays.join(', '), ruleSetId: period.ruleSetId, version: period.version, editable: isEditable(periodStatus(period)), solved: period.roster !== null },
      shiftTypes: ctx.shiftTypes,
      staffing: ctx.staffing,
      rules: ctx.rules,
      ruleSets: (await listRuleSets(tx)).map((r) => ({ id: r.id, name: r.name })),
      employees: ctx.employees.map((e) => ({ personId: e.personId, name: e.name, ftePercent: e.ftePercent, attributes: e.attributes, unavailable: formatDayList(e.unavailable, ctx.startDate) })),
    };
  });
}
