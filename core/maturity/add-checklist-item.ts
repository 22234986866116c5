// Add the tenant's own item at the end of the checklist.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { insertChecklistItems, listChecklistItems } from '../../db/repositories/maturity.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { parseMaturityInput } from './maturity.rules.ts';

export const ZAddChecklistItemSchema = z.object({ text: z.string().trim().min(3).max(300) });

export interface AddChecklistItemOptions {
  database: Database;
  actor: Actor;
  input: unknown;
  requestId?: string;
}

export async function addChecklistItem({ database, actor, input, requestId }: AddChecklistItemOptions): Promise<{ id: string }> {
  authorize(actor, 'maturity.manage', { tenantId: actor.tenantId });
  const values = parseMaturityInput(ZAddChecklistItemSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const items = await listChecklistItems(tx, { includeArchived: true });
    const position = Math.max(0, ...items.map((i) => i.position)) + 10;
    const [row] = await insertChecklistItems(tx, [{ tenantId: actor.tenantId, position, seedKey: null, text: values.text }]);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'maturity.checklist.item.add', subjectType: 'maturity_checklist_item', subjectId: row!.id, requestId });
    return { id: row!.id };
  });
}
