// Find people by name or employee number, only among those the actor may read: everyone for
// tenant-wide readers, the units (and descendants) a leader leads, otherwise only oneself.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { searchPersons, type PersonSearchScope } from '../../db/repositories/person.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { authorize, can } from '../shared/policy.ts';
import { parseInput } from '../org/org.rules.ts';
import { z } from 'zod';

export const SEARCH_LIMIT = 50;
export const ZSearchPeopleSchema = z.object({ query: z.string().trim().min(2).max(100) });

export interface SearchPeopleOptions {
  database: Database;
  actor: Actor;
  query: string;
  requestId?: string;
}

export function searchScope(actor: Actor): PersonSearchScope {
  if (can(actor, 'person.read', { tenantId: actor.tenantId })) return { kind: 'all' };
  if (actor.kind === 'account' && actor.leaderUnitPaths.length > 0) return { kind: 'units', paths: actor.leaderUnitPaths };
  if (actor.kind === 'account' && actor.personId) return { kind: 'self', personId: actor.personId };
  return { kind: 'units', paths: [] };
}

export async function searchPeople({ database, actor, query, requestId }: SearchPeopleOptions) {
  authorize(actor, 'org.read', { tenantId: actor.tenantId });
  const { query: q } = parseInput(ZSearchPeopleSchema, { query });
  const scope = searchScope(actor);
  return database.withTenant(actor.tenantId, async (tx) => {
    const rows = await searchPersons(tx, { query: q, scope, limit: SEARCH_LIMIT + 1 });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'person.search', requestId, details: { results: Math.min(rows.length, SEARCH_LIMIT), scope: scope.kind } });
    return {
      results: rows.slice(0, SEARCH_LIMIT).map((r) => ({ personId: r.id, name: `${r.givenName} ${r.familyName}`, positionTitle: r.positionTitle, unitName: r.unitName })),
      truncated: rows.length > SEARCH_LIMIT,
      scope: scope.kind,
    };
  });
}
