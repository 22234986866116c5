// Start a unit's mapping form for a wheel cycle: empty, or rolled over (rullering) from the
// unit's form of the latest earlier cycle — its needs copied as a starting point and marked as
// carried over, the joint discussion left to be held again. The unit's leaders only; the
// unit's status on the cycle's mapping_form milestone becomes "in progress".
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findPreviousForm, insertForm, listAreas, listBasisEntries, listNeeds, replaceNeeds } from '../../db/repositories/mapping.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { isMeasureType } from '../shared/measure-types.ts';
import { parseMappingInput, rollOverNeeds, type TNeedTerm } from './mapping.rules.ts';
import { accountIdOf, formMilestoneFor, requireCycle, requireUnit, syncWheelStatus } from './mapping-context.ts';

export const ZStartMappingFormSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  rollOver: z.preprocess((v) => v === true || v === 'true' || v === '1', z.boolean()),
});

export interface StartMappingFormOptions {
  database: Database;
  actor: Actor;
  unitId: string;
  input: unknown;
  requestId?: string;
}

export async function startMappingForm({ database, actor, unitId, input, requestId }: StartMappingFormOptions): Promise<{ formId: string; carriedOver: number }> {
  authorize(actor, 'mapping.read', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(unitId).success) throw notFound();
  const values = parseMappingInput(ZStartMappingFormSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const unit = await requireUnit(tx, unitId);
    authorize(actor, 'mapping.form.edit', { tenantId: actor.tenantId, unitPaths: [unit.path] });
    const cycle = await requireCycle(tx, values.year);
    const milestone = await formMilestoneFor(tx, cycle.id, unit.id);
    const previous = values.rollOver ? await findPreviousForm(tx, unit.id, cycle.year) : null;
    if (values.rollOver && !previous) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'mapping.errors.nothingToRollOver' });
    const form = await insertForm(tx, { tenantId: actor.tenantId, cycleId: cycle.id, unitId: unit.id, milestoneId: milestone?.id ?? null, carriedOverFromId: previous?.form.id ?? null });
    if (!form) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'mapping.errors.formExists' });
    let carriedOver = 0;
    if (previous) {
      const needs = await listNeeds(tx, [previous.form.id]);
      const areas = await listAreas(tx);
      const basis = await listBasisEntries(tx, unit.id);
      const copied = rollOverNeeds(
        needs.map((n) => ({ ...n, term: n.term as TNeedTerm, measureTypes: n.measureTypes.filter(isMeasureType) })),
        { cycleYear: cycle.year, mergedInto: new Map(areas.filter((a) => a.mergedIntoId).map((a) => [a.id, a.mergedIntoId!])), liveBasisIds: new Set(basis.map((b) => b.id)) },
      );
      await replaceNeeds(
        tx,
        actor.tenantId,
        form.id,
        copied.map((n) => ({
          position: n.position,
          term: n.term,
          year: n.year,
          competenceAreaId: n.competenceAreaId,
          description: n.description,
          basisEntryId: n.basisEntryId,
          whyText: n.whyText,
          peopleCount: n.peopleCount,
          measureTypes: [...n.measureTypes],
          priority: n.priority,
          costNok: n.costNok,
          substituteCostNok: n.substituteCostNok,
          carriedOver: true,
        })),
      );
      carriedOver = copied.length;
    }
    await syncWheelStatus(tx, { tenantId: actor.tenantId, milestoneId: form.milestoneId, unitId: unit.id, formStatus: 'draft', accountId: accountIdOf(actor) });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'mapping.form.start', subjectType: 'mapping_form', subjectId: form.id, requestId, details: { unitId: unit.id, year: cycle.year, carriedOver } });
    return { formId: form.id, carriedOver };
  });
}
