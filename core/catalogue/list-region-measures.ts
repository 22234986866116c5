// Measures the other municipalities of the actor's region share for a half-year (read-only).
// The one deliberate cross-tenant read of the catalogue: it runs under withPlatform, asks the
// policy first, and returns only published measures of published catalogues their owners
// marked as shared, of active tenants in the same region — never enrolments or people.
import type { Database } from '../../db/client.ts';
import { findTenantRegion, listSharedMeasuresOfRegion } from '../../db/repositories/catalogue.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import type { HalfYear } from './catalogue.rules.ts';

export interface ListRegionMeasuresOptions {
  database: Database;
  actor: Actor;
  halfYear: HalfYear;
}

export async function listRegionMeasures({ database, actor, halfYear }: ListRegionMeasuresOptions) {
  authorize(actor, 'catalogue.region.read', { tenantId: actor.tenantId });
  return database.withPlatform(async (tx) => {
    const region = await findTenantRegion(tx, actor.tenantId);
    if (!region) return { region: null, measures: [] };
    return { region, measures: await listSharedMeasuresOfRegion(tx, { regionId: region.id, exceptTenantId: actor.tenantId, year: halfYear.year, half: halfYear.half }) };
  });
}
