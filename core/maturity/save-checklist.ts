// Save a unit's checklist for a year's wheel cycle: an answer (yes / partly / no) and an optional
// comment per active item. The unit's leaders (their subtree) and coordinators. The version read
// guards against overwriting someone else's newer save.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findChecklist, saveChecklist as saveChecklistRow } from '../../db/repositories/maturity.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { loadChecklistContext } from './checklist-units.ts';
import { yearOf } from './maturity-access.ts';
import { parseChecklistForm, parseMaturityInput, type ChecklistEntry } from './maturity.rules.ts';

const ZVersionSchema = z.object({ version: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), z.coerce.number().int().min(1).nullable()) });

export interface SaveChecklistOptions {
  database: Database;
  actor: Actor;
  year: unknown;
  unitId: string;
  input: Record<string, unknown>;
  requestId?: string;
}

export async function saveChecklist({ database, actor, year: rawYear, unitId, input, requestId }: SaveChecklistOptions): Promise<{ version: number }> {
  const year = yearOf(rawYear);
  if (!z.uuid().safeParse(unitId).success) throw notFound();
  const { version: expectedVersion } = parseMaturityInput(ZVersionSchema, { version: input.version });
  return database.withTenant(actor.tenantId, async (tx) => {
    const { cycle, items, units } = await loadChecklistContext(tx, actor, year);
    const unit = units.find((u) => u.id === unitId);
    if (!unit) throw notFound();
    authorize(actor, 'checklist.write', { tenantId: actor.tenantId, unitPaths: [unit.path] });
    if (!cycle) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'maturity.errors.noCycle', params: { year } });
    if (items.length === 0) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'maturity.errors.noItems' });
    const answers = parseChecklistForm(input, items.map((i) => i.id));
    // Keep answers to archived items as they were; the form only covers active ones.
    const previous = ((await findChecklist(tx, cycle.id, unit.id))?.answers ?? {}) as Record<string, ChecklistEntry>;
    const version = await saveChecklistRow(tx, {
      tenantId: actor.tenantId,
      cycleId: cycle.id,
      unitId: unit.id,
      answers: { ...previous, ...answers },
      accountId: actor.kind === 'account' ? actor.accountId : null,
      expectedVersion,
    });
    if (version === null) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'maturity.checklist.save', subjectType: 'org_unit', subjectId: unit.id, requestId, details: { year } });
    return { version };
  });
}
