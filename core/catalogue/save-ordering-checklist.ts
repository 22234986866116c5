// The ordering checklist (bestillarkompetanse) of an external measure: requirements, the
// provider assessed on price, quality and time, and the decision. Stored with the measure under
// its version. Measures by an own unit have no checklist.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findMeasure, updateMeasureFields } from '../../db/repositories/catalogue.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseCatalogueInput, ZOrderingSchema, ZVersionSchema } from './catalogue.rules.ts';

export interface SaveOrderingChecklistOptions {
  database: Database;
  actor: Actor;
  measureId: string;
  input: unknown;
  requestId?: string;
}

export async function saveOrderingChecklist({ database, actor, measureId, input, requestId }: SaveOrderingChecklistOptions): Promise<{ version: number }> {
  authorize(actor, 'catalogue.write', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(measureId).success) throw notFound();
  const ordering = parseCatalogueInput(ZOrderingSchema, input);
  const { version } = parseCatalogueInput(z.object({ version: ZVersionSchema }), input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const found = await findMeasure(tx, measureId);
    if (!found) throw notFound();
    if (found.provider?.kind === 'own_unit') throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'catalogue.errors.orderingInternal' });
    const updated = await updateMeasureFields(tx, measureId, version, { ordering });
    if (!updated) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'catalogue.ordering.save', subjectType: 'measure', subjectId: measureId, requestId, details: { decision: ordering.decision } });
    return { version: updated.version };
  });
}
