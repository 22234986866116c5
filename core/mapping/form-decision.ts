// The coordinator's decision on a handed-in form, shared by return-mapping-form and
// approve-mapping-form: the status rule, the version, the wheel status and the audit row.
import type { Tx } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findFormById, updateForm } from '../../db/repositories/mapping.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { nextStatus, type TFormStatus } from './mapping.rules.ts';
import { accountIdOf, formMilestoneFor, syncWheelStatus } from './mapping-context.ts';

export async function decideForm(
  tx: Tx,
  values: { actor: Actor; formId: string; transition: 'return' | 'approve'; version: number; comment: string | null; requestId: string | undefined; now: Date },
): Promise<{ version: number }> {
  const { actor } = values;
  authorize(actor, 'mapping.form.decide', { tenantId: actor.tenantId });
  const found = await findFormById(tx, values.formId);
  if (!found) throw notFound();
  const status = nextStatus(found.form.status as TFormStatus, values.transition);
  if (!status) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'mapping.errors.wrongStatus' });
  const milestone = await formMilestoneFor(tx, found.form.cycleId, found.form.unitId);
  const version = await updateForm(tx, values.formId, values.version, { status, returnComment: values.comment, decidedAt: values.now, decidedByAccountId: accountIdOf(actor), milestoneId: milestone?.id ?? null });
  if (version === null) throw staleVersion();
  await syncWheelStatus(tx, { tenantId: actor.tenantId, milestoneId: milestone?.id ?? null, unitId: found.form.unitId, formStatus: status, accountId: accountIdOf(actor) });
  await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: `mapping.form.${values.transition}`, subjectType: 'mapping_form', subjectId: values.formId, requestId: values.requestId, details: { unitId: found.form.unitId } });
  return { version };
}
