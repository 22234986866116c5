// Start the tenant's checklist from the seed's items (SEED_CHECKLIST_ITEMS). Only once: when the
// tenant already has items (archived ones included), CONFLICT. The tenant adjusts afterwards by
// adding its own items and archiving those it does not want.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { insertChecklistItems, listChecklistItems } from '../../db/repositories/maturity.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { SEED_CHECKLIST_ITEMS } from './maturity.rules.ts';

export interface ApplyChecklistTemplateOptions {
  database: Database;
  actor: Actor;
  requestId?: string;
}

export async function applyChecklistTemplate({ database, actor, requestId }: ApplyChecklistTemplateOptions): Promise<{ items: number }> {
  authorize(actor, 'maturity.manage', { tenantId: actor.tenantId });
  return database.withTenant(actor.tenantId, async (tx) => {
    if ((await listChecklistItems(tx, { includeArchived: true })).length > 0) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'maturity.errors.checklistExists' });
    const rows = await insertChecklistItems(
      tx,
      SEED_CHECKLIST_ITEMS.map((seedKey, i) => ({ tenantId: actor.tenantId, position: (i + 1) * 10, seedKey, text: null })),
    );
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'maturity.checklist.template', requestId, details: { items: rows.length } });
    return { items: rows.length };
  });
}
