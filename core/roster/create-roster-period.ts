// A new roster period for a unit: dates, rotation length, wish deadline and publishing lead
// time; shift types, staffing and the tenant's default rule set start from the defaults. The wish
// deadline goes on the annual wheel in the same transaction (a milestone for the unit, owned by its
// leaders, concerns 'other') when the wheel has a cycle for the deadline's year; without one the
// period is still created and the caller is told (wheelMilestoneId null).
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findUnit } from '../../db/repositories/org-unit.repository.ts';
import { findRuleSet, insertPeriod } from '../../db/repositories/roster.repository.ts';
import { translate, DEFAULT_LANGUAGE, type Language } from '../../locales/index.ts';
import { addUnitDeadline } from '../annual-wheel/add-unit-deadline.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, validation } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { defaultRuleSet } from './roster-period.ts';
import { DEFAULT_SHIFT_TYPES, defaultStaffing, parseRosterInput, ZPeriodInputSchema, ZRuleSetSchema } from './roster.rules.ts';

export const ZCreateRosterPeriodSchema = ZPeriodInputSchema.and(z.object({ ruleSetId: z.uuid().optional() }));

export interface CreateRosterPeriodOptions {
  database: Database;
  actor: Actor;
  unitId: string;
  input: unknown;
  /** The language of the wheel milestone's title and description. */
  language?: Language;
  requestId?: string;
}

export async function createRosterPeriod({ database, actor, unitId, input, language = DEFAULT_LANGUAGE, requestId }: CreateRosterPeriodOptions): Promise<{ id: string; wheelMilestoneId: string | null; wishDeadlineYear: number }> {
  if (!z.uuid().safeParse(unitId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const unit = await findUnit(tx, unitId);
    if (!unit || unit.archivedAt) throw notFound();
    authorize(actor, 'roster.manage', { tenantId: actor.tenantId, unitPaths: [unit.path] });
    const values = parseRosterInput(ZCreateRosterPeriodSchema, input);
    const ruleSet = values.ruleSetId ? await findRuleSet(tx, values.ruleSetId) : await defaultRuleSet(tx, actor.tenantId);
    if (!ruleSet) throw validation([{ path: 'ruleSetId', key: 'roster.errors.ruleSetMissing' }]);
    const period = await insertPeriod(tx, {
      tenantId: actor.tenantId,
      unitId,
      name: values.name,
      startDate: values.startDate,
      weeks: values.weeks,
      wishDeadline: values.wishDeadline,
      publishLeadDays: values.publishLeadDays,
      ...(values.wishReminderDays ? { wishReminderDays: values.wishReminderDays } : {}),
      ruleSetId: ruleSet.id,
      rules: ZRuleSetSchema.parse(ruleSet.rules),
      shiftTypes: DEFAULT_SHIFT_TYPES,
      staffing: defaultStaffing(),
      unavailability: {},
    });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'roster.period.create', subjectType: 'roster_period', subjectId: period.id, requestId, details: { unitId, weeks: values.weeks } });
    const wheelMilestoneId = await addUnitDeadline(tx, {
      tenantId: actor.tenantId,
      actorLabel: actorLabel(actor),
      unitId,
      title: translate(language, 'roster.wheel.wishTitle', { period: values.name, unit: unit.name }),
      description: translate(language, 'roster.wheel.wishDescription', { period: values.name }),
      deadline: values.wishDeadline,
      concerns: 'other',
      requestId,
      source: { type: 'roster_period', id: period.id },
    });
    return { id: period.id, wheelMilestoneId, wishDeadlineYear: Number(values.wishDeadline.slice(0, 4)) };
  });
}
