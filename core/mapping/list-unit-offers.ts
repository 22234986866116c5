// What units offer others (tilbydarkompetanse), municipality-wide: internal instructors and own
// programmes, for the coordinator to build the combined catalogue from; and, for a unit the
// actor may write for, the choices to register a new offer (the unit's persons, the vocabulary).
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { listAreas, listOffers } from '../../db/repositories/mapping.repository.ts';
import { listPersonsInUnits } from '../../db/repositories/org-unit.repository.ts';
import { listUnitsForTargets } from '../../db/repositories/wheel.repository.ts';
import { pathWithin, type Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize, can } from '../shared/policy.ts';
import type { TOfferKind } from './mapping.rules.ts';

export interface ListUnitOffersOptions {
  database: Database;
  actor: Actor;
  /** The unit to register an offer for (optional). */
  unitId?: string | null;
}

export interface OfferView {
  id: string;
  unitId: string;
  unitName: string;
  kind: TOfferKind;
  personName: string | null;
  title: string;
  description: string;
  areaName: string | null;
  capacity: number | null;
  version: number;
  canArchive: boolean;
}

export interface UnitOffers {
  offers: OfferView[];
  /** Units the actor may register offers for. */
  writableUnits: Array<{ id: string; name: string }>;
  form: { unitId: string; persons: Array<{ id: string; name: string }>; areas: Array<{ id: string; name: string }> } | null;
}

export async function listUnitOffers({ database, actor, unitId }: ListUnitOffersOptions): Promise<UnitOffers> {
  authorize(actor, 'mapping.read', { tenantId: actor.tenantId });
  if (unitId && !z.uuid().safeParse(unitId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const offers = await listOffers(tx);
    const units = await listUnitsForTargets(tx);
    const writable = (path: string) => can(actor, 'mapping.unit.write', { tenantId: actor.tenantId, unitPaths: [path] });
    const writableUnits = units.filter((u) => u.depth > 0 && writable(u.path)).map((u) => ({ id: u.id, name: u.name }));
    let form: UnitOffers['form'] = null;
    if (unitId) {
      const unit = units.find((u) => u.id === unitId);
      if (!unit) throw notFound();
      if (writable(unit.path)) {
        const subtree = units.filter((u) => pathWithin(u.path, [unit.path])).map((u) => u.id);
        const persons = await listPersonsInUnits(tx, subtree, 500);
        const areas = await listAreas(tx);
        form = {
          unitId: unit.id,
          persons: persons.map((p) => ({ id: p.personId, name: `${p.givenName} ${p.familyName}` })),
          areas: areas.filter((a) => a.status === 'active' || a.status === 'proposed').map((a) => ({ id: a.id, name: a.name })),
        };
      }
    }
    return {
      offers: offers.map((o) => ({
        id: o.id,
        unitId: o.unitId,
        unitName: o.unitName,
        kind: o.kind as TOfferKind,
        personName: o.personName,
        title: o.title,
        description: o.description,
        areaName: o.areaName,
        capacity: o.capacity,
        version: o.version,
        canArchive: writable(o.unitPath),
      })),
      writableUnits,
      form,
    };
  });
}
