// The tenant's API tokens for the administration page (never the hashes). Audited.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { listApiTokens as listRows } from '../../db/repositories/api-token.repository.ts';
import { actorLabel, type Actor, type ApiScope } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { knownScopes, normaliseScopes } from './api-tokens.rules.ts';

export interface ListApiTokensOptions {
  database: Database;
  actor: Actor;
  requestId?: string;
}

export interface ApiTokenSummary {
  id: string;
  name: string;
  scopes: ApiScope[];
  createdAt: Date;
  createdByName: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  version: number;
}

export async function listApiTokens({ database, actor, requestId }: ListApiTokensOptions): Promise<ApiTokenSummary[]> {
  authorize(actor, 'apiToken.manage', { tenantId: actor.tenantId });
  return database.withTenant(actor.tenantId, async (tx) => {
    const rows = await listRows(tx);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'apiToken.list', subjectType: 'api_token', requestId, details: { count: rows.length } });
    return rows.map((r) => ({ ...r, scopes: normaliseScopes([...knownScopes(r.scopes)]) }));
  });
}
