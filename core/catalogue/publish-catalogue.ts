// Publish a half-year's catalogue: its published measures become visible to every employee.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { ensureCatalogue, publishCatalogueRow } from '../../db/repositories/catalogue.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseCatalogueInput, ZHalfYearSchema, ZVersionSchema } from './catalogue.rules.ts';

export interface PublishCatalogueOptions {
  database: Database;
  actor: Actor;
  input: unknown;
  now?: Date;
  requestId?: string;
}

export async function publishCatalogue({ database, actor, input, now = new Date(), requestId }: PublishCatalogueOptions): Promise<{ id: string }> {
  authorize(actor, 'catalogue.write', { tenantId: actor.tenantId });
  const values = parseCatalogueInput(ZHalfYearSchema.extend({ version: ZVersionSchema }), input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const catalogue = await ensureCatalogue(tx, actor.tenantId, values.year, values.half);
    if (catalogue.status === 'published') throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'catalogue.errors.alreadyPublished' });
    const row = await publishCatalogueRow(tx, catalogue.id, values.version, now);
    if (!row) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'catalogue.publish', subjectType: 'catalogue', subjectId: row.id, requestId, details: { year: values.year, half: values.half } });
    return { id: row.id };
  });
}
