// Archive a unit that no longer has sub-units or active employments (history is kept).
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { countUnitContents, findUnit, updateUnitFields } from '../../db/repositories/org-unit.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseInput, ZVersionSchema } from './org.rules.ts';

export interface ArchiveUnitOptions {
  database: Database;
  actor: Actor;
  unitId: string;
  input: unknown;
  requestId?: string;
  now?: Date;
}

export async function archiveUnit({ database, actor, unitId, input, requestId, now = new Date() }: ArchiveUnitOptions): Promise<{ parentId: string | null }> {
  authorize(actor, 'org.write', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(unitId).success) throw notFound();
  const { version } = parseInput(z.object({ version: ZVersionSchema }), input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const unit = await findUnit(tx, unitId);
    if (!unit || unit.archivedAt) throw notFound();
    if (unit.version !== version) throw staleVersion();
    const contents = await countUnitContents(tx, unitId);
    if (contents.children > 0 || contents.activeEmployments > 0) {
      throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'org.errors.unitNotEmpty', params: { children: contents.children, employees: contents.activeEmployments } });
    }
    const updated = await updateUnitFields(tx, unitId, version, { archivedAt: now });
    if (!updated) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'unit.archive', subjectType: 'unit', subjectId: unitId, requestId });
    return { parentId: unit.parentId };
  });
}
