// What the "start from a template" page shows: the templates with their milestones' dates for
// the chosen year, and whether that year already has a cycle (coordinators, tenant admins).
import type { Database } from '../../db/client.ts';
import { findCycleByYear } from '../../db/repositories/wheel.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { parseWheelYear, TEMPLATE_IDS, templateMilestones } from './annual-wheel.rules.ts';
import { today, wheelPermissions } from './wheel-access.ts';

export async function getTemplateChoices({ database, actor, year, now }: { database: Database; actor: Actor; year?: unknown; now?: Date }) {
  authorize(actor, 'wheel.write', { tenantId: actor.tenantId });
  const current = Number(today(now).slice(0, 4));
  const parsed = { year: parseWheelYear(year, current + 1) };
  const existing = await database.withTenant(actor.tenantId, (tx) => findCycleByYear(tx, parsed.year));
  return {
    year: parsed.year,
    cycleExists: existing !== null,
    templates: TEMPLATE_IDS.map((id) => ({ id, milestones: templateMilestones(id, parsed.year).map((m) => ({ key: m.key, deadline: m.deadline })) })),
    ...wheelPermissions(actor),
  };
}
