// The demo municipality: about 600 synthetic employees across the five sectors, real STYRK-08
// codes, one login per role, created once (a second start changes nothing).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { ensureDemoMunicipality } from '../../db/seed/demo.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

describe('demo municipality', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase({ reference: true });
  });
  after(() => t.close());

  it('is realistic and created exactly once', async () => {
    const first = await ensureDemoMunicipality(t.database);
    assert.equal(first.created, true);
    assert.deepEqual(
      first.logins.map((l) => l.role),
      ['tenant_admin', 'coordinator', 'executive', 'union_rep', 'unit_leader', 'employee'],
    );
    const second = await ensureDemoMunicipality(t.database);
    assert.equal(second.created, false);
    assert.deepEqual(second.logins, first.logins);

    const [tenant] = await t.database.withPlatform((tx) => queryRows<{ id: string }>(tx, sql`select id from tenants where slug = 'fjordvik'`));
    const stats = await t.database.withTenant(tenant!.id, (tx) =>
      queryRows<{ persons: number; units: number; sectors: number; unknown_styrk: number }>(
        tx,
        sql`select (select count(*)::int from persons) as persons,
                   (select count(*)::int from org_units) as units,
                   (select count(*)::int from org_units where kind = 'sektor') as sectors,
                   (select count(*)::int from employments e where not exists (select 1 from occupations o where o.code = e.styrk08 and o.level = 4)) as unknown_styrk`,
      ),
    );
    assert.equal(stats[0]!.persons, 600);
    assert.equal(stats[0]!.sectors, 5);
    assert.ok(stats[0]!.units >= 20, `units: ${stats[0]!.units}`);
    assert.equal(stats[0]!.unknown_styrk, 0, 'every STYRK-08 code is a real level-4 code');
    // This year's annual wheel after the Gloppen model, created once.
    const wheel = await t.database.withTenant(tenant!.id, (tx) =>
      queryRows<{ year: number; template: string; milestones: number }>(tx, sql`select c.year, c.template, (select count(*)::int from wheel_milestones m where m.cycle_id = c.id) as milestones from wheel_cycles c`),
    );
    assert.deepEqual(wheel, [{ year: new Date().getFullYear(), template: 'gloppen', milestones: 4 }]);
  });
});
