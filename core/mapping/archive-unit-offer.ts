// Take an offer off the list (the unit's leaders and coordinators), under the offer's version.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { archiveOffer, findOffer } from '../../db/repositories/mapping.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseMappingInput, ZAreaVersionSchema } from './mapping.rules.ts';

export interface ArchiveUnitOfferOptions {
  database: Database;
  actor: Actor;
  offerId: string;
  input: unknown;
  requestId?: string;
}

export async function archiveUnitOffer({ database, actor, offerId, input, requestId }: ArchiveUnitOfferOptions): Promise<{ version: number }> {
  authorize(actor, 'mapping.read', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(offerId).success) throw notFound();
  const values = parseMappingInput(ZAreaVersionSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const found = await findOffer(tx, offerId);
    if (!found || found.offer.archivedAt) throw notFound();
    authorize(actor, 'mapping.unit.write', { tenantId: actor.tenantId, unitPaths: [found.unitPath] });
    const saved = await archiveOffer(tx, offerId, values.version);
    if (!saved) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'mapping.offer.archive', subjectType: 'org_unit', subjectId: found.offer.unitId, requestId, details: { offerId } });
    return { version: saved.version };
  });
}
