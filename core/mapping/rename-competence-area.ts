// A coordinator renames a competence area (every need using it follows, since needs point at the area).
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { updateArea } from '../../db/repositories/mapping.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseMappingInput, ZAreaRenameSchema } from './mapping.rules.ts';
import { requireArea, requireFreeName } from './area-writes.ts';

export interface RenameCompetenceAreaOptions {
  database: Database;
  actor: Actor;
  areaId: string;
  input: unknown;
  requestId?: string;
}

export async function renameCompetenceArea({ database, actor, areaId, input, requestId }: RenameCompetenceAreaOptions): Promise<{ version: number }> {
  authorize(actor, 'mapping.vocabulary', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(areaId).success) throw notFound();
  const values = parseMappingInput(ZAreaRenameSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    await requireArea(tx, areaId);
    await requireFreeName(tx, values.name, areaId);
    const saved = await updateArea(tx, areaId, values.version, { name: values.name });
    if (!saved) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'mapping.area.rename', subjectType: 'competence_area', subjectId: areaId, requestId });
    return { version: saved.version };
  });
}
