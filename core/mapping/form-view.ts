// Build the read model of a form (needs with area names and "why" texts, participants' names,
// sums and the measure mix), shared by the form page and the overview.
import type { Tx } from '../../db/client.ts';
import { findAreasByIds, findPersonNames, listBasisEntries, listNeeds, type findForm } from '../../db/repositories/mapping.repository.ts';
import { isMeasureType, type MeasureType } from '../shared/measure-types.ts';
import { osloDate } from '../annual-wheel/annual-wheel.rules.ts';
import { summariseNeeds, type FormSummary, type TBasisKind, type TFormStatus, type TNeedTerm } from './mapping.rules.ts';

export interface NeedView {
  term: TNeedTerm;
  /** The year the need is expected in: the cycle's year (short term) or one of the three after it. */
  year: number;
  competenceAreaId: string;
  areaName: string;
  description: string;
  basisEntryId: string | null;
  basisKind: TBasisKind | null;
  basisText: string | null;
  whyText: string;
  peopleCount: number;
  measureTypes: MeasureType[];
  priority: number;
  costNok: number;
  substituteCostNok: number;
  carriedOver: boolean;
}

export interface FormView {
  id: string;
  status: TFormStatus;
  version: number;
  discussionDate: string | null;
  participantsText: string;
  participants: Array<{ id: string; name: string }>;
  returnComment: string | null;
  submittedAt: string | null;
  /** The Norwegian day it was handed in (for lateness). */
  submittedOn: string | null;
  decidedAt: string | null;
  rolledOver: boolean;
  needs: NeedView[];
  summary: FormSummary;
}

type FormRow = NonNullable<Awaited<ReturnType<typeof findForm>>>;

/** Read models of forms of one unit (basis entries are the unit's). */
export async function buildFormViews(tx: Tx, unitId: string, forms: readonly FormRow[]): Promise<FormView[]> {
  if (forms.length === 0) return [];
  const needs = await listNeeds(tx, forms.map((f) => f.id));
  const areas = await findAreasByIds(tx, needs.map((n) => n.competenceAreaId));
  const basis = await listBasisEntries(tx, unitId);
  const people = await findPersonNames(tx, forms.flatMap((f) => f.participantPersonIds));
  const areaName = new Map(areas.map((a) => [a.id, a.name]));
  const basisById = new Map(basis.map((b) => [b.id, b]));
  return forms.map((form): FormView => {
    const own = needs
      .filter((n) => n.formId === form.id)
      .map((n): NeedView => {
        const entry = n.basisEntryId ? basisById.get(n.basisEntryId) : undefined;
        return {
          term: n.term as TNeedTerm,
          year: n.year,
          competenceAreaId: n.competenceAreaId,
          areaName: areaName.get(n.competenceAreaId) ?? '–',
          description: n.description,
          basisEntryId: n.basisEntryId,
          basisKind: entry ? (entry.kind as TBasisKind) : null,
          basisText: entry?.text ?? null,
          whyText: n.whyText,
          peopleCount: n.peopleCount,
          measureTypes: n.measureTypes.filter(isMeasureType),
          priority: n.priority,
          costNok: n.costNok,
          substituteCostNok: n.substituteCostNok,
          carriedOver: n.carriedOver,
        };
      });
    return {
      id: form.id,
      status: form.status as TFormStatus,
      version: form.version,
      discussionDate: form.discussionDate,
      participantsText: form.participantsText,
      participants: form.participantPersonIds.map((id) => ({ id, name: people.get(id) ?? '–' })),
      returnComment: form.returnComment,
      submittedAt: form.submittedAt?.toISOString() ?? null,
      submittedOn: form.submittedAt ? osloDate(form.submittedAt) : null,
      decidedAt: form.decidedAt?.toISOString() ?? null,
      rolledOver: form.carriedOverFromId !== null,
      needs: own,
      summary: summariseNeeds(own),
    };
  });
}
