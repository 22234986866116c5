// OpenID Connect client configuration per tenant (openid-client v6): discovery of the IdP's
// metadata, cached per issuer/client for an hour. Plain-http issuers are refused unless the
// caller explicitly allows them (only for a loopback test provider outside production).
import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { z } from 'zod';
import { AppError, AppErrorCode } from '../shared/app-error.ts';

/** A tenant's OpenID Connect settings (tenants.oidc). */
export const ZTenantOidcSettingsSchema = z.object({
  kind: z.enum(['entra', 'feide', 'generic']),
  issuer: z.url().max(500),
  clientId: z.string().trim().min(1).max(300),
  clientSecret: z.string().min(1).max(500),
  displayName: z.string().trim().max(100),
});
export type TenantOidcSettings = z.infer<typeof ZTenantOidcSettingsSchema>;

const CACHE_MS = 60 * 60_000;
const cache = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

export const OIDC_SCOPES = 'openid email profile';

/** Whether a plain-http issuer may be used: never in production, and only on a loopback host. */
export function insecureIssuerAllowed(issuer: string, nodeEnv: string): boolean {
  if (nodeEnv === 'production') return false;
  try {
    const url = new URL(issuer);
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

export async function oidcConfiguration(settings: TenantOidcSettings, options: { allowInsecure: boolean; now?: number }): Promise<oidc.Configuration> {
  const now = options.now ?? Date.now();
  const key = [settings.issuer, settings.clientId, createHash('sha256').update(settings.clientSecret).digest('hex'), options.allowInsecure].join('|');
  const hit = cache.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.config;
  let issuer: URL;
  try {
    issuer = new URL(settings.issuer);
  } catch {
    throw new AppError(AppErrorCode.INTERNAL, { messageKey: 'auth.oidc.unavailable' });
  }
  if (issuer.protocol !== 'https:' && !options.allowInsecure) throw new AppError(AppErrorCode.INTERNAL, { messageKey: 'auth.oidc.unavailable' });
  const config = oidc
    .discovery(issuer, settings.clientId, settings.clientSecret, undefined, options.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : undefined)
    .catch((error: unknown) => {
      cache.delete(key);
      throw new AppError(AppErrorCode.INTERNAL, { messageKey: 'auth.oidc.unavailable', cause: error });
    });
  cache.set(key, { at: now, config });
  return config;
}
