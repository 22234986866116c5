// The whole unit tree of the tenant, compact: id, parent, name, kind, depth and the head
// count (active employments) and FTE sum of each unit's subtree, computed in SQL.
import type { Database } from '../../db/client.ts';
import { listUnitsWithCounts } from '../../db/repositories/org-unit.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize, can } from '../shared/policy.ts';

export interface GetOrgTreeOptions {
  database: Database;
  actor: Actor;
}

export interface OrgTreeUnit {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  depth: number;
  headCount: number;
  /** Sum of FTE percent / 100 (årsverk) in the subtree, one decimal. */
  fteYears: number;
}

export interface OrgTree {
  units: OrgTreeUnit[];
  canWrite: boolean;
}

export async function getOrgTree({ database, actor }: GetOrgTreeOptions): Promise<OrgTree> {
  authorize(actor, 'org.read', { tenantId: actor.tenantId });
  const rows = await database.withTenant(actor.tenantId, (tx) => listUnitsWithCounts(tx));
  return {
    units: rows.map((r) => ({ id: r.id, parentId: r.parentId, name: r.name, kind: r.kind, depth: r.depth, headCount: r.headCount, fteYears: Math.round(r.fteSum) / 100 })),
    canWrite: can(actor, 'org.write', { tenantId: actor.tenantId }),
  };
}
