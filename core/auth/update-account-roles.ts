// Grant and take away tenant-wide roles (ASSIGNABLE_ROLES). platform_admin may only be granted
// or taken away by a platform admin; an administrator cannot take tenant_admin from themself.
// Optimistic locking on the account row; audited with the before and after sets.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { bumpAccountVersion, findAccountById, listAccountRoles, replaceUnscopedRoles } from '../../db/repositories/account.repository.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { ASSIGNABLE_ROLES, type AccountActor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseOrThrow } from '../shared/zod.ts';
import { grantableRoles } from './get-account-for-admin.ts';

export const ZUpdateAccountRolesSchema = z.object({
  accountId: z.uuid(),
  version: z.coerce.number().int().positive(),
  roles: z.array(z.enum(ASSIGNABLE_ROLES)).max(ASSIGNABLE_ROLES.length),
});

export async function updateAccountRoles(options: { database: Database; actor: AccountActor; input: unknown; requestId?: string | undefined }): Promise<void> {
  const { actor } = options;
  authorize(actor, 'account.manage', { tenantId: actor.tenantId });
  const input = parseOrThrow(ZUpdateAccountRolesSchema, options.input);
  const managed = grantableRoles(actor);
  const wanted = [...new Set(input.roles)];
  if (wanted.some((r) => !managed.includes(r))) throw new AppError(AppErrorCode.FORBIDDEN);
  await options.database.withTenant(actor.tenantId, async (tx) => {
    const account = await findAccountById(tx, input.accountId);
    if (!account) throw notFound();
    if (account.id === actor.accountId && !wanted.includes('tenant_admin')) {
      throw new AppError(AppErrorCode.VALIDATION, { issues: [{ path: 'roles', key: 'auth.admin.roles.keepOwnAdmin' }] });
    }
    if (!(await bumpAccountVersion(tx, account.id, input.version))) throw staleVersion();
    const before = (await listAccountRoles(tx, account.id)).filter((r) => r.unitId === null).map((r) => r.role).sort();
    await replaceUnscopedRoles(tx, actor.tenantId, account.id, managed, wanted);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actor.accountId, action: 'account.roles', subjectType: 'account', subjectId: account.id, requestId: options.requestId, details: { before, after: [...wanted].sort() } });
  });
}
