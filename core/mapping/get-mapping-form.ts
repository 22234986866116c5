// A unit's mapping form for a wheel cycle: the form (when the actor may read it in its status),
// the milestone it counts for and whether it is late, last cycle's form read-only beside it,
// what the actor may do, and — for the unit's leaders — the choices to fill it in with (the
// vocabulary, the unit's basis entries, the persons of the unit). Beside last cycle's form: what
// the unit learned from last year's measures (the catalogue's listEvaluationsForUnit), without
// participants' names, for those who may read the unit's evaluations.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { findForm, findPreviousForm, listAreas, listBasisEntries } from '../../db/repositories/mapping.repository.ts';
import { listPersonsInUnits } from '../../db/repositories/org-unit.repository.ts';
import { findCycleByYear, listCycleYears, listUnitsForTargets } from '../../db/repositories/wheel.repository.ts';
import { pathWithin, type Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize, can } from '../shared/policy.ts';
import { defaultCycleYear, isEditable, lateness, type TBasisKind, type TLateness } from './mapping.rules.ts';
import { canReadForm, formMilestoneFor, requireUnit, today as todayOf, type FormMilestone, type UnitRef } from './mapping-context.ts';
import { buildFormViews, type FormView } from './form-view.ts';
import { listEvaluationsForUnit, type UnitMeasureEvaluation } from '../catalogue/list-evaluations-for-unit.ts';

export interface GetMappingFormOptions {
  database: Database;
  actor: Actor;
  unitId: string;
  /** The cycle's year; default: defaultCycleYear. */
  year?: string | null;
  now?: Date;
  requestId?: string;
}

export interface MappingFormPage {
  today: string;
  unit: UnitRef;
  years: number[];
  cycle: { id: string; year: number; title: string } | null;
  milestone: FormMilestone | null;
  form: FormView | null;
  /** A form exists that the actor may not read in its status (a draft of another unit). */
  formHidden: boolean;
  lateness: TLateness;
  /**
   * Last cycle's form of the unit, read-only.
   */
  previous: { year: number; form: FormView } | null;
  /**
   * Last year's measures the unit's people attended (the year before the cycle's), with the
   * leader's year-end evaluation, usefulness and report-backs — no participant names. Null when
   * the actor may not read the unit's evaluations (catalogue.evaluations.read) or there is no cycle.
   */
  lastYearEvaluations: { year: number; measures: UnitMeasureEvaluation[] } | null;
  canStart: boolean;
  canRollOver: boolean;
  canEdit: boolean;
  canDecide: boolean;
  canPropose: boolean;
  choices: {
    areas: Array<{ id: string; name: string; status: string }>;
    basis: Array<{ id: string; kind: TBasisKind; text: string }>;
    persons: Array<{ id: string; name: string }>;
  } | null;
}

export async function getMappingForm({ database, actor, unitId, year, now, requestId }: GetMappingFormOptions): Promise<MappingFormPage> {
  authorize(actor, 'mapping.read', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(unitId).success) throw notFound();
  const page = await readMappingForm({ database, actor, unitId, year, now });
  if (!page.cycle || !can(actor, 'catalogue.evaluations.read', { tenantId: actor.tenantId, unitPaths: [page.unit.path] })) return page;
  // The catalogue's own use case (its own transaction and audit entry): the evaluation loop of the roll-over.
  const evaluationYear = page.cycle.year - 1;
  const measures = await listEvaluationsForUnit({ database, actor, unitId: page.unit.id, year: evaluationYear, requestId });
  return { ...page, lastYearEvaluations: { year: evaluationYear, measures } };
}

async function readMappingForm({ database, actor, unitId, year, now }: GetMappingFormOptions): Promise<MappingFormPage> {
  const today = todayOf(now);
  return database.withTenant(actor.tenantId, async (tx) => {
    const unit = await requireUnit(tx, unitId);
    const years = await listCycleYears(tx);
    const requested = year ? Number(year) : defaultCycleYear(years, today);
    const cycleRow = requested !== null && Number.isInteger(requested) ? await findCycleByYear(tx, requested) : null;
    if (year && !cycleRow) throw notFound();
    const resource = { tenantId: actor.tenantId, unitPaths: [unit.path] };
    const mayEdit = can(actor, 'mapping.form.edit', resource);
    const base: MappingFormPage = {
      today,
      unit,
      years,
      cycle: null,
      milestone: null,
      form: null,
      formHidden: false,
      lateness: 'no_deadline',
      previous: null,
      lastYearEvaluations: null,
      canStart: false,
      canRollOver: false,
      canEdit: false,
      canDecide: false,
      canPropose: can(actor, 'mapping.propose', { tenantId: actor.tenantId }),
      choices: null,
    };
    if (!cycleRow) return base;
    const milestone = await formMilestoneFor(tx, cycleRow.id, unit.id);
    const row = await findForm(tx, cycleRow.id, unit.id);
    const readable = row !== null && canReadForm(actor, unit.path, row.status as FormView['status']);
    const previousRow = await findPreviousForm(tx, unit.id, cycleRow.year);
    const previousReadable = previousRow !== null && canReadForm(actor, unit.path, previousRow.form.status as FormView['status']);
    const views = await buildFormViews(tx, unit.id, [...(readable ? [row] : []), ...(previousReadable ? [previousRow.form] : [])]);
    const form = readable ? views[0]! : null;
    const previous = previousReadable ? { year: previousRow.cycleYear, form: views.at(-1)! } : null;
    const canEdit = mayEdit && form !== null && isEditable(form.status);
    let choices: MappingFormPage['choices'] = null;
    if (canEdit || (mayEdit && row === null)) {
      const selected = new Set(form?.needs.map((n) => n.competenceAreaId) ?? []);
      const subtree = (await listUnitsForTargets(tx)).filter((u) => pathWithin(u.path, [unit.path])).map((u) => u.id);
      const areas = await listAreas(tx);
      const basis = await listBasisEntries(tx, unit.id);
      const persons = await listPersonsInUnits(tx, subtree, 500);
      choices = {
        areas: areas.filter((a) => a.status === 'active' || a.status === 'proposed' || (a.status === 'archived' && selected.has(a.id))).map((a) => ({ id: a.id, name: a.name, status: a.status })),
        basis: basis.map((b) => ({ id: b.id, kind: b.kind as TBasisKind, text: b.text })),
        persons: persons.map((p) => ({ id: p.personId, name: `${p.givenName} ${p.familyName}` })),
      };
    }
    return {
      ...base,
      cycle: { id: cycleRow.id, year: cycleRow.year, title: cycleRow.title },
      milestone,
      form,
      formHidden: row !== null && !readable,
      lateness: row !== null && !readable ? 'no_deadline' : lateness(milestone?.deadline ?? null, row ? (row.status as FormView['status']) : 'missing', form?.submittedOn ?? null, today),
      previous,
      canStart: mayEdit && row === null,
      canRollOver: mayEdit && row === null && previousRow !== null,
      canEdit,
      canDecide: form !== null && (form.status === 'submitted' || form.status === 'approved') && can(actor, 'mapping.form.decide', { tenantId: actor.tenantId }),
      choices,
    };
  });
}
