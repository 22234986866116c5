// Archive a checklist item: it leaves the form and the summaries; units' earlier answers stay stored.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { archiveChecklistItem as archiveItemRow, findChecklistItem } from '../../db/repositories/maturity.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseMaturityInput } from './maturity.rules.ts';

const ZArchiveSchema = z.object({ itemId: z.uuid(), version: z.coerce.number().int().min(1) });

export interface ArchiveChecklistItemOptions {
  database: Database;
  actor: Actor;
  input: unknown;
  requestId?: string;
}

export async function archiveChecklistItem({ database, actor, input, requestId }: ArchiveChecklistItemOptions): Promise<void> {
  authorize(actor, 'maturity.manage', { tenantId: actor.tenantId });
  const values = parseMaturityInput(ZArchiveSchema, input);
  await database.withTenant(actor.tenantId, async (tx) => {
    const item = await findChecklistItem(tx, values.itemId);
    if (!item || item.archived) throw notFound();
    if (!(await archiveItemRow(tx, values.itemId, values.version))) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'maturity.checklist.item.archive', subjectType: 'maturity_checklist_item', subjectId: values.itemId, requestId });
  });
}
