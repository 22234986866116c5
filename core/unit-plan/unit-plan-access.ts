// Shared steps of the unit-plan use cases: the unit and wheel cycle a plan belongs to (NOT_FOUND
// for bad ids, archived units and years without a wheel), who may see a plan in its status, and
// refusing changes to a plan that is no longer a draft.
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { findUnit } from '../../db/repositories/org-unit.repository.ts';
import { findUnitPlan, type UnitPlanRow } from '../../db/repositories/unit-plan.repository.ts';
import { findCycleByYear } from '../../db/repositories/wheel.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound } from '../shared/app-error.ts';
import { can, type Action } from '../shared/policy.ts';
import { ZYearSchema, type TUnitPlanStatus } from './unit-plan.rules.ts';

export interface UnitPlanContext {
  unit: { id: string; name: string; kind: string; path: string };
  cycle: { id: string; year: number };
  plan: (Omit<UnitPlanRow, 'status'> & { status: TUnitPlanStatus }) | null;
}

/** The live unit, the cycle of the year and the unit's plan of it (null when not started). */
export async function loadUnitPlanContext(tx: Tx, unitId: unknown, year: unknown): Promise<UnitPlanContext> {
  if (!z.uuid().safeParse(unitId).success) throw notFound();
  const parsedYear = ZYearSchema.safeParse(year);
  if (!parsedYear.success) throw notFound();
  const unit = await findUnit(tx, unitId as string);
  if (!unit || unit.archivedAt) throw notFound();
  const cycle = await findCycleByYear(tx, parsedYear.data);
  if (!cycle) throw notFound();
  const plan = await findUnitPlan(tx, unit.id, cycle.id);
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind, path: unit.path },
    cycle: { id: cycle.id, year: cycle.year },
    plan: plan ? { ...plan, status: plan.status as TUnitPlanStatus } : null,
  };
}

export function unitResource(actor: Actor, unitPath: string) {
  return { tenantId: actor.tenantId, unitPaths: [unitPath] };
}

export function canUnitPlan(actor: Actor, action: Action, unitPath: string): boolean {
  return can(actor, action, unitResource(actor, unitPath));
}

/** Drafts and submitted plans: the unit's leaders (and above), coordinators, executives, tenant admins; approved plans: everyone in the municipality. */
export function canSeeUnitPlan(actor: Actor, unitPath: string, status: TUnitPlanStatus): boolean {
  return canUnitPlan(actor, 'unitPlan.read', unitPath) || (status === 'approved' && canUnitPlan(actor, 'unitPlan.readApproved', unitPath));
}

/** The plan, when it exists and the actor may see it; NOT_FOUND otherwise (never revealing which). */
export function requireVisiblePlan(actor: Actor, ctx: UnitPlanContext): NonNullable<UnitPlanContext['plan']> {
  if (!ctx.plan || !canSeeUnitPlan(actor, ctx.unit.path, ctx.plan.status)) throw notFound();
  return ctx.plan;
}

/** Sections and rows change only while the plan is a draft. */
export function requireDraft(plan: { status: string }): void {
  if (plan.status !== 'draft') throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'unitPlan.errors.notDraft' });
}
