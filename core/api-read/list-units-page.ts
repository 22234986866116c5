// The API's flat unit list: one page of units ordered by id, with parentId so a client can
// build the tree, and the HR code and version of each.
import type { Database } from '../../db/client.ts';
import { listUnitsAfter } from '../../db/repositories/api-read.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { decodeCursor, pageOf } from './api-read.rules.ts';

export interface ListUnitsPageOptions {
  database: Database;
  actor: Actor;
  cursor?: string | undefined;
  limit: number;
  includeArchived?: boolean | undefined;
}

export async function listUnitsPage({ database, actor, cursor, limit, includeArchived = false }: ListUnitsPageOptions) {
  authorize(actor, 'org.read', { tenantId: actor.tenantId });
  const after = decodeCursor(cursor);
  const rows = await database.withTenant(actor.tenantId, (tx) => listUnitsAfter(tx, { after, limit: limit + 1, includeArchived }));
  return pageOf(rows, limit);
}
