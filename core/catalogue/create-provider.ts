// Add a provider (own unit, another municipality, university college, private) to the register.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { insertProvider } from '../../db/repositories/catalogue.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseCatalogueInput, ZProviderInputSchema } from './catalogue.rules.ts';

export interface CreateProviderOptions {
  database: Database;
  actor: Actor;
  input: unknown;
  requestId?: string;
}

export async function createProvider({ database, actor, input, requestId }: CreateProviderOptions): Promise<{ id: string }> {
  authorize(actor, 'catalogue.write', { tenantId: actor.tenantId });
  const values = parseCatalogueInput(ZProviderInputSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const row = await insertProvider(tx, { tenantId: actor.tenantId, ...values });
    if (!row) throw new AppError(AppErrorCode.CONFLICT, { issues: [{ path: 'name', key: 'catalogue.errors.providerExists' }] });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'catalogue.provider.create', subjectType: 'provider', subjectId: row.id, requestId });
    return { id: row.id };
  });
}
