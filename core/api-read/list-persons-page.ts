// The API's person list: one page ordered by id, optionally only persons with an active
// employment in a unit or below it, or with an employee number. Tenant-wide readers (and
// tokens with people:read) may list everyone; a unit leader may list within the units they
// lead. Audited as person.list with the number of persons returned.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { listPersonsAfter, findUnitPath } from '../../db/repositories/api-read.repository.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { decodeCursor, pageOf } from './api-read.rules.ts';

export interface ListPersonsPageOptions {
  database: Database;
  actor: Actor;
  unitId?: string | undefined;
  employeeNumber?: string | undefined;
  cursor?: string | undefined;
  limit: number;
  requestId?: string | undefined;
}

export async function listPersonsPage({ database, actor, unitId, employeeNumber, cursor, limit, requestId }: ListPersonsPageOptions) {
  if (unitId !== undefined && !z.uuid().safeParse(unitId).success) throw notFound();
  const after = decodeCursor(cursor);
  return database.withTenant(actor.tenantId, async (tx) => {
    let unitPath: string | null = null;
    if (unitId) {
      unitPath = await findUnitPath(tx, unitId);
      if (!unitPath) throw notFound();
    }
    authorize(actor, 'person.read', { tenantId: actor.tenantId, ...(unitPath ? { unitPaths: [unitPath] } : {}) });
    const rows = await listPersonsAfter(tx, { after, limit: limit + 1, unitPath, employeeNumber: employeeNumber ?? null });
    const page = pageOf(rows, limit);
    await appendAudit(tx, {
      tenantId: actor.tenantId,
      actor: actorLabel(actor),
      action: 'person.list',
      subjectType: unitId ? 'unit' : undefined,
      subjectId: unitId,
      requestId,
      details: { count: page.items.length, ...(employeeNumber ? { employeeNumber } : {}) },
    });
    return page;
  });
}
