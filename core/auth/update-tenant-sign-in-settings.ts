// Save the tenant's sign-in settings: default language and OpenID Connect (Entra ID, Feide or
// another provider). An empty secret keeps the stored one. The issuer must be https (plain
// http only for a loopback test provider outside production). Optimistic locking; audited
// without the secret.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { findTenantById, saveTenantSignInSettings } from '../../db/repositories/account.repository.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseOrThrow } from '../shared/zod.ts';
import { insecureIssuerAllowed, type TenantOidcSettings } from './oidc-client.ts';

export const ZTenantSignInSettingsSchema = z.discriminatedUnion('oidcEnabled', [
  z.object({ oidcEnabled: z.literal(false), version: z.coerce.number().int().positive(), defaultLanguage: z.enum(['nn', 'nb', 'en']) }),
  z.object({
    oidcEnabled: z.literal(true),
    version: z.coerce.number().int().positive(),
    defaultLanguage: z.enum(['nn', 'nb', 'en']),
    kind: z.enum(['entra', 'feide', 'generic']),
    issuer: z.url().max(500),
    clientId: z.string().trim().min(1).max(300),
    clientSecret: z.string().max(500).optional(),
    displayName: z.string().trim().max(100),
  }),
]);

export async function updateTenantSignInSettings(options: { database: Database; actor: AccountActor; input: unknown; nodeEnv: string; requestId?: string | undefined }): Promise<void> {
  const { actor } = options;
  authorize(actor, 'tenant.settings', { tenantId: actor.tenantId });
  const input = parseOrThrow(ZTenantSignInSettingsSchema, options.input);
  // tenants is a platform table (read-only for the tenant role): written under the platform role, for this tenant only.
  await options.database.withPlatform(async (tx) => {
    const tenant = await findTenantById(tx, actor.tenantId);
    if (!tenant) throw notFound();
    let oidc: TenantOidcSettings | null = null;
    if (input.oidcEnabled) {
      const issuer = input.issuer.replace(/\/+$/, '');
      if (!issuer.startsWith('https://') && !insecureIssuerAllowed(issuer, options.nodeEnv)) {
        throw new AppError(AppErrorCode.VALIDATION, { issues: [{ path: 'issuer', key: 'auth.settings.oidc.httpsRequired' }] });
      }
      // The stored secret is kept only for the same provider and client: otherwise pointing the
      // issuer at another server would send it the secret at the next token request.
      const sameClient = tenant.oidc?.issuer === issuer && tenant.oidc.clientId === input.clientId;
      const secret = input.clientSecret ? input.clientSecret : sameClient ? tenant.oidc?.clientSecret : undefined;
      if (!secret) throw new AppError(AppErrorCode.VALIDATION, { issues: [{ path: 'clientSecret', key: 'errors.field.required' }] });
      oidc = { kind: input.kind, issuer, clientId: input.clientId, clientSecret: secret, displayName: input.displayName };
    }
    if (!(await saveTenantSignInSettings(tx, actor.tenantId, input.version, { defaultLanguage: input.defaultLanguage, oidc }))) throw staleVersion();
    await appendAudit(tx, {
      tenantId: actor.tenantId,
      actor: actor.accountId,
      action: 'tenant.settings',
      subjectType: 'tenant',
      subjectId: actor.tenantId,
      requestId: options.requestId,
      details: { defaultLanguage: input.defaultLanguage, oidc: oidc ? { kind: oidc.kind, issuer: oidc.issuer, clientId: oidc.clientId } : null, secretChanged: input.oidcEnabled && Boolean(input.clientSecret) },
    });
  });
}
