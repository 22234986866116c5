// Suspend or reactivate a tenant. A suspended tenant's sessions are ended at once (and
// resolve-session refuses sessions of a tenant that is not active), so nobody there can work
// until it is reactivated. Optimistic locking: the form carries the version it showed.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { deleteSessionsOfTenant, findTenantForPlatform, updateTenantStatus } from '../../db/repositories/tenant.repository.ts';
import { actorLabel, type AccountActor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseOrThrow } from '../shared/zod.ts';
import { ZTenantStatusChangeSchema } from './platform.rules.ts';

export interface SetTenantStatusOptions {
  database: Database;
  actor: AccountActor;
  input: unknown;
  requestId?: string | undefined;
}

export async function setTenantStatus({ database, actor, input, requestId }: SetTenantStatusOptions) {
  authorize(actor, 'platform.tenants', { tenantId: actor.tenantId });
  const change = parseOrThrow(ZTenantStatusChangeSchema, input);
  if (change.status === 'suspended' && change.tenantId === actor.tenantId) {
    // Suspending one's own municipality would lock the administrator out of the platform too.
    throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'admin.platform.errors.suspendOwn' });
  }
  return database.withPlatform(async (tx) => {
    const tenant = await findTenantForPlatform(tx, change.tenantId);
    if (!tenant) throw notFound();
    if (tenant.version !== change.version) throw staleVersion();
    if (tenant.status === change.status) return { tenantId: tenant.id, status: tenant.status, endedSessions: 0 };
    if (!(await updateTenantStatus(tx, tenant.id, change.version, change.status))) throw staleVersion();
    const endedSessions = change.status === 'suspended' ? await deleteSessionsOfTenant(tx, tenant.id) : 0;
    await appendAudit(tx, {
      tenantId: tenant.id,
      actor: actorLabel(actor),
      action: change.status === 'suspended' ? 'platform.tenant.suspend' : 'platform.tenant.reactivate',
      subjectType: 'tenant',
      subjectId: tenant.id,
      requestId,
      details: { platform: true, actorTenantId: actor.tenantId, endedSessions },
    });
    return { tenantId: tenant.id, status: change.status, endedSessions };
  });
}
