// Checks on an employment that need the database, shared by add-employment and
// update-employment: the unit exists and the actor may write in it, the STYRK-08 code is a
// known occupation (level 4), and the employee number is not used by another employment.
import type { Tx } from '../../db/client.ts';
import { findUnit } from '../../db/repositories/org-unit.repository.ts';
import { findOccupation } from '../../db/repositories/occupation.repository.ts';
import { employeeNumberTaken } from '../../db/repositories/person.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { validation, type ValidationIssue } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import type { TEmploymentInput } from '../org/org.rules.ts';

/** Throws VALIDATION with every problem found, or FORBIDDEN for a unit outside the actor's scope; returns the unit path. */
export async function checkEmploymentReferences(tx: Tx, actor: Actor, values: TEmploymentInput, exceptEmploymentId?: string): Promise<string> {
  const issues: ValidationIssue[] = [];
  const unit = await findUnit(tx, values.unitId);
  if (!unit || unit.archivedAt) issues.push({ path: 'unitId', key: 'org.errors.unitMissing' });
  if (values.styrk08 && !(await findOccupation(tx, values.styrk08, 4))) issues.push({ path: 'styrk08', key: 'org.errors.styrkUnknown' });
  if (await employeeNumberTaken(tx, values.employeeNumber, exceptEmploymentId)) issues.push({ path: 'employeeNumber', key: 'org.errors.employeeNumberTaken' });
  if (issues.length) throw validation(issues);
  authorize(actor, 'person.write', { tenantId: actor.tenantId, unitPaths: [unit!.path] });
  return unit!.path;
}

