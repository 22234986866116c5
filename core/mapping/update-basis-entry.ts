// Change the text of a unit's basis entry, or archive it (needs linking to it keep the link;
// the roll-over drops links to archived entries). Under the entry's version.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findBasisEntry, saveBasisEntry } from '../../db/repositories/mapping.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseMappingInput, ZAreaVersionSchema, ZBasisUpdateSchema } from './mapping.rules.ts';
import { requireUnit } from './mapping-context.ts';

export interface UpdateBasisEntryOptions {
  database: Database;
  actor: Actor;
  entryId: string;
  /** 'update' (new text) or 'archive'. */
  intent: 'update' | 'archive';
  input: unknown;
  requestId?: string;
}

export async function updateBasisEntry({ database, actor, entryId, intent, input, requestId }: UpdateBasisEntryOptions): Promise<{ version: number }> {
  authorize(actor, 'mapping.read', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(entryId).success) throw notFound();
  const values = intent === 'archive' ? { ...parseMappingInput(ZAreaVersionSchema, input), text: undefined } : parseMappingInput(ZBasisUpdateSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const entry = await findBasisEntry(tx, entryId);
    if (!entry || entry.archivedAt) throw notFound();
    const unit = await requireUnit(tx, entry.unitId);
    authorize(actor, 'mapping.unit.write', { tenantId: actor.tenantId, unitPaths: [unit.path] });
    const saved = await saveBasisEntry(tx, entryId, values.version, intent === 'archive' ? { archivedAt: new Date() } : { text: values.text! });
    if (!saved) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: `mapping.basis.${intent}`, subjectType: 'org_unit', subjectId: unit.id, requestId, details: { entryId } });
    return { version: saved.version };
  });
}
