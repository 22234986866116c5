// Writing a form's content (the joint discussion and the needs) under the form's version, shared
// by save-mapping-form and submit-mapping-form. Checks that every area is in the vocabulary (not
// merged away), every "why" entry is one of the unit's live entries, and every participant works
// in the unit or a unit below it, and each need's year is within the cycle's 4-year outlook.
import type { Tx } from '../../db/client.ts';
import { findAreasByIds, findBasisEntry, isPersonInUnits } from '../../db/repositories/mapping.repository.ts';
import { replaceNeeds, updateForm } from '../../db/repositories/mapping.repository.ts';
import { listUnitsForTargets } from '../../db/repositories/wheel.repository.ts';
import { pathWithin } from '../shared/actor.ts';
import { staleVersion, validation, type ValidationIssue } from '../shared/app-error.ts';
import { resolveNeedYear, type TFormContent } from './mapping.rules.ts';
import type { UnitRef } from './mapping-context.ts';

export async function writeFormContent(tx: Tx, values: { tenantId: string; formId: string; cycleYear: number; unit: UnitRef; content: TFormContent; milestoneId: string | null }): Promise<number> {
  const { content, unit } = values;
  const issues: ValidationIssue[] = [];

  // Each need's year against the form's cycle: short term = the cycle's year, long term = one of the three after it.
  const years = content.needs.map((need, i) => {
    const resolved = resolveNeedYear(need.term, need.year, values.cycleYear);
    if ('key' in resolved) {
      issues.push({ path: `needs.${i}.year`, key: resolved.key, params: { from: values.cycleYear + 1, to: values.cycleYear + 3, year: values.cycleYear } });
      return values.cycleYear;
    }
    return resolved.year;
  });

  const areas = new Map((await findAreasByIds(tx, content.needs.map((n) => n.competenceAreaId))).map((a) => [a.id, a]));
  for (const [i, need] of content.needs.entries()) {
    const area = areas.get(need.competenceAreaId);
    if (!area || area.status === 'merged') issues.push({ path: `needs.${i}.competenceAreaId`, key: 'mapping.errors.areaUnknown' });
    if (need.basisEntryId) {
      const entry = await findBasisEntry(tx, need.basisEntryId);
      if (!entry || entry.unitId !== unit.id || entry.archivedAt) issues.push({ path: `needs.${i}.basisEntryId`, key: 'mapping.errors.basisUnknown' });
    }
  }
  if (content.participantPersonIds.length > 0) {
    const subtree = (await listUnitsForTargets(tx)).filter((u) => pathWithin(u.path, [unit.path])).map((u) => u.id);
    for (const personId of new Set(content.participantPersonIds)) {
      if (!(await isPersonInUnits(tx, personId, subtree))) issues.push({ path: 'participantPersonIds', key: 'mapping.errors.participantUnknown' });
    }
  }
  if (issues.length) throw validation(issues);

  const version = await updateForm(tx, values.formId, content.version, {
    discussionDate: content.discussionDate,
    participantsText: content.participantsText,
    participantPersonIds: [...new Set(content.participantPersonIds)],
    milestoneId: values.milestoneId,
  });
  if (version === null) throw staleVersion();
  await replaceNeeds(
    tx,
    values.tenantId,
    values.formId,
    content.needs.map((n, position) => ({
      position,
      term: n.term,
      year: years[position]!,
      competenceAreaId: n.competenceAreaId,
      description: n.description,
      basisEntryId: n.basisEntryId,
      whyText: n.whyText,
      peopleCount: n.peopleCount,
      measureTypes: n.measureTypes,
      priority: n.priority,
      costNok: n.costNok,
      substituteCostNok: n.substituteCostNok,
      carriedOver: n.carriedOver,
    })),
  );
  return version;
}
