// Sharing a catalogue with the region: the one deliberate cross-tenant read of the catalogue.
// Members of the same region see the published measures of catalogues their owners shared —
// and nothing else: not another region's, not an unshared or unpublished catalogue's, not a
// draft, not their own municipality's twice; a tenant without a region sees none and cannot share.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../core/shared/app-error.ts';
import type { AccountActor } from '../../core/shared/actor.ts';
import { regions } from '../../db/schema/index.ts';
import { createMeasure } from '../../core/catalogue/create-measure.ts';
import { getCatalogue } from '../../core/catalogue/get-catalogue.ts';
import { setCatalogueSharing } from '../../core/catalogue/set-catalogue-sharing.ts';
import { listRegionMeasures } from '../../core/catalogue/list-region-measures.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { actorFor, createAccount, createPerson, createPublishedMeasure, createTenant, createUnit } from '../support/factories.ts';

describe('catalogue shared with the region', () => {
  let t: TestDatabase;
  const actors: Record<'a' | 'b' | 'c' | 'd', { coordinator: AccountActor; employee: AccountActor; tenantId: string }> = {} as never;

  before(async () => {
    t = await createTestDatabase();
    const db = t.database;
    const [sunnfjord, nordfjord] = await db.withPlatform((tx) => tx.insert(regions).values([{ name: 'Sunnfjord' }, { name: 'Nordfjord' }]).returning());
    const region = { a: sunnfjord!.id, b: sunnfjord!.id, c: nordfjord!.id, d: null };
    for (const key of ['a', 'b', 'c', 'd'] as const) {
      const tenant = await createTenant(db, { name: `Kommune ${key.toUpperCase()}`, regionId: region[key] });
      const root = await createUnit(db, tenant.id, { kind: 'kommune' });
      const p = await createPerson(db, tenant.id, { unitId: root.id });
      actors[key] = {
        tenantId: tenant.id,
        coordinator: await actorFor(db, tenant.id, await createAccount(db, tenant.id, { roles: ['coordinator'] })),
        employee: await actorFor(db, tenant.id, await createAccount(db, tenant.id, { personId: p.person.id })),
      };
      await createPublishedMeasure(db, tenant.id, { title: `Tiltak i ${key.toUpperCase()}`, startDate: '2027-02-01', endDate: '2027-02-02' });
    }
    // A draft in A's catalogue must never be shared.
    await createMeasure({ database: db, actor: actors.a.coordinator, input: { type: 'network', title: 'Utkast i A', startDate: '2027-03-01', place: 'A', capacity: '5', costNok: '0', substituteCostNok: '0' } });
  });
  after(() => t.close());

  const seen = async (key: 'a' | 'b' | 'c' | 'd') => (await listRegionMeasures({ database: t.database, actor: actors[key].employee, halfYear: { year: 2027, half: 'spring' } })).measures.map((m) => `${m.tenantName}: ${m.title}`);

  it('shows nothing before a catalogue is shared', async () => {
    assert.deepEqual(await seen('b'), []);
    assert.deepEqual(await seen('a'), []);
  });

  it('lets coordinators share a published catalogue, and only within their region', async () => {
    await assert.rejects(setCatalogueSharing({ database: t.database, actor: actors.a.employee, input: { year: 2027, half: 'spring', shared: 'yes', version: 2 } }), (e) => AppError.is(e, 'FORBIDDEN'));
    await assert.rejects(setCatalogueSharing({ database: t.database, actor: actors.d.coordinator, input: { year: 2027, half: 'spring', shared: 'yes', version: 2 } }), (e) => AppError.is(e, 'CONFLICT') && e.messageKey === 'catalogue.errors.noRegion');
    await assert.rejects(setCatalogueSharing({ database: t.database, actor: actors.a.coordinator, input: { year: 2027, half: 'autumn', shared: 'yes', version: 1 } }), (e) => AppError.is(e, 'NOT_FOUND'));
    assert.deepEqual(await setCatalogueSharing({ database: t.database, actor: actors.a.coordinator, input: { year: 2027, half: 'spring', shared: 'yes', version: 2 } }), { shared: true });
    await setCatalogueSharing({ database: t.database, actor: actors.c.coordinator, input: { year: 2027, half: 'spring', shared: 'yes', version: 2 } });

    // B (same region as A) sees A's published measure, not the draft, not C's (other region).
    assert.deepEqual(await seen('b'), ['Kommune A: Tiltak i A']);
    // A does not see its own measures as "from the region"; C's region has no other sharer.
    assert.deepEqual(await seen('a'), []);
    assert.deepEqual(await seen('c'), []);
    assert.deepEqual(await seen('d'), []);
    // Another half-year shows nothing.
    assert.deepEqual((await listRegionMeasures({ database: t.database, actor: actors.b.employee, halfYear: { year: 2027, half: 'autumn' } })).measures, []);
    // The catalogue page carries them, read-only, beside B's own.
    const page = await getCatalogue({ database: t.database, actor: actors.b.employee, query: { year: '2027', half: 'spring' } });
    assert.deepEqual(page.measures.map((m) => m.title), ['Tiltak i B']);
    assert.deepEqual(page.regionMeasures.map((m) => m.title), ['Tiltak i A']);
    assert.equal(page.region?.name, 'Sunnfjord');
  });

  it('stops showing them when sharing ends', async () => {
    await setCatalogueSharing({ database: t.database, actor: actors.a.coordinator, input: { year: 2027, half: 'spring', shared: 'no', version: 3 } });
    assert.deepEqual(await seen('b'), []);
    await assert.rejects(setCatalogueSharing({ database: t.database, actor: actors.a.coordinator, input: { year: 2027, half: 'spring', shared: 'yes', version: 3 } }), (e) => AppError.is(e, 'STALE_VERSION'));
  });
});
