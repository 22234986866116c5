// A coordinator merges one competence area into another (a proposal that duplicates an existing
// area, or two names for the same thing): every need and offer moves to the target, and the
// merged area is kept only as history (status 'merged', mergedIntoId).
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { repointArea, updateArea } from '../../db/repositories/mapping.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, staleVersion, validation } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseMappingInput, ZAreaMergeSchema } from './mapping.rules.ts';
import { requireArea } from './area-writes.ts';

export interface MergeCompetenceAreaOptions {
  database: Database;
  actor: Actor;
  areaId: string;
  input: unknown;
  requestId?: string;
}

export async function mergeCompetenceArea({ database, actor, areaId, input, requestId }: MergeCompetenceAreaOptions): Promise<{ moved: number }> {
  authorize(actor, 'mapping.vocabulary', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(areaId).success) throw notFound();
  const values = parseMappingInput(ZAreaMergeSchema, input);
  if (values.intoId === areaId) throw validation([{ path: 'intoId', key: 'mapping.errors.mergeSelf' }]);
  return database.withTenant(actor.tenantId, async (tx) => {
    await requireArea(tx, areaId);
    const target = await requireArea(tx, values.intoId).catch(() => {
      throw validation([{ path: 'intoId', key: 'mapping.errors.areaUnknown' }]);
    });
    if (target.status === 'archived') throw validation([{ path: 'intoId', key: 'mapping.errors.areaUnknown' }]);
    const saved = await updateArea(tx, areaId, values.version, { status: 'merged', mergedIntoId: target.id });
    if (!saved) throw staleVersion();
    const moved = await repointArea(tx, areaId, target.id);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'mapping.area.merge', subjectType: 'competence_area', subjectId: areaId, requestId, details: { intoId: target.id, needs: moved } });
    return { moved };
  });
}
