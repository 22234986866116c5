// Finish an OpenID Connect sign-in: exchange the code (checking state, nonce and PKCE through
// openid-client), then find the account by (tenant, issuer, subject). An unknown subject is
// linked to an existing account of the tenant only when the IdP vouches for the e-mail address
// (email_verified = true) and the account is not a platform administrator's; otherwise
// sign-in is refused — there is no self-registration.
import * as oidc from 'openid-client';
import type { Database } from '../../db/client.ts';
import { accountHasRole, findAccountByEmail, findAccountByOidcKey, findTenantById, linkAccountToOidc, recordLogin } from '../../db/repositories/account.repository.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { deleteSession } from '../../db/repositories/session.repository.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { emailFingerprint } from './auth.rules.ts';
import { insecureIssuerAllowed, oidcConfiguration } from './oidc-client.ts';
import type { SignInResult } from './sign-in-with-password.ts';
import type { TPendingOidc } from './start-oidc-sign-in.ts';
import { startSession } from './start-session.ts';
import { hashSecret } from './tokens.ts';

export interface CompleteOidcSignInOptions {
  database: Database;
  pending: TPendingOidc;
  /** The callback request's query string (code, state, iss, or error). */
  callbackSearch: string;
  now: Date;
  absoluteMinutes: number;
  nodeEnv: string;
  ip: string;
  userAgent: string | null;
  previousSessionToken?: string | null | undefined;
  requestId?: string | undefined;
}

const refused = (key: string) => new AppError(AppErrorCode.UNAUTHENTICATED, { messageKey: key });

export async function completeOidcSignIn(options: CompleteOidcSignInOptions): Promise<SignInResult & { next: string }> {
  const { database, pending, now } = options;
  const tenant = await database.withPlatform((tx) => findTenantById(tx, pending.tenantId));
  if (!tenant || tenant.status !== 'active' || !tenant.oidc) throw refused('auth.oidc.failed');
  const audit = (action: string, actor: string, details: Record<string, unknown>, subjectId?: string) =>
    database.withPlatform((tx) => appendAudit(tx, { tenantId: tenant.id, actor, action, subjectType: 'account', subjectId, requestId: options.requestId, details: { method: 'oidc', ip: options.ip, ...details } }));

  const config = await oidcConfiguration(tenant.oidc, { allowInsecure: insecureIssuerAllowed(tenant.oidc.issuer, options.nodeEnv) });
  const callbackUrl = new URL(pending.redirectUri);
  callbackUrl.search = options.callbackSearch;
  let claims: oidc.IDToken;
  let email: string | null = null;
  let emailVerified = false;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true });
    const c = tokens.claims();
    if (!c) throw new Error('no ID token');
    claims = c;
    email = typeof c.email === 'string' ? c.email : null;
    emailVerified = c.email_verified === true;
    // Many providers (Feide among them) put the e-mail only in the UserInfo response.
    if (email === null && config.serverMetadata().userinfo_endpoint) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, c.sub);
      email = typeof info.email === 'string' ? info.email : null;
      emailVerified = info.email_verified === true;
    }
  } catch (error) {
    const reason = error instanceof oidc.AuthorizationResponseError ? `idp:${error.error}` : error instanceof Error ? (error as { code?: string }).code ?? error.name : 'unknown';
    await audit('auth.login_failed', 'anonymous', { reason: 'oidc_error', error: String(reason).slice(0, 100) });
    throw refused('auth.oidc.failed');
  }

  const issuer = claims.iss;
  const subject = claims.sub;
  const found = await database.withTenant(tenant.id, async (tx) => {
    const byKey = await findAccountByOidcKey(tx, tenant.id, issuer, subject);
    if (byKey) return { account: byKey, linked: false };
    if (!email || !emailVerified) return null;
    const byEmail = await findAccountByEmail(tx, tenant.id, email);
    if (!byEmail || byEmail.oidcSubject !== null) return null;
    // The tenant's own provider must not be a way into a platform administrator's account.
    if (await accountHasRole(tx, byEmail.id, 'platform_admin')) return null;
    await linkAccountToOidc(tx, byEmail.id, issuer, subject);
    await appendAudit(tx, { tenantId: tenant.id, actor: byEmail.id, action: 'auth.oidc_linked', subjectType: 'account', subjectId: byEmail.id, requestId: options.requestId, details: { issuer } });
    return { account: byEmail, linked: true };
  });
  if (!found || found.account.disabledAt) {
    await audit('auth.login_failed', found?.account.id ?? 'anonymous', { reason: found ? 'disabled' : 'no_account', issuer, emailHash: email ? emailFingerprint(email) : null, emailVerified }, found?.account.id);
    throw refused('auth.oidc.noAccount');
  }

  const account = found.account;
  return database.withPlatform(async (tx) => {
    if (options.previousSessionToken) await deleteSession(tx, hashSecret(options.previousSessionToken));
    const session = await startSession(tx, { tenantId: tenant.id, accountId: account.id, now, absoluteMinutes: options.absoluteMinutes, userAgent: options.userAgent });
    await recordLogin(tx, account.id, now);
    await appendAudit(tx, { tenantId: tenant.id, actor: account.id, action: 'auth.login', subjectType: 'account', subjectId: account.id, requestId: options.requestId, details: { method: 'oidc', issuer, linked: found.linked, ip: options.ip } });
    return { ...session, accountId: account.id, tenantSlug: tenant.slug, next: pending.next };
  });
}
