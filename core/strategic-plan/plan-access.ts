// Shared pieces of the strategic plan's use cases: load a plan (404 when it is not the
// tenant's), its analysis scope, permissions as flags for the pages, and today's date.
import type { Tx } from '../../db/client.ts';
import { findPlan } from '../../db/repositories/strategic-plan.repository.ts';
import type { StaffingScope } from '../../db/repositories/staffing.repository.ts';
import { osloDate } from '../annual-wheel/annual-wheel.rules.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { can } from '../shared/policy.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type LoadedPlan = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export async function loadPlan(tx: Tx, planId: unknown): Promise<LoadedPlan> {
  if (typeof planId !== 'string' || !UUID.test(planId)) throw notFound();
  const row = await findPlan(tx, planId);
  if (!row) throw notFound();
  return row;
}

export function scopeOf(row: LoadedPlan, date: string): StaffingScope {
  return row.plan.scopeUnitId && row.scopePath ? { path: row.scopePath, depth: row.scopeDepth ?? 0, date } : { path: null, depth: 0, date };
}

export function canWritePlans(actor: Actor): boolean {
  return can(actor, 'strategicPlan.write', { tenantId: actor.tenantId });
}

export function todayIn(now: Date | undefined): string {
  return osloDate(now ?? new Date());
}

/** The plan as the pages show it. */
export function planView(row: LoadedPlan) {
  const p = row.plan;
  return {
    id: p.id,
    title: p.title,
    startYear: p.startYear,
    horizonYears: p.horizonYears,
    endYear: p.startYear + p.horizonYears - 1,
    status: p.status,
    scopeUnitId: p.scopeUnitId,
    scopeName: row.scopeName,
    retirementAge: p.retirementAge,
    earlyRetirementPercent: p.earlyRetirementPercent,
    competenceDefinition: p.competenceDefinition,
    competenceRequirements: p.competenceRequirements,
    competenceCapital: p.competenceCapital,
    competenceNeeds: p.competenceNeeds,
    version: p.version,
  };
}
export type PlanView = ReturnType<typeof planView>;
