// What the measure form offers: providers, competence areas, units (target groups) and mapping
// needs to link; for an existing measure also its values, linked needs and ordering checklist.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { findMeasure, listActiveAreas, listMeasureNeedIds, listNeedChoices, listProviders, listUnitChoices } from '../../db/repositories/catalogue.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';

export interface GetMeasureFormOptions {
  database: Database;
  actor: Actor;
  measureId?: string;
}

export async function getMeasureForm({ database, actor, measureId }: GetMeasureFormOptions) {
  authorize(actor, 'catalogue.write', { tenantId: actor.tenantId });
  if (measureId !== undefined && !z.uuid().safeParse(measureId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const found = measureId ? await findMeasure(tx, measureId) : null;
    if (measureId && !found) throw notFound();
    return {
      providers: (await listProviders(tx)).map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
      areas: await listActiveAreas(tx),
      units: await listUnitChoices(tx),
      needs: await listNeedChoices(tx),
      measure: found ? { ...found.measure, needIds: await listMeasureNeedIds(tx, found.measure.id), providerKind: found.provider?.kind ?? null } : null,
    };
  });
}
