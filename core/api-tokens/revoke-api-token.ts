// Revoke an API token: from then on every request with it is refused (401). Optimistic
// lock on the version the administrator saw; audited.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findApiToken, revokeApiToken as revokeRow } from '../../db/repositories/api-token.repository.ts';
import { AppError, AppErrorCode, notFound, staleVersion } from '../shared/app-error.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { parseOrThrow } from '../shared/zod.ts';

export const ZRevokeApiTokenSchema = z.object({
  id: z.uuid(),
  version: z.coerce.number().int().min(1),
});

export interface RevokeApiTokenOptions {
  database: Database;
  actor: Actor;
  input: { id: string; version: number } | unknown;
  now?: Date;
  requestId?: string;
}

export async function revokeApiToken({ database, actor, input, now = new Date(), requestId }: RevokeApiTokenOptions): Promise<{ id: string; name: string }> {
  authorize(actor, 'apiToken.manage', { tenantId: actor.tenantId });
  const { id, version } = parseOrThrow(ZRevokeApiTokenSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const token = await findApiToken(tx, id);
    if (!token) throw notFound();
    if (token.revokedAt) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'admin.apiTokens.errors.alreadyRevoked' });
    if (!(await revokeRow(tx, id, version, now))) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'apiToken.revoke', subjectType: 'api_token', subjectId: id, requestId, details: { name: token.name } });
    return { id, name: token.name };
  });
}
