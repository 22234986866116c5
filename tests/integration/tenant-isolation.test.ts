// Row-level security is the second wall: raw SQL under tenant A's setting sees none of
// tenant B's rows, in every tenant-owned table, and cannot write rows for tenant B.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestDatabase, dbErrorMessage, type TestDatabase } from '../support/db.ts';
import { createAccount, createPerson, createTenant, createUnit } from '../support/factories.ts';

describe('tenant isolation (RLS)', () => {
  let t: TestDatabase;
  let a: { id: string };
  let b: { id: string };
  before(async () => {
    t = await createTestDatabase();
    a = await createTenant(t.database);
    b = await createTenant(t.database);
    for (const tenant of [a, b]) {
      const unit = await createUnit(t.database, tenant.id);
      const { person } = await createPerson(t.database, tenant.id, { unitId: unit.id });
      await createAccount(t.database, tenant.id, { personId: person.id, roles: ['coordinator'] });
    }
  });
  after(() => t.close());

  it('every tenant-owned table has FORCE ROW LEVEL SECURITY and a tenant_id column', async () => {
    const rows = await t.database.withPlatform((tx) =>
      queryRows<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(tx, sql`
        select c.relname, c.relrowsecurity, c.relforcerowsecurity
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'
          and exists (select 1 from information_schema.columns col where col.table_schema = 'public' and col.table_name = c.relname and col.column_name = 'tenant_id')`),
    );
    assert.ok(rows.length >= 12, `expected the tenant-owned tables, got ${rows.length}`);
    for (const r of rows) {
      assert.equal(r.relrowsecurity, true, `${r.relname} has RLS enabled`);
      assert.equal(r.relforcerowsecurity, true, `${r.relname} forces RLS`);
    }
  });

  it("raw SQL under tenant A's setting sees only A's rows in every tenant-owned table", async () => {
    const tables = await t.database.withPlatform((tx) =>
      queryRows<{ table_name: string }>(tx, sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id' order by table_name`),
    );
    for (const { table_name } of tables) {
      const seen = await t.database.withTenant(a.id, (tx) => queryRows<{ tenant_id: string }>(tx, sql.raw(`select tenant_id::text from "${table_name}"`)));
      for (const row of seen) assert.equal(row.tenant_id, a.id, `${table_name} leaked a row of another tenant`);
    }
    const persons = await t.database.withTenant(a.id, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from persons`));
    assert.equal(persons[0]!.n, 1);
  });

  it("cannot insert a row for tenant B while acting as tenant A", async () => {
    const message = await dbErrorMessage(t.database.withTenant(a.id, (tx) => tx.execute(sql`insert into persons (tenant_id, given_name, family_name) values (${b.id}, 'X', 'Y')`)));
    assert.match(message, /row-level security/);
  });

  it('without a tenant setting the application role sees nothing', async () => {
    const rows = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local role rytme_app`);
      return queryRows<{ n: number }>(tx, sql`select count(*)::int as n from persons`);
    });
    assert.equal(rows[0]!.n, 0);
  });

  it('the audit log is append-only', async () => {
    await t.database.withTenant(a.id, (tx) => tx.execute(sql`insert into audit_log (tenant_id, actor, action) values (${a.id}, 'test', 'test.action')`));
    assert.match(await dbErrorMessage(t.database.withPlatform((tx) => tx.execute(sql`delete from audit_log`))), /permission denied/);
    assert.match(await dbErrorMessage(t.database.withPlatform((tx) => tx.execute(sql`update audit_log set action = 'x'`))), /permission denied/);
    // Even the owner/superuser connection is stopped by the trigger.
    assert.match(await dbErrorMessage(t.database.db.execute(sql`delete from audit_log`)), /append-only/);
  });
});
