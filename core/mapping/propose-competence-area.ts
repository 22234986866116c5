// A unit leader proposes a new competence area from the form; it can be used at once and
// waits for a coordinator to approve it (or merge it into an existing one).
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { insertAreas } from '../../db/repositories/mapping.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseMappingInput, ZAreaNameSchema } from './mapping.rules.ts';
import { requireFreeName } from './area-writes.ts';

export interface ProposeCompetenceAreaOptions {
  database: Database;
  actor: Actor;
  input: unknown;
  requestId?: string;
}

export async function proposeCompetenceArea({ database, actor, input, requestId }: ProposeCompetenceAreaOptions): Promise<{ id: string }> {
  authorize(actor, 'mapping.propose', { tenantId: actor.tenantId });
  const { name } = parseMappingInput(ZAreaNameSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    await requireFreeName(tx, name);
    const [row] = await insertAreas(tx, [{ tenantId: actor.tenantId, name, status: 'proposed', proposedByAccountId: actor.kind === 'account' ? actor.accountId : null }]);
    if (!row) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'mapping.errors.areaExists', params: { name } });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'mapping.area.propose', subjectType: 'competence_area', subjectId: row.id, requestId });
    return { id: row.id };
  });
}
