// One unit: ancestors for breadcrumbs, sub-units with head counts, leaders and one page of
// members. Members' FTE and occupation are personnel data: shown (and the read audited) only
// when the actor may read persons in this unit; otherwise names and position titles only.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAuditAtCommit } from '../../db/repositories/audit.repository.ts';
import { readUnitPage, type MemberSort } from '../../db/repositories/org-unit.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize, can } from '../shared/policy.ts';
import { ancestorIds } from './org.rules.ts';

export const MEMBER_PAGE_SIZE = 50;
/** Built once (a schema costs more to build than to use). */
const ZUnitId = z.uuid();

export const ZGetUnitQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  sort: z.enum(['name', 'title', 'fte']).catch('name'),
});

export interface GetUnitOptions {
  database: Database;
  actor: Actor;
  unitId: string;
  page?: number;
  sort?: MemberSort;
  requestId?: string;
}

export async function getUnit({ database, actor, unitId, page = 1, sort = 'name', requestId }: GetUnitOptions) {
  authorize(actor, 'org.read', { tenantId: actor.tenantId });
  if (!ZUnitId.safeParse(unitId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    // One statement for the whole page (db: readUnitPage).
    const found = await readUnitPage(tx, unitId, { limit: MEMBER_PAGE_SIZE, offset: (page - 1) * MEMBER_PAGE_SIZE, sort });
    if (!found || found.unit.archived) throw notFound();
    const { unit, ancestors: names, leaders, members } = found;
    const detailed = can(actor, 'person.read', { tenantId: actor.tenantId, unitPaths: [unit.path] });
    const ancestorsIds = ancestorIds(unit.path);
    const children = found.children.map((u) => ({ id: u.id, name: u.name, kind: u.kind, headCount: u.headCount })).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
    const ownPersonId = actor.kind === 'account' ? actor.personId : null;
    if (detailed && members.rows.length > 0) {
      appendAuditAtCommit(tx, {
        tenantId: actor.tenantId,
        actor: actorLabel(actor),
        action: 'unit.members.read',
        subjectType: 'unit',
        subjectId: unit.id,
        requestId,
        details: { page, count: members.rows.length },
      });
    }
    return {
      unit: { id: unit.id, name: unit.name, kind: unit.kind, code: unit.code, parentId: unit.parentId, version: unit.version },
      ancestors: ancestorsIds.map((id) => ({ id, name: names.get(id)?.name ?? '', kind: names.get(id)?.kind ?? '' })),
      headCount: found.headCount,
      fteYears: Math.round(found.fteSum) / 100,
      children,
      leaders: leaders.map((l) => ({ personId: l.personId, name: `${l.givenName} ${l.familyName}`, canRead: can(actor, 'person.read', { tenantId: actor.tenantId, personId: l.personId, unitPaths: l.unitPaths }) })),
      members: {
        page,
        pageSize: MEMBER_PAGE_SIZE,
        total: members.total,
        sort,
        detailed,
        rows: members.rows.map((m) => ({
          employmentId: m.employmentId,
          personId: m.personId,
          name: `${m.givenName} ${m.familyName}`,
          positionTitle: m.positionTitle,
          ftePercent: detailed ? m.ftePercent : null,
          occupation: detailed && m.styrk08 ? { code: m.styrk08, name: m.occupationName ?? '' } : null,
          canRead: detailed || m.personId === ownPersonId,
        })),
      },
      canWrite: can(actor, 'org.write', { tenantId: actor.tenantId }),
    };
  });
}

export type UnitView = Awaited<ReturnType<typeof getUnit>>;
