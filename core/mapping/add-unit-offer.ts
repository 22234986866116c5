// Register what a unit can offer others: an internal instructor (a person of the unit and a
// topic) or an own programme (title, description, area, capacity). The unit's leaders and coordinators.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findArea, insertOffer, isPersonInUnits } from '../../db/repositories/mapping.repository.ts';
import { listUnitsForTargets } from '../../db/repositories/wheel.repository.ts';
import { actorLabel, pathWithin, type Actor } from '../shared/actor.ts';
import { notFound, validation } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseMappingInput, ZOfferSchema } from './mapping.rules.ts';
import { requireUnit } from './mapping-context.ts';

export interface AddUnitOfferOptions {
  database: Database;
  actor: Actor;
  unitId: string;
  input: unknown;
  requestId?: string;
}

export async function addUnitOffer({ database, actor, unitId, input, requestId }: AddUnitOfferOptions): Promise<{ id: string }> {
  authorize(actor, 'mapping.read', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(unitId).success) throw notFound();
  const values = parseMappingInput(ZOfferSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const unit = await requireUnit(tx, unitId);
    authorize(actor, 'mapping.unit.write', { tenantId: actor.tenantId, unitPaths: [unit.path] });
    if (values.competenceAreaId) {
      const area = await findArea(tx, values.competenceAreaId);
      if (!area || area.status === 'merged' || area.status === 'archived') throw validation([{ path: 'competenceAreaId', key: 'mapping.errors.areaUnknown' }]);
    }
    const personId = values.kind === 'instructor' ? values.personId : null;
    if (personId) {
      const subtree = (await listUnitsForTargets(tx)).filter((u) => pathWithin(u.path, [unit.path])).map((u) => u.id);
      if (!(await isPersonInUnits(tx, personId, subtree))) throw validation([{ path: 'personId', key: 'mapping.errors.participantUnknown' }]);
    }
    const row = await insertOffer(tx, {
      tenantId: actor.tenantId,
      unitId: unit.id,
      kind: values.kind,
      personId,
      title: values.title,
      description: values.description,
      competenceAreaId: values.competenceAreaId,
      capacity: values.kind === 'programme' ? values.capacity : null,
    });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'mapping.offer.add', subjectType: 'org_unit', subjectId: unit.id, requestId, details: { offerId: row.id, kind: values.kind, personId } });
    return { id: row.id };
  });
}
