// Shared checks of the plan-item use cases: the competence area must be a live area of the
// tenant and every linked catalogue measure a measure of the tenant.
import type { Tx } from '../../db/client.ts';
import { findCatalogueMeasures } from '../../db/repositories/competence-plan.repository.ts';
import { findArea } from '../../db/repositories/mapping.repository.ts';
import { validation } from '../shared/app-error.ts';

export async function checkItemReferences(tx: Tx, item: { competenceAreaId: string; catalogueMeasureIds: readonly string[] }): Promise<void> {
  const area = await findArea(tx, item.competenceAreaId);
  if (!area || !['active', 'proposed'].includes(area.status)) throw validation([{ path: 'competenceAreaId', key: 'competencePlan.errors.areaUnknown' }]);
  const found = await findCatalogueMeasures(tx, item.catalogueMeasureIds);
  if (found.length !== new Set(item.catalogueMeasureIds).size) throw validation([{ path: 'catalogueMeasureIds', key: 'competencePlan.errors.measureUnknown' }]);
}
