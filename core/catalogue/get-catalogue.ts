// One half-year's catalogue: its measures (employees see published and closed measures of a
// published catalogue; coordinators see every measure, drafts too), filtered by competence area
// and measure type, with places left and the mix of courses and learning at work.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { findCatalogue, listActiveAreas, listMeasuresOfCatalogue } from '../../db/repositories/catalogue.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { MEASURE_TYPES } from '../shared/measure-types.ts';
import { authorize } from '../shared/policy.ts';
import { canWriteCatalogue, today } from './catalogue-access.ts';
import { catalogueMix, halfYearOf, HALVES, parseCatalogueInput } from './catalogue.rules.ts';
import { listRegionMeasures } from './list-region-measures.ts';

export const ZCatalogueQuerySchema = z.object({
  year: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().min(2000).max(2100).optional()),
  half: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(HALVES).optional()),
  area: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid().optional()),
  type: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(MEASURE_TYPES).optional()),
});

export interface GetCatalogueOptions {
  database: Database;
  actor: Actor;
  query: unknown;
  now?: Date;
}

export async function getCatalogue({ database, actor, query, now }: GetCatalogueOptions) {
  authorize(actor, 'catalogue.read', { tenantId: actor.tenantId });
  const q = parseCatalogueInput(ZCatalogueQuerySchema, query);
  const current = halfYearOf(today(now));
  const year = q.year ?? current.year;
  const half = q.half ?? (q.year ? 'spring' : current.half);
  const canWrite = canWriteCatalogue(actor);
  const shared = await listRegionMeasures({ database, actor, halfYear: { year, half } });
  return database.withTenant(actor.tenantId, async (tx) => {
    const catalogue = await findCatalogue(tx, year, half);
    const visible = catalogue && (canWrite || catalogue.status === 'published');
    const rows = visible ? await listMeasuresOfCatalogue(tx, catalogue.id, { areaId: q.area ?? null, type: q.type ?? null, ...(canWrite ? {} : { statuses: ['published', 'closed'] }) }) : [];
    const list = rows.map((r) => ({
      id: r.measure.id,
      title: r.measure.title,
      type: r.measure.type,
      status: r.measure.status,
      startDate: r.measure.startDate,
      endDate: r.measure.endDate,
      place: r.measure.place,
      online: r.measure.online,
      capacity: r.measure.capacity,
      placesLeft: Math.max(0, r.measure.capacity - r.taken),
      costNok: r.measure.costNok,
      substituteCostNok: r.measure.substituteCostNok,
      providerName: r.providerName,
      areaName: r.areaName,
    }));
    return {
      year,
      half,
      filter: { area: q.area ?? '', type: q.type ?? '' },
      catalogue: catalogue ? { id: catalogue.id, status: catalogue.status, version: catalogue.version, sharedWithRegion: catalogue.sharedWithRegion, publishedAt: catalogue.publishedAt?.toISOString() ?? null } : null,
      region: shared.region,
      regionMeasures: shared.measures,
      measures: list,
      mix: catalogueMix(list),
      areas: await listActiveAreas(tx),
      canWrite,
    };
  });
}
