// A coordinator adds a competence area to the tenant's vocabulary.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { insertAreas } from '../../db/repositories/mapping.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseMappingInput, ZAreaNameSchema } from './mapping.rules.ts';
import { requireFreeName } from './area-writes.ts';

export interface CreateCompetenceAreaOptions {
  database: Database;
  actor: Actor;
  input: unknown;
  requestId?: string;
}

export async function createCompetenceArea({ database, actor, input, requestId }: CreateCompetenceAreaOptions): Promise<{ id: string }> {
  authorize(actor, 'mapping.vocabulary', { tenantId: actor.tenantId });
  const { name } = parseMappingInput(ZAreaNameSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    await requireFreeName(tx, name);
    const [row] = await insertAreas(tx, [{ tenantId: actor.tenantId, name, status: 'active', proposedByAccountId: actor.kind === 'account' ? actor.accountId : null }]);
    if (!row) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'mapping.errors.areaExists', params: { name } });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'mapping.area.create', subjectType: 'competence_area', subjectId: row.id, requestId });
    return { id: row.id };
  });
}
