// Share a published half-year catalogue (read-only) with the other municipalities of the
// tenant's region, or stop sharing it.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findCatalogue, findTenantRegion, setCatalogueShared } from '../../db/repositories/catalogue.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseCatalogueInput, ZHalfYearSchema, ZVersionSchema } from './catalogue.rules.ts';

export const ZSetCatalogueSharingSchema = ZHalfYearSchema.extend({ shared: z.enum(['yes', 'no']), version: ZVersionSchema });

export interface SetCatalogueSharingOptions {
  database: Database;
  actor: Actor;
  input: unknown;
  requestId?: string;
}

export async function setCatalogueSharing({ database, actor, input, requestId }: SetCatalogueSharingOptions): Promise<{ shared: boolean }> {
  authorize(actor, 'catalogue.write', { tenantId: actor.tenantId });
  const values = parseCatalogueInput(ZSetCatalogueSharingSchema, input);
  const region = await database.withPlatform((tx) => findTenantRegion(tx, actor.tenantId));
  if (!region) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'catalogue.errors.noRegion' });
  return database.withTenant(actor.tenantId, async (tx) => {
    const catalogue = await findCatalogue(tx, values.year, values.half);
    if (!catalogue) throw notFound();
    if (catalogue.status !== 'published') throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'catalogue.errors.shareUnpublished' });
    const row = await setCatalogueShared(tx, catalogue.id, values.version, values.shared === 'yes');
    if (!row) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'catalogue.share', subjectType: 'catalogue', subjectId: catalogue.id, requestId, details: { shared: row.sharedWithRegion, regionId: region.id } });
    return { shared: row.sharedWithRegion };
  });
}
