// Hand in a unit's mapping form (draft or returned → submitted), saving the content sent with it
// first. The form must record the joint discussion (date, who took part) and at least one need.
// The unit's status on the cycle's mapping_form milestone becomes "done" (source mapping_form).
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findFormById, updateForm } from '../../db/repositories/mapping.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion, validation } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { nextStatus, parseMappingInput, submitIssues, ZFormContentSchema, type TFormStatus } from './mapping.rules.ts';
import { accountIdOf, formMilestoneFor, requireUnit, syncWheelStatus, today as todayOf } from './mapping-context.ts';
import { writeFormContent } from './form-content.ts';

export interface SubmitMappingFormOptions {
  database: Database;
  actor: Actor;
  formId: string;
  input: unknown;
  requestId?: string;
  now?: Date;
}

export async function submitMappingForm({ database, actor, formId, input, requestId, now }: SubmitMappingFormOptions): Promise<{ version: number }> {
  authorize(actor, 'mapping.read', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(formId).success) throw notFound();
  const content = parseMappingInput(ZFormContentSchema, input);
  const issues = submitIssues({ ...content, needCount: content.needs.length }, todayOf(now));
  if (issues.length) throw validation(issues);
  return database.withTenant(actor.tenantId, async (tx) => {
    const found = await findFormById(tx, formId);
    if (!found) throw notFound();
    const unit = await requireUnit(tx, found.form.unitId);
    authorize(actor, 'mapping.form.edit', { tenantId: actor.tenantId, unitPaths: [unit.path] });
    const status = nextStatus(found.form.status as TFormStatus, 'submit');
    if (!status) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'mapping.errors.notEditable' });
    const milestone = await formMilestoneFor(tx, found.form.cycleId, unit.id);
    const saved = await writeFormContent(tx, { tenantId: actor.tenantId, formId, cycleYear: found.cycleYear, unit, content, milestoneId: milestone?.id ?? null });
    const version = await updateForm(tx, formId, saved, { status, submittedAt: now ?? new Date(), submittedByAccountId: accountIdOf(actor), returnComment: null });
    if (version === null) throw staleVersion();
    await syncWheelStatus(tx, { tenantId: actor.tenantId, milestoneId: milestone?.id ?? null, unitId: unit.id, formStatus: status, accountId: accountIdOf(actor) });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'mapping.form.submit', subjectType: 'mapping_form', subjectId: formId, requestId, details: { needs: content.needs.length } });
    return { version };
  });
}
