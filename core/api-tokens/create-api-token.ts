// Create a tenant API token. The secret is returned once and never stored: the table keeps
// its sha256 only. Audited.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { insertApiToken } from '../../db/repositories/api-token.repository.ts';
import { actorLabel, type ApiScope, type Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { parseOrThrow } from '../shared/zod.ts';
import { ZCreateApiTokenSchema, generateApiTokenSecret, hashApiToken, normaliseScopes } from './api-tokens.rules.ts';

export interface CreateApiTokenOptions {
  database: Database;
  actor: Actor;
  input: { name: string; scopes: ApiScope[] } | unknown;
  now?: Date;
  requestId?: string;
}

export interface CreatedApiToken {
  id: string;
  name: string;
  scopes: ApiScope[];
  /** The secret, shown to the creator once. */
  secret: string;
}

export async function createApiToken({ database, actor, input, now = new Date(), requestId }: CreateApiTokenOptions): Promise<CreatedApiToken> {
  authorize(actor, 'apiToken.manage', { tenantId: actor.tenantId });
  const { name, scopes } = parseOrThrow(ZCreateApiTokenSchema, input);
  const ordered = normaliseScopes(scopes);
  const secret = generateApiTokenSecret();
  return database.withTenant(actor.tenantId, async (tx) => {
    const row = await insertApiToken(tx, {
      tenantId: actor.tenantId,
      name,
      tokenHash: hashApiToken(secret),
      scopes: ordered,
      createdBy: actor.kind === 'account' ? actor.accountId : null,
      createdAt: now,
    });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'apiToken.create', subjectType: 'api_token', subjectId: row.id, requestId, details: { name, scopes: ordered } });
    return { id: row.id, name, scopes: ordered, secret };
  });
}
