// A coordinator approves a proposed competence area (proposed → active).
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { updateArea } from '../../db/repositories/mapping.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseMappingInput, ZAreaVersionSchema } from './mapping.rules.ts';
import { requireArea } from './area-writes.ts';

export interface ApproveCompetenceAreaOptions {
  database: Database;
  actor: Actor;
  areaId: string;
  input: unknown;
  requestId?: string;
}

export async function approveCompetenceArea({ database, actor, areaId, input, requestId }: ApproveCompetenceAreaOptions): Promise<{ version: number }> {
  authorize(actor, 'mapping.vocabulary', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(areaId).success) throw notFound();
  const values = parseMappingInput(ZAreaVersionSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const area = await requireArea(tx, areaId);
    if (!(['proposed'] as string[]).includes(area.status)) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'mapping.errors.wrongStatus' });
    const saved = await updateArea(tx, areaId, values.version, { status: 'active' });
    if (!saved) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'mapping.area.approve', subjectType: 'competence_area', subjectId: areaId, requestId });
    return { version: saved.version };
  });
}
