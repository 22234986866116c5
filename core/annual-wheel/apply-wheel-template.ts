// Create a year's cycle from a template (Gloppen or Flora, from the seeds): the cycle and its
// milestones in one transaction. Refused with CONFLICT when the year already has a cycle, so
// applying twice never doubles the milestones.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { insertCycle, insertMilestones } from '../../db/repositories/wheel.repository.ts';
import { translate, type Language } from '../../locales/index.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { DEFAULT_OVERDUE_EVERY_DAYS, DEFAULT_REMINDER_OFFSETS, parseWheelInput, TEMPLATE_IDS, templateMilestones, ZYearSchema } from './annual-wheel.rules.ts';

export const ZApplyTemplateSchema = z.object({ template: z.enum(TEMPLATE_IDS), year: ZYearSchema });

export interface ApplyWheelTemplateOptions {
  database: Database;
  actor: Actor;
  input: unknown;
  /** Language of the milestone titles and descriptions written into the cycle. */
  language: Language;
  requestId?: string;
}

export async function applyWheelTemplate({ database, actor, input, language, requestId }: ApplyWheelTemplateOptions): Promise<{ cycleId: string; year: number; milestones: number }> {
  authorize(actor, 'wheel.write', { tenantId: actor.tenantId });
  const { template, year } = parseWheelInput(ZApplyTemplateSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const cycle = await insertCycle(tx, { tenantId: actor.tenantId, year, template, title: translate(language, 'wheel.cycle.defaultTitle', { year }) });
    if (!cycle) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'wheel.errors.cycleExists', params: { year } });
    const rows = templateMilestones(template, year).map((m) => ({
      tenantId: actor.tenantId,
      cycleId: cycle.id,
      title: translate(language, `wheel.templates.${template}.${m.key}.title`),
      description: translate(language, `wheel.templates.${template}.${m.key}.description`),
      deadline: m.deadline,
      ownerRole: m.ownerRole,
      concerns: m.concerns,
      targetKind: m.targetKind,
      targetUnitIds: [],
      reminderOffsets: [...DEFAULT_REMINDER_OFFSETS],
      overdueEveryDays: DEFAULT_OVERDUE_EVERY_DAYS,
      escalateAfterDays: m.escalateAfterDays,
    }));
    await insertMilestones(tx, rows);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'wheel.template.apply', subjectType: 'wheel_cycle', subjectId: cycle.id, requestId, details: { template, year, milestones: rows.length } });
    return { cycleId: cycle.id, year, milestones: rows.length };
  });
}
