// First start of an empty installation (DEMO=0): create the first municipality and its
// administrator, who is both tenant and platform administrator, and mail them a single-use
// "set your password" link. Runs only while no tenant exists, so it is safe on every start and
// on several instances at once (the unique slug lets one of them win; the others do nothing).
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { insertResetToken } from '../../db/repositories/password-reset.repository.ts';
import { addRoleAssignment, countTenants, insertTenant, insertTenantAdminAccount } from '../../db/repositories/tenant.repository.ts';
import { composeResetMail, resetLink, type MailSender } from '../auth/auth-mail.ts';
import { INVITE_TOKEN_MINUTES } from '../auth/auth.rules.ts';
import { hashSecret, newSecret } from '../auth/tokens.ts';
import { parseCreateTenant } from './platform.rules.ts';

export interface BootstrapPlatformOptions {
  database: Database;
  mailer: MailSender;
  publicUrl: string;
  now: Date;
  /** Same fields as the new-tenant form: name, slug, municipalityNumber, defaultLanguage, adminName, adminEmail. */
  input: unknown;
}

export type BootstrapResult = { created: false } | { created: true; tenantId: string; slug: string; mailStatus: 'sent' | 'stored' | 'failed' };

export async function bootstrapPlatform(options: BootstrapPlatformOptions): Promise<BootstrapResult> {
  const input = parseCreateTenant(options.input);
  const { now } = options;
  const prepared = await options.database.withPlatform(async (tx) => {
    if ((await countTenants(tx)) > 0) return null;
    const tenant = await insertTenant(tx, { name: input.name, slug: input.slug, municipalityNumber: input.municipalityNumber, regionId: null, defaultLanguage: input.defaultLanguage });
    if (!tenant) return null;
    const account = await insertTenantAdminAccount(tx, { tenantId: tenant.id, email: input.adminEmail, displayName: input.adminName, language: input.defaultLanguage });
    await addRoleAssignment(tx, { tenantId: tenant.id, accountId: account.id, role: 'platform_admin' });
    const token = newSecret();
    await insertResetToken(tx, { tokenHash: hashSecret(token), tenantId: tenant.id, accountId: account.id, expiresAt: new Date(now.getTime() + INVITE_TOKEN_MINUTES * 60_000), createdAt: now });
    await appendAudit(tx, [
      { tenantId: tenant.id, actor: 'system:bootstrap', action: 'platform.tenant.create', subjectType: 'tenant', subjectId: tenant.id, details: { bootstrap: true } },
      { tenantId: tenant.id, actor: 'system:bootstrap', action: 'account.create', subjectType: 'account', subjectId: account.id, details: { roles: ['tenant_admin', 'platform_admin'], invited: true } },
    ]);
    const mail = composeResetMail({ language: input.defaultLanguage, kind: 'invite', name: input.adminName, tenantName: tenant.name, link: resetLink(options.publicUrl, token), minutes: INVITE_TOKEN_MINUTES });
    return { tenant, mail: { tenantId: tenant.id, to: account.email, ...mail } };
  });
  if (!prepared) return { created: false };
  const delivery = await options.mailer.send(prepared.mail);
  return { created: true, tenantId: prepared.tenant.id, slug: prepared.tenant.slug, mailStatus: delivery.status };
}
