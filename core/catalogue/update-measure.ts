// Edit a measure under the optimistic lock of its version. A new start date may move it to
// another half-year's catalogue. Capacity may not drop below the places already taken.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { countPlacesTaken, ensureCatalogue, lockMeasure, replaceMeasureNeeds, updateMeasureFields } from '../../db/repositories/catalogue.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, staleVersion, validation } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { halfYearOf, parseCatalogueInput, ZMeasureInputSchema, ZVersionSchema } from './catalogue.rules.ts';
import { checkMeasureReferences, measureColumns } from './measure-checks.ts';

export interface UpdateMeasureOptions {
  database: Database;
  actor: Actor;
  measureId: string;
  input: unknown;
  requestId?: string;
}

export async function updateMeasure({ database, actor, measureId, input, requestId }: UpdateMeasureOptions): Promise<{ version: number }> {
  authorize(actor, 'catalogue.write', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(measureId).success) throw notFound();
  const values = parseCatalogueInput(ZMeasureInputSchema, input);
  const { version } = parseCatalogueInput(z.object({ version: ZVersionSchema }), input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const current = await lockMeasure(tx, measureId);
    if (!current) throw notFound();
    if (current.version !== version) throw staleVersion();
    await checkMeasureReferences(tx, values);
    const taken = await countPlacesTaken(tx, measureId);
    if (values.capacity < taken) throw validation([{ path: 'capacity', key: 'catalogue.errors.capacityBelowTaken', params: { taken } }]);
    const { year, half } = halfYearOf(values.startDate);
    const catalogue = await ensureCatalogue(tx, actor.tenantId, year, half);
    const updated = await updateMeasureFields(tx, measureId, version, { ...measureColumns(values), catalogueId: catalogue.id });
    if (!updated) throw staleVersion();
    await replaceMeasureNeeds(tx, actor.tenantId, measureId, values.needIds);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'catalogue.measure.update', subjectType: 'measure', subjectId: measureId, requestId });
    return { version: updated.version };
  });
}
