// Begin an OpenID Connect sign-in for a tenant: authorization code flow with PKCE (S256),
// state and nonce. The caller keeps the returned `pending` facts in a short-lived signed,
// HttpOnly cookie and hands them back to completeOidcSignIn on the callback.
import * as oidc from 'openid-client';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { findActiveTenantBySlug } from '../../db/repositories/account.repository.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { safeNextPath } from './auth.rules.ts';
import { OIDC_SCOPES, insecureIssuerAllowed, oidcConfiguration } from './oidc-client.ts';

export const ZPendingOidcSchema = z.object({
  tenantId: z.uuid(),
  state: z.string().min(20).max(200),
  nonce: z.string().min(20).max(200),
  verifier: z.string().min(43).max(128),
  redirectUri: z.url(),
  next: z.string().max(1000),
});
export type TPendingOidc = z.infer<typeof ZPendingOidcSchema>;

export interface StartOidcSignInOptions {
  database: Database;
  tenantSlug: string;
  /** `${PUBLIC_URL}/auth/oidc/callback` — what is registered at the IdP. */
  redirectUri: string;
  next: string | null | undefined;
  nodeEnv: string;
}

export async function startOidcSignIn(options: StartOidcSignInOptions): Promise<{ authorizationUrl: string; pending: TPendingOidc }> {
  const tenant = await options.database.withPlatform((tx) => findActiveTenantBySlug(tx, options.tenantSlug));
  if (!tenant?.oidc) throw new AppError(AppErrorCode.NOT_FOUND);
  const config = await oidcConfiguration(tenant.oidc, { allowInsecure: insecureIssuerAllowed(tenant.oidc.issuer, options.nodeEnv) });
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: options.redirectUri,
    scope: OIDC_SCOPES,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...(tenant.oidc.kind === 'entra' ? { prompt: 'select_account' } : {}),
  });
  return { authorizationUrl: url.href, pending: { tenantId: tenant.id, state, nonce, verifier, redirectUri: options.redirectUri, next: safeNextPath(options.next) } };
}
