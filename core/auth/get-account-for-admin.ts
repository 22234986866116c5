// One account as the administrator sees it: identity, sign-in methods, roles, and which roles
// this administrator may grant. The look is audited (it shows who an employee's account is).
import type { Database } from '../../db/client.ts';
import { accountHasRole, findAccountById, findPersonName, listAccountRoles } from '../../db/repositories/account.repository.ts';
import type { Tx } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { ASSIGNABLE_ROLES, type AccountActor } from '../shared/actor.ts';
import { forbidden, notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';

/** Roles this actor may grant or take away: platform_admin only by a platform admin. */
export function grantableRoles(actor: AccountActor): string[] {
  return ASSIGNABLE_ROLES.filter((r) => r !== 'platform_admin' || actor.roles.has('platform_admin'));
}

/**
 * Only a platform admin may disable, enable or send password links to an account that holds
 * platform_admin — otherwise a tenant admin could take such an account over.
 */
export async function assertMayManage(tx: Tx, actor: AccountActor, accountId: string): Promise<void> {
  if (actor.roles.has('platform_admin')) return;
  if (await accountHasRole(tx, accountId, 'platform_admin')) throw forbidden();
}

export async function getAccountForAdmin(options: { database: Database; actor: AccountActor; accountId: string; requestId?: string | undefined }) {
  const { actor } = options;
  authorize(actor, 'account.manage', { tenantId: actor.tenantId });
  return options.database.withTenant(actor.tenantId, async (tx) => {
    const account = await findAccountById(tx, options.accountId);
    if (!account) throw notFound();
    const roles = await listAccountRoles(tx, account.id);
    const person = account.personId ? await findPersonName(tx, account.personId) : null;
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actor.accountId, action: 'account.read', subjectType: 'account', subjectId: account.id, requestId: options.requestId });
    return {
      id: account.id,
      email: account.email,
      displayName: account.displayName,
      personId: account.personId,
      personName: person ? `${person.givenName} ${person.familyName}` : null,
      language: account.language,
      hasPassword: account.passwordHash !== null,
      hasOidc: account.oidcSubject !== null,
      disabledAt: account.disabledAt?.toISOString() ?? null,
      lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
      version: account.version,
      tenantRoles: roles.filter((r) => r.unitId === null).map((r) => r.role),
      scopedRoles: roles.filter((r) => r.unitId !== null).map((r) => r.role),
      grantable: grantableRoles(actor),
      isSelf: account.id === actor.accountId,
      manageable: actor.roles.has('platform_admin') || !roles.some((r) => r.role === 'platform_admin'),
    };
  });
}
