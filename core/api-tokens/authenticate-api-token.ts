// Turn a bearer token into an API actor: look the token up by its sha256 (across tenants,
// under the platform role), refuse unknown, revoked and malformed tokens and tokens of an
// inactive tenant, and record last use at most once a minute.
import type { Database } from '../../db/client.ts';
import { findApiTokenByHash, touchApiToken } from '../../db/repositories/api-token.repository.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import type { ApiActor } from '../shared/actor.ts';
import { TOUCH_INTERVAL_MS, hashApiToken, knownScopes, looksLikeApiToken } from './api-tokens.rules.ts';

export interface AuthenticateApiTokenOptions {
  database: Database;
  secret: string;
  now?: Date;
}

export interface AuthenticatedApiToken {
  actor: ApiActor;
  token: { id: string; name: string };
  tenant: { id: string; slug: string; name: string; defaultLanguage: string };
}

export async function authenticateApiToken({ database, secret, now = new Date() }: AuthenticateApiTokenOptions): Promise<AuthenticatedApiToken> {
  const refused = () => new AppError(AppErrorCode.UNAUTHENTICATED, { messageKey: 'admin.apiTokens.errors.invalidToken' });
  if (!looksLikeApiToken(secret)) throw refused();
  return database.withPlatform(async (tx) => {
    const row = await findApiTokenByHash(tx, hashApiToken(secret));
    if (!row || row.revokedAt || row.tenant.status !== 'active') throw refused();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
      await touchApiToken(tx, row.id, now, new Date(now.getTime() - TOUCH_INTERVAL_MS));
    }
    return {
      actor: { kind: 'api', tenantId: row.tenantId, tokenId: row.id, scopes: knownScopes(row.scopes) },
      token: { id: row.id, name: row.name },
      tenant: { id: row.tenant.id, slug: row.tenant.slug, name: row.tenant.name, defaultLanguage: row.tenant.defaultLanguage },
    };
  });
}
