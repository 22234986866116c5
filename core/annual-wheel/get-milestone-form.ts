// What the "new milestone" form needs: the units to choose targets from (coordinators only).
import type { Database } from '../../db/client.ts';
import { listUnitsForTargets } from '../../db/repositories/wheel.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { parseWheelYear } from './annual-wheel.rules.ts';
import { today } from './wheel-access.ts';

export async function getMilestoneForm({ database, actor, year, now }: { database: Database; actor: Actor; year?: unknown; now?: Date }) {
  authorize(actor, 'wheel.write', { tenantId: actor.tenantId });
  const parsed = { year: parseWheelYear(year, today(now).slice(0, 4)) };
  const units = await database.withTenant(actor.tenantId, (tx) => listUnitsForTargets(tx));
  return { year: parsed.year, units: units.map((u) => ({ id: u.id, name: u.name, depth: u.depth })) };
}
