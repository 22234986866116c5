// Create a municipality (tenant) with its first administrator: the tenant row, an account
// without a password holding the tenant_admin role, and a single-use "set your password" link
// mailed to that address (the token row through the sign-in area's reset-token repository;
// only its hash is stored). Audited in the new tenant's own log.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { insertResetToken } from '../../db/repositories/password-reset.repository.ts';
import { findRegion } from '../../db/repositories/region.repository.ts';
import { insertTenant, insertTenantAdminAccount, tenantMunicipalityNumberExists, tenantSlugExists } from '../../db/repositories/tenant.repository.ts';
import { composeResetMail, mailLanguage, resetLink, type MailSender } from '../auth/auth-mail.ts';
import { INVITE_TOKEN_MINUTES } from '../auth/auth.rules.ts';
import { hashSecret, newSecret } from '../auth/tokens.ts';
import { actorLabel, type AccountActor } from '../shared/actor.ts';
import { AppError, AppErrorCode, type ValidationIssue } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseCreateTenant } from './platform.rules.ts';

export interface CreateTenantOptions {
  database: Database;
  actor: AccountActor;
  mailer: MailSender;
  publicUrl: string;
  input: unknown;
  now: Date;
  requestId?: string | undefined;
}

export interface CreatedTenant {
  tenantId: string;
  slug: string;
  adminAccountId: string;
  mailStatus: 'sent' | 'stored' | 'failed';
}

export async function createTenant(options: CreateTenantOptions): Promise<CreatedTenant> {
  const { database, actor, now } = options;
  authorize(actor, 'platform.tenants', { tenantId: actor.tenantId });
  const input = parseCreateTenant(options.input);

  const created = await database.withPlatform(async (tx) => {
    const issues: ValidationIssue[] = [];
    if (await tenantSlugExists(tx, input.slug)) issues.push({ path: 'slug', key: 'admin.platform.errors.slugTaken' });
    if (await tenantMunicipalityNumberExists(tx, input.municipalityNumber)) issues.push({ path: 'municipalityNumber', key: 'admin.platform.errors.municipalityNumberTaken' });
    if (input.regionId && !(await findRegion(tx, input.regionId))) issues.push({ path: 'regionId', key: 'errors.field.invalid' });
    if (issues.length) throw new AppError(AppErrorCode.VALIDATION, { issues });

    const tenant = await insertTenant(tx, { name: input.name, slug: input.slug, municipalityNumber: input.municipalityNumber, regionId: input.regionId, defaultLanguage: input.defaultLanguage });
    // A concurrent creation took the slug between the check and the insert.
    if (!tenant) throw new AppError(AppErrorCode.VALIDATION, { issues: [{ path: 'slug', key: 'admin.platform.errors.slugTaken' }] });
    const account = await insertTenantAdminAccount(tx, { tenantId: tenant.id, email: input.adminEmail, displayName: input.adminName, language: input.defaultLanguage });
    const token = newSecret();
    await insertResetToken(tx, { tokenHash: hashSecret(token), tenantId: tenant.id, accountId: account.id, expiresAt: new Date(now.getTime() + INVITE_TOKEN_MINUTES * 60_000), createdAt: now });
    const base = { tenantId: tenant.id, actor: actorLabel(actor), requestId: options.requestId };
    await appendAudit(tx, [
      { ...base, action: 'platform.tenant.create', subjectType: 'tenant', subjectId: tenant.id, details: { platform: true, actorTenantId: actor.tenantId, slug: tenant.slug, municipalityNumber: input.municipalityNumber, regionId: input.regionId } },
      { ...base, action: 'account.create', subjectType: 'account', subjectId: account.id, details: { platform: true, actorTenantId: actor.tenantId, roles: ['tenant_admin'], invited: true } },
    ]);
    const mail = composeResetMail({
      language: mailLanguage(input.defaultLanguage, input.defaultLanguage),
      kind: 'invite',
      name: input.adminName,
      tenantName: tenant.name,
      link: resetLink(options.publicUrl, token),
      minutes: INVITE_TOKEN_MINUTES,
    });
    return { tenant, account, mail: { tenantId: tenant.id, to: account.email, ...mail } };
  });

  // Sent after the commit: a mail about a tenant that was rolled back must never go out.
  const delivery = await options.mailer.send(created.mail);
  return { tenantId: created.tenant.id, slug: created.tenant.slug, adminAccountId: created.account.id, mailStatus: delivery.status };
}
