// STYRK-08 lookup for integrations: occupations whose code starts with, or whose name
// contains, the query (most specific level first).
import type { Database } from '../../db/client.ts';
import { searchOccupations as searchRows } from '../../db/repositories/api-read.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';

export interface SearchOccupationsOptions {
  database: Database;
  actor: Actor;
  query: string;
  limit: number;
}

export async function searchOccupations({ database, actor, query, limit }: SearchOccupationsOptions) {
  authorize(actor, 'org.read', { tenantId: actor.tenantId });
  const items = await database.withTenant(actor.tenantId, (tx) => searchRows(tx, query.trim(), limit));
  return { items };
}
