// Refused attempts to reach personnel data are audited too (in their own transaction, since
// the refused one rolls back), then the refusal is thrown.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { forbidden } from '../shared/app-error.ts';

export async function refuseAndAudit(database: Database, actor: Actor, action: string, personId: string, requestId: string | undefined): Promise<never> {
  await database.withTenant(actor.tenantId, (tx) =>
    appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: `${action}.denied`, subjectType: 'person', subjectId: personId, requestId }),
  );
  throw forbidden();
}
