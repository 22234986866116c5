// The roster home page: the units the actor leads (to create periods) and their periods,
// the periods of the actor's own units (to enter wishes and see the published roster), and
// for union representatives the rosters sent for approval and later.
import type { Database } from '../../db/client.ts';
import { listLedUnits } from '../../db/repositories/person.repository.ts';
import { listPeriods } from '../../db/repositories/roster.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';

export interface ListRosterPeriodsOptions {
  database: Database;
  actor: Actor;
}

export async function listRosterPeriods({ database, actor }: ListRosterPeriodsOptions) {
  authorize(actor, 'rosterRules.read', { tenantId: actor.tenantId });
  if (actor.kind !== 'account') return { ledUnits: [], led: [], own: [], review: [] };
  return database.withTenant(actor.tenantId, async (tx) => {
    const ledUnits = actor.personId ? (await listLedUnits(tx, actor.personId)).map((u) => ({ id: u.unitId, name: u.name })) : [];
    const led = actor.leaderUnitPaths.length ? await listPeriods(tx, { withinPaths: actor.leaderUnitPaths }) : [];
    const ownUnitIds = actor.ownUnitPaths.map((p) => p.split('/').at(-1)!).filter(Boolean);
    const own = ownUnitIds.length && actor.personId ? await listPeriods(tx, { unitIds: ownUnitIds }) : [];
    const review = actor.roles.has('union_rep') ? await listPeriods(tx, { statuses: ['submitted', 'approved', 'returned', 'published', 'locked'] }) : [];
    return { ledUnits, led, own, review };
  });
}
