// Mark how far a unit has come with a milestone (not started / in progress / done). Unit
// leaders mark units in their scope, coordinators and tenant admins any unit. The version read
// guards against overwriting someone else's newer mark. The mapping form will later call the
// same repository function with source 'mapping_form' when a unit submits its form.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findMilestone, listUnitsForTargets, saveUnitStatus } from '../../db/repositories/wheel.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseWheelInput, targetUnits, UNIT_STATUSES } from './annual-wheel.rules.ts';

export const ZSetUnitStatusSchema = z.object({
  unitId: z.uuid(),
  status: z.enum(UNIT_STATUSES),
  /** The status row's version as read; empty when the unit had no status yet. */
  version: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), z.coerce.number().int().min(1).nullable()),
});

export interface SetUnitStatusOptions {
  database: Database;
  actor: Actor;
  milestoneId: string;
  input: unknown;
  requestId?: string;
}

export async function setUnitStatus({ database, actor, milestoneId, input, requestId }: SetUnitStatusOptions): Promise<{ version: number }> {
  authorize(actor, 'wheel.read', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(milestoneId).success) throw notFound();
  const values = parseWheelInput(ZSetUnitStatusSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const found = await findMilestone(tx, milestoneId);
    if (!found) throw notFound();
    const unit = targetUnits(found.milestone, await listUnitsForTargets(tx)).units.find((u) => u.id === values.unitId);
    if (!unit) throw notFound();
    authorize(actor, 'wheel.status', { tenantId: actor.tenantId, unitPaths: [unit.path] });
    const version = await saveUnitStatus(tx, {
      tenantId: actor.tenantId,
      milestoneId,
      unitId: unit.id,
      status: values.status,
      source: 'manual',
      accountId: actor.kind === 'account' ? actor.accountId : null,
      expectedVersion: values.version,
    });
    if (version === null) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'wheel.status.set', subjectType: 'wheel_milestone', subjectId: milestoneId, requestId, details: { unitId: unit.id, status: values.status } });
    return { version };
  });
}
