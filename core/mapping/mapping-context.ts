// Shared steps of the mapping use cases: the unit and wheel cycle a form belongs to (with the
// cycle's mapping_form milestone for the unit), the policy check for reading a form in its
// status, and keeping the unit's wheel status in step with the form (source 'mapping_form').
import type { Tx } from '../../db/client.ts';
import { findUnit } from '../../db/repositories/org-unit.repository.ts';
import { findCycleByYear, listMilestonesOfCycle, listStatuses, listUnitsForTargets, saveUnitStatus } from '../../db/repositories/wheel.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound, staleVersion } from '../shared/app-error.ts';
import { can } from '../shared/policy.ts';
import { osloDate, targetUnits } from '../annual-wheel/annual-wheel.rules.ts';
import { isPublished, pickFormMilestone, wheelStatusFor, type TFormStatus } from './mapping.rules.ts';

export interface UnitRef {
  id: string;
  name: string;
  kind: string;
  path: string;
  depth: number;
}

export interface FormMilestone {
  id: string;
  title: string;
  deadline: string;
}

/** A live unit, or NOT_FOUND. */
export async function requireUnit(tx: Tx, unitId: string): Promise<UnitRef> {
  const unit = await findUnit(tx, unitId);
  if (!unit || unit.archivedAt) throw notFound();
  return { id: unit.id, name: unit.name, kind: unit.kind, path: unit.path, depth: unit.depth };
}

/** The mapping_form milestone of a cycle that a unit's form counts for (null when the cycle has none for it). */
export async function formMilestoneFor(tx: Tx, cycleId: string, unitId: string): Promise<FormMilestone | null> {
  const milestones = await listMilestonesOfCycle(tx, cycleId);
  const units = await listUnitsForTargets(tx);
  const m = pickFormMilestone(milestones, (milestone) => targetUnits(milestone, units).units.some((u) => u.id === unitId));
  return m ? { id: m.id, title: m.title, deadline: m.deadline } : null;
}

export async function requireCycle(tx: Tx, year: number) {
  const cycle = await findCycleByYear(tx, year);
  if (!cycle) throw notFound();
  return cycle;
}

/** May the actor read this unit's form in this status? Drafts and returned forms are for the unit's leaders and coordinators. */
export function canReadForm(actor: Actor, unitPath: string, status: TFormStatus): boolean {
  const resource = { tenantId: actor.tenantId, unitPaths: [unitPath] };
  return can(actor, 'mapping.form.readDraft', resource) || (isPublished(status) && can(actor, 'mapping.form.read', resource));
}

/**
 * Upsert the unit's status on the form's milestone from the form's status (in progress while
 * with the unit, done when handed in or approved), as set-unit-status does by hand. A manual
 * mark saved at the same moment makes the first attempt stale; the second reads it again.
 */
export async function syncWheelStatus(tx: Tx, values: { tenantId: string; milestoneId: string | null; unitId: string; formStatus: TFormStatus; accountId: string | null }): Promise<void> {
  if (!values.milestoneId) return;
  const status = wheelStatusFor(values.formStatus);
  for (let attempt = 0; attempt < 2; attempt++) {
    const rows = await listStatuses(tx, [values.milestoneId]);
    const current = rows.find((r) => r.unitId === values.unitId) ?? null;
    if (current && current.status === status && current.source === 'mapping_form') return;
    const version = await saveUnitStatus(tx, {
      tenantId: values.tenantId,
      milestoneId: values.milestoneId,
      unitId: values.unitId,
      status,
      source: 'mapping_form',
      accountId: values.accountId,
      expectedVersion: current?.version ?? null,
    });
    if (version !== null) return;
  }
  throw staleVersion();
}

/** The Norwegian calendar day of `now` (default: the real clock). */
export function today(now: Date | undefined): string {
  return osloDate(now ?? new Date());
}

export function accountIdOf(actor: Actor): string | null {
  return actor.kind === 'account' ? actor.accountId : null;
}
