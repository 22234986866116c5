// The leader sets up a period: dates and deadlines, shift types, staffing per shift and
// weekday with its competence mix, the rule set (its rules are copied into the period) and
// the employees' unavailable days. Only while the roster is a draft or returned; under the
// period's version.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findPeriod, findRuleSet, updatePeriod } from '../../db/repositories/roster.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion, validation, type ValidationIssue } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { loadContext, periodResource, periodStatus } from './roster-period.ts';
import { isEditable, parseDayList, parseRosterInput, setupIssues, ZPeriodInputSchema, ZRuleSetSchema, ZShiftTypeSchema, ZStaffingSchema } from './roster.rules.ts';

export const ZRosterSetupSchema = z.object({
  version: z.coerce.number().int().min(1),
  period: ZPeriodInputSchema,
  ruleSetId: z.uuid().nullable(),
  shiftTypes: z.array(ZShiftTypeSchema).min(1).max(8),
  staffing: ZStaffingSchema,
  /** personId → text of unavailable dates (see parseDayList). */
  unavailability: z.record(z.string(), z.string().max(2000)),
});

export interface UpdateRosterSetupOptions {
  database: Database;
  actor: Actor;
  periodId: string;
  input: unknown;
  requestId?: string;
}

export async function updateRosterSetup({ database, actor, periodId, input, requestId }: UpdateRosterSetupOptions): Promise<{ version: number }> {
  if (!z.uuid().safeParse(periodId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const period = await findPeriod(tx, periodId);
    if (!period) throw notFound();
    authorize(actor, 'roster.manage', periodResource(actor, period));
    const values = parseRosterInput(ZRosterSetupSchema, input);
    if (period.version !== values.version) throw staleVersion();
    if (!isEditable(periodStatus(period))) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'roster.errors.notEditable' });
    let rules = period.rules;
    if (values.ruleSetId && values.ruleSetId !== period.ruleSetId) {
      const ruleSet = await findRuleSet(tx, values.ruleSetId);
      if (!ruleSet) throw validation([{ path: 'ruleSetId', key: 'roster.errors.ruleSetMissing' }]);
      rules = ZRuleSetSchema.parse(ruleSet.rules);
    }
    const issues: ValidationIssue[] = setupIssues(values.shiftTypes, values.staffing, ZRuleSetSchema.parse(rules));
    const days = values.period.weeks * 7;
    const { ctx } = await loadContext(tx, period);
    const members = new Set(ctx.employees.map((e) => e.personId));
    const unavailability: Record<string, number[]> = {};
    for (const [personId, text] of Object.entries(values.unavailability)) {
      if (!members.has(personId)) continue;
      const parsed = parseDayList(text, values.period.startDate, days);
      if (parsed.invalid.length) issues.push({ path: `unavailability.${personId}`, key: 'roster.errors.dates', params: { dates: parsed.invalid.join(', ') } });
      if (parsed.days.length) unavailability[personId] = parsed.days;
    }
    if (issues.length) throw validation(issues);
    // Changing the dates or the shift types makes the stored roster meaningless: it is dropped.
    const reshaped =
      values.period.startDate !== period.startDate ||
      values.period.weeks !== period.weeks ||
      JSON.stringify(values.shiftTypes.map((s) => s.code).sort()) !== JSON.stringify((period.shiftTypes as { code: string }[]).map((s) => s.code).sort());
    const updated = await updatePeriod(tx, period.id, values.version, {
      ...values.period,
      ruleSetId: values.ruleSetId ?? period.ruleSetId,
      rules,
      shiftTypes: values.shiftTypes,
      staffing: values.staffing,
      unavailability,
      ...(reshaped ? { roster: null } : {}),
    });
    if (!updated) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'roster.setup.update', subjectType: 'roster_period', subjectId: period.id, requestId, details: { rosterCleared: reshaped && period.roster !== null } });
    return { version: updated.version };
  });
}
