// Create a unit under a parent (or the first, root unit of a tenant that has none).
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { countRootUnits, findUnit, findUnitByCode, insertUnit } from '../../db/repositories/org-unit.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { validation } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { childPath, depthOfPath, parseInput, ZUnitInputSchema } from './org.rules.ts';

export interface CreateUnitOptions {
  database: Database;
  actor: Actor;
  input: unknown;
  requestId?: string;
}

export async function createUnit({ database, actor, input, requestId }: CreateUnitOptions): Promise<{ id: string }> {
  authorize(actor, 'org.write', { tenantId: actor.tenantId });
  const values = parseInput(ZUnitInputSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    let parentPath: string | null = null;
    if (values.parentId) {
      const parent = await findUnit(tx, values.parentId);
      if (!parent || parent.archivedAt) throw validation([{ path: 'parentId', key: 'org.errors.parentMissing' }]);
      parentPath = parent.path;
    } else if ((await countRootUnits(tx)) > 0) {
      throw validation([{ path: 'parentId', key: 'errors.field.required' }]);
    }
    if (await findUnitByCode(tx, values.code)) throw validation([{ path: 'code', key: 'org.errors.codeTaken' }]);
    const id = randomUUID();
    const path = childPath(parentPath, id);
    await insertUnit(tx, { id, tenantId: actor.tenantId, parentId: values.parentId, kind: values.kind, name: values.name, code: values.code, path, depth: depthOfPath(path) });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'unit.create', subjectType: 'unit', subjectId: id, requestId, details: { parentId: values.parentId } });
    return { id };
  });
}
