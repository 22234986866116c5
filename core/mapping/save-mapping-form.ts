// Save a unit's mapping form while it is with the unit (draft or returned): the joint discussion
// (date, who took part) and the needs. The unit's leaders only; the version read guards against
// overwriting someone else's newer save.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findFormById } from '../../db/repositories/mapping.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { isEditable, parseMappingInput, ZFormContentSchema, type TFormStatus } from './mapping.rules.ts';
import { accountIdOf, formMilestoneFor, requireUnit, syncWheelStatus } from './mapping-context.ts';
import { writeFormContent } from './form-content.ts';

export interface SaveMappingFormOptions {
  database: Database;
  actor: Actor;
  formId: string;
  input: unknown;
  requestId?: string;
}

export async function saveMappingForm({ database, actor, formId, input, requestId }: SaveMappingFormOptions): Promise<{ version: number }> {
  authorize(actor, 'mapping.read', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(formId).success) throw notFound();
  const content = parseMappingInput(ZFormContentSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const found = await findFormById(tx, formId);
    if (!found) throw notFound();
    const unit = await requireUnit(tx, found.form.unitId);
    authorize(actor, 'mapping.form.edit', { tenantId: actor.tenantId, unitPaths: [unit.path] });
    if (!isEditable(found.form.status as TFormStatus)) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'mapping.errors.notEditable' });
    // The milestone is looked up again: a coordinator may have added or changed it since the form was started.
    const milestone = await formMilestoneFor(tx, found.form.cycleId, unit.id);
    const version = await writeFormContent(tx, { tenantId: actor.tenantId, formId, cycleYear: found.cycleYear, unit, content, milestoneId: milestone?.id ?? null });
    await syncWheelStatus(tx, { tenantId: actor.tenantId, milestoneId: milestone?.id ?? null, unitId: unit.id, formStatus: found.form.status as TFormStatus, accountId: accountIdOf(actor) });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'mapping.form.save', subjectType: 'mapping_form', subjectId: formId, requestId, details: { needs: content.needs.length } });
    return { version };
  });
}
