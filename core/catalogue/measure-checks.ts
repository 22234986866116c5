// Checks shared by creating and editing a measure: the provider, area and needs it names exist.
import type { Tx } from '../../db/client.ts';
import { areaExists, findProvider, listNeedsByIds, listUnitChoices } from '../../db/repositories/catalogue.repository.ts';
import { validation } from '../shared/app-error.ts';
import type { TMeasureInput } from './catalogue.rules.ts';

export async function checkMeasureReferences(tx: Tx, values: TMeasureInput): Promise<void> {
  if (values.providerId && !(await findProvider(tx, values.providerId))) throw validation([{ path: 'providerId', key: 'catalogue.errors.providerMissing' }]);
  if (values.competenceAreaId && !(await areaExists(tx, values.competenceAreaId))) throw validation([{ path: 'competenceAreaId', key: 'catalogue.errors.areaMissing' }]);
  if (values.targetUnitIds.length) {
    const known = new Set((await listUnitChoices(tx)).map((u) => u.id));
    if (!values.targetUnitIds.every((id) => known.has(id))) throw validation([{ path: 'targetUnitIds', key: 'catalogue.errors.unitMissing' }]);
  }
  if (values.needIds.length && (await listNeedsByIds(tx, values.needIds)).length !== new Set(values.needIds).size) throw validation([{ path: 'needIds', key: 'catalogue.errors.needMissing' }]);
}

export function measureColumns(values: TMeasureInput) {
  const { needIds: _needIds, ...columns } = values;
  return columns;
}
