// The tenant's competence-area vocabulary: live areas (active and proposed, with how many needs
// use each), archived ones, and whether the actor may manage the list.
import type { Database } from '../../db/client.ts';
import { listAreas } from '../../db/repositories/mapping.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize, can } from '../shared/policy.ts';
import type { TAreaStatus } from './mapping.rules.ts';

export interface ListCompetenceAreasOptions {
  database: Database;
  actor: Actor;
}

export interface AreaView {
  id: string;
  name: string;
  status: TAreaStatus;
  mergedIntoId: string | null;
  needCount: number;
  version: number;
}

export async function listCompetenceAreas({ database, actor }: ListCompetenceAreasOptions): Promise<{ areas: AreaView[]; canManage: boolean; canPropose: boolean }> {
  authorize(actor, 'mapping.read', { tenantId: actor.tenantId });
  const rows = await database.withTenant(actor.tenantId, (tx) => listAreas(tx));
  return {
    areas: rows.filter((r) => r.status !== 'merged').map((r) => ({ id: r.id, name: r.name, status: r.status as TAreaStatus, mergedIntoId: r.mergedIntoId, needCount: r.needCount, version: r.version })),
    canManage: can(actor, 'mapping.vocabulary', { tenantId: actor.tenantId }),
    canPropose: can(actor, 'mapping.propose', { tenantId: actor.tenantId }),
  };
}
