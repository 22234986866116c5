// Add a measure (as a draft) to the catalogue of the half-year it starts in; the creator is its
// organiser. Linked mapping needs are stored with it.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { ensureCatalogue, insertMeasure, replaceMeasureNeeds } from '../../db/repositories/catalogue.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { halfYearOf, parseCatalogueInput, ZMeasureInputSchema } from './catalogue.rules.ts';
import { checkMeasureReferences, measureColumns } from './measure-checks.ts';

export interface CreateMeasureOptions {
  database: Database;
  actor: Actor;
  input: unknown;
  requestId?: string;
}

export async function createMeasure({ database, actor, input, requestId }: CreateMeasureOptions): Promise<{ id: string }> {
  authorize(actor, 'catalogue.write', { tenantId: actor.tenantId });
  const values = parseCatalogueInput(ZMeasureInputSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    await checkMeasureReferences(tx, values);
    const { year, half } = halfYearOf(values.startDate);
    const catalogue = await ensureCatalogue(tx, actor.tenantId, year, half);
    const row = await insertMeasure(tx, { tenantId: actor.tenantId, catalogueId: catalogue.id, ...measureColumns(values), organiserAccountId: actor.kind === 'account' ? actor.accountId : null });
    await replaceMeasureNeeds(tx, actor.tenantId, row.id, values.needIds);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'catalogue.measure.create', subjectType: 'measure', subjectId: row.id, requestId, details: { year, half } });
    return { id: row.id };
  });
}
