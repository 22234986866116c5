// The tenant's sign-in settings for its administrator: default language and OpenID Connect.
// The client secret is write-only: only whether one is stored is told.
import type { Database } from '../../db/client.ts';
import { findTenantById } from '../../db/repositories/account.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';

export async function getTenantSignInSettings(options: { database: Database; actor: AccountActor }) {
  const { actor } = options;
  authorize(actor, 'tenant.settings', { tenantId: actor.tenantId });
  const tenant = await options.database.withTenant(actor.tenantId, (tx) => findTenantById(tx, actor.tenantId));
  if (!tenant) throw notFound();
  return {
    name: tenant.name,
    slug: tenant.slug,
    defaultLanguage: tenant.defaultLanguage,
    version: tenant.version,
    oidc: tenant.oidc ? { kind: tenant.oidc.kind, issuer: tenant.oidc.issuer, clientId: tenant.oidc.clientId, displayName: tenant.oidc.displayName, hasSecret: Boolean(tenant.oidc.clientSecret) } : null,
  };
}
