// Create a region (interkommunalt samarbeid) that tenants can belong to. Recorded in the
// acting platform administrator's own audit log, since no tenant is affected yet.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { insertRegion, regionNameExists } from '../../db/repositories/region.repository.ts';
import { actorLabel, type AccountActor } from '../shared/actor.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseOrThrow } from '../shared/zod.ts';
import { ZCreateRegionSchema } from './platform.rules.ts';

export interface CreateRegionOptions {
  database: Database;
  actor: AccountActor;
  input: unknown;
  requestId?: string | undefined;
}

export async function createRegion({ database, actor, input, requestId }: CreateRegionOptions) {
  authorize(actor, 'platform.tenants', { tenantId: actor.tenantId });
  const { name } = parseOrThrow(ZCreateRegionSchema, input);
  return database.withPlatform(async (tx) => {
    if (await regionNameExists(tx, name)) {
      throw new AppError(AppErrorCode.VALIDATION, { issues: [{ path: 'name', key: 'admin.platform.errors.regionNameTaken' }] });
    }
    const region = await insertRegion(tx, name);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'platform.region.create', subjectType: 'region', subjectId: region.id, requestId, details: { platform: true, name } });
    return region;
  });
}
