// Units of work on both databases: the session lookup's one-round-trip read, statements sent
// with the commit (deferUntilCommit), the opening sent with the first statement, and that a
// failing deferred statement commits nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { deferUntilCommit, openDatabase, queryRows, type Database } from '../../db/client.ts';
import { appendAuditAtCommit } from '../../db/repositories/audit.repository.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createTenant } from '../support/factories.ts';

describe('units of work', () => {
  let t: TestDatabase;
  let tenantId: string;
  before(async () => {
    t = await createTestDatabase();
    tenantId = (await createTenant(t.database)).id;
  });
  after(() => t.close());

  const auditCount = (action: string) =>
    t.database.withTenant(tenantId, async (tx) => (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from audit_log where action = ${action}`))[0]!.n);

  it('commits an audit row sent with the commit, with any text in its details', async () => {
    const tricky = "O'Brien $q$ $$ \\ ; drop table audit_log; --";
    await t.database.withTenant(tenantId, async (tx) => {
      appendAuditAtCommit(tx, { tenantId, actor: 'system:test', action: 'test.deferred', details: { note: tricky } });
      // Not yet written: it travels with the commit.
      assert.equal((await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from audit_log where action = 'test.deferred'`))[0]!.n, 0);
    });
    const rows = await t.database.withTenant(tenantId, (tx) => queryRows<{ details: { note: string } }>(tx, sql`select details from audit_log where action = 'test.deferred'`));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.details.note, tricky);
  });

  it('commits nothing of the unit of work when a deferred statement fails', async () => {
    const before = await t.database.withTenant(tenantId, async (tx) => (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from org_units`))[0]!.n);
    await assert.rejects(
      t.database.withTenant(tenantId, async (tx) => {
        await tx.execute(sql`insert into org_units (tenant_id, kind, name, code, path) values (${tenantId}, 'eining', 'Rolled back', 'RB-1', 'x')`);
        deferUntilCommit(tx, sql`insert into audit_log (tenant_id, actor, action) values (${tenantId}, ${null}, ${'must.fail'})`); // actor is NOT NULL
      }),
    );
    const names = await t.database.withTenant(tenantId, (tx) => queryRows<{ name: string }>(tx, sql`select name from org_units where name = 'Rolled back'`));
    assert.equal(names.length, 0, 'the unit of work was rolled back');
    assert.equal(await auditCount('must.fail'), 0);
    const after = await t.database.withTenant(tenantId, async (tx) => (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from org_units`))[0]!.n);
    assert.equal(after, before, 'no unit was added');
    // The connection is usable again afterwards.
    assert.equal(await auditCount('test.deferred'), 1);
  });

  it('opens the unit of work with its first statement: every kind of parameter arrives as it would as a parameter', async () => {
    const tricky = "O'Brien $q$ $$ \\ ; $1 --";
    const at = new Date('2026-03-01T12:34:56.789Z');
    const check = async (database: Database) => {
      const [row] = await database.withTenant(tenantId, (tx) =>
        queryRows<{ text: string; n: number; d: string; j: { a: number[] }; z: string | null; ids: string[]; tenant: string; role: string }>(
          tx,
          sql`select ${tricky}::text as text, ${42} + 1 as n, to_char(${at}::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') as d, ${JSON.stringify({ a: [1, 2] })}::jsonb as j,
                     ${null}::text as z, array[${tenantId}, ${tenantId}]::uuid[]::text[] as ids, current_setting('app.tenant_id') as tenant, current_user as role`,
        ),
      );
      assert.equal(row!.text, tricky);
      assert.equal(Number(row!.n), 43);
      assert.equal(row!.d, '2026-03-01T12:34:56.789');
      assert.deepEqual(row!.j, { a: [1, 2] });
      assert.equal(row!.z, null);
      assert.deepEqual(row!.ids, [tenantId, tenantId]);
      assert.equal(row!.tenant, tenantId, 'the tenant setting of the opening applies to the first statement');
      assert.equal(row!.role, 'rytme_app', 'the first statement runs as the application role');
    };
    // On a server: prepared on a connection the first time, executed by name afterwards.
    for (let i = 0; i < 8; i++) await check(t.database);
    const keptPrepared = (database: Database) =>
      database.withTenant(tenantId, async (tx) => (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from pg_prepared_statements where name like ${'o%'}`))[0]!.n);
    if (t.url) {
      assert.ok((await keptPrepared(t.database)) >= 1, 'the first statement itself runs as a statement prepared at the SQL level');
      // Without kept prepared statements (DATABASE_PREPARED_STATEMENTS=0) the values stand in the text.
      const unprepared = await openDatabase({ url: t.url, poolSize: 2, preparedStatements: false });
      try {
        for (let i = 0; i < 3; i++) await check(unprepared);
        assert.equal(await keptPrepared(unprepared), 0, 'nothing is kept prepared');
      } finally {
        await unprepared.close();
      }
    }
  });

  it('rolls back when the first statement fails, and a unit of work with only a deferred write still commits it', async () => {
    // One connection, so the statement that failed on its first use is sent again on the same one:
    // its PREPARE outlived the rollback, and preparing it again must not fail as a duplicate.
    const single = t.url ? await openDatabase({ url: t.url, poolSize: 1 }) : t.database;
    try {
      const divide = (by: number) => single.withTenant(tenantId, (tx) => queryRows<{ q: number }>(tx, sql`select 6 / ${by}::int as q`));
      await assert.rejects(divide(0));
      // The connection is usable and outside any transaction again, and the statement works.
      assert.equal((await divide(2))[0]!.q, 3);
      assert.equal((await divide(3))[0]!.q, 2);
    } finally {
      if (single !== t.database) await single.close();
    }
    const [ok] = await t.database.withTenant(tenantId, (tx) => queryRows<{ one: number }>(tx, sql`select 1 as one`));
    assert.equal(ok!.one, 1);
    assert.equal(await t.database.withTenant(tenantId, async () => 'nothing sent'), 'nothing sent');
    await t.database.withTenant(tenantId, async (tx) => {
      appendAuditAtCommit(tx, { tenantId, actor: 'system:test', action: 'test.deferred-only' });
    });
    assert.equal(await auditCount('test.deferred-only'), 1);
  });

  it('sends nothing more, and commits nothing, once the round trip with the opening failed — even when the use case catches the error', async () => {
    const code = `CAUGHT-${Date.now()}`;
    const caught = await t.database
      .withTenant(tenantId, async (tx) => {
        // A statement the server cannot parse: with the opening in the same string, `begin` never ran.
        await tx.execute(sql`select ${1} from`).catch(() => 'caught');
        // Would run outside any transaction, as the login role, with no tenant set.
        await tx.execute(sql`select current_user where ${1} = 1`);
      })
      .then(
        () => 'committed',
        () => 'refused',
      );
    assert.equal(caught, 'refused');
    // Two first statements at once: the second waits for the first round trip and shares its fate.
    const both = await Promise.allSettled([
      t.database.withTenant(tenantId, (tx) => Promise.all([tx.execute(sql`select ${2} from`), tx.execute(sql`insert into org_units (tenant_id, kind, name, code, path) values (${tenantId}, 'eining', 'Outside', ${code}, 'x')`)])),
    ]);
    assert.equal(both[0]!.status, 'rejected');
    const rows = await t.database.withTenant(tenantId, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from org_units where code = ${code}`));
    assert.equal(rows[0]!.n, 0, 'no write ran outside the unit of work');
    const [who] = await t.database.withTenant(tenantId, (tx) => queryRows<{ role: string; tenant: string }>(tx, sql`select current_user as role, current_setting('app.tenant_id') as tenant where ${1} = 1`));
    assert.deepEqual(who, { role: 'rytme_app', tenant: tenantId }, 'the pool’s connections are clean afterwards');
  });

  it('never sends a statement that was still waiting for the opening once the unit of work has ended', async () => {
    let waiting: Promise<unknown> | undefined;
    await assert.rejects(
      t.database.withTenant(tenantId, async (tx) => {
        // drizzle sends a statement when it is awaited: Promise.resolve sends each now, in this order.
        const first = Promise.resolve(tx.execute(sql`select pg_sleep(${0.05})`));
        waiting = Promise.resolve(tx.execute(sql`select current_user where ${1} = 1`));
        first.catch(() => undefined);
        waiting.catch(() => undefined);
        throw new Error('the use case fails before the statements are done');
      }),
      /the use case fails/,
    );
    if (t.url) await assert.rejects(waiting!, (error: Error & { cause?: Error }) => /the unit of work has ended/.test(error.cause?.message ?? error.message));
  });

  it('keeps statements that end in a comment, statements PREPARE cannot take, and text with placeholders in literals as they are', async () => {
    const [commented] = await t.database.withTenant(tenantId, (tx) => queryRows<{ v: number }>(tx, sql`select ${7}::int as v -- a trailing comment`));
    assert.equal(commented!.v, 7);
    const explained = await t.database.withTenant(tenantId, (tx) => queryRows<Record<string, string>>(tx, sql`explain select ${1}::int`));
    assert.ok(explained.length > 0, 'EXPLAIN with a parameter as the first statement');
    const [literal] = await t.database.withTenant(tenantId, (tx) => queryRows<{ a: string; b: string }>(tx, sql`select 'cost: $1' as a, ${'x'}::text as b`));
    assert.deepEqual(literal, { a: 'cost: $1', b: 'x' });
    // A deferred statement gets its values by text replacement, so one with literals or comments of
    // its own (where a placeholder could hide) is refused, and the unit of work with it.
    if (t.url) {
      await assert.rejects(
        t.database.withTenant(tenantId, async (tx) => {
          await tx.execute(sql`insert into audit_log (tenant_id, actor, action) values (${tenantId}, ${'system:test'}, ${'test.before-literal'})`);
          deferUntilCommit(tx, sql`insert into audit_log (tenant_id, actor, action) values (${tenantId}, ${'system:test'}, 'test.literal')`);
        }),
        /no literal, comment or dollar quote/,
      );
      assert.equal(await auditCount('test.literal'), 0);
      assert.equal(await auditCount('test.before-literal'), 0, 'the unit of work was rolled back');
    }
  });

  it('reads as the platform role in one unit of work, across tenants', async () => {
    const other = (await createTenant(t.database)).id;
    const rows = await t.database.readAsPlatform<{ id: string }>('test_tenants', sql`select id::text from tenants where id = any(array[${tenantId}, ${other}]::uuid[]) order by id`);
    assert.deepEqual(rows.map((r) => r.id).sort(), [tenantId, other].sort());
  });

  it('reads as one tenant in one unit of work: row-level security hides the other tenants', async () => {
    const other = (await createTenant(t.database)).id;
    const names = [`Only mine ${Date.now()}`, `Not mine ${Date.now()}`];
    await t.database.withTenant(tenantId, (tx) => tx.execute(sql`insert into org_units (tenant_id, name, kind, code, path, depth) values (${tenantId}, ${names[0]}, 'eining', ${`M${Date.now()}`}, ${`/m${Date.now()}`}, 0)`));
    await t.database.withTenant(other, (tx) => tx.execute(sql`insert into org_units (tenant_id, name, kind, code, path, depth) values (${other}, ${names[1]}, 'eining', ${`N${Date.now()}`}, ${`/n${Date.now()}`}, 0)`));
    const rows = await t.database.readAsTenant<{ name: string; tenant_id: string }>(tenantId, 'test_units', sql`select name, tenant_id::text from org_units where name = any(array[${names[0]}, ${names[1]}]::text[])`);
    assert.deepEqual(rows, [{ name: names[0], tenant_id: tenantId }]);
    await assert.rejects(t.database.readAsTenant(tenantId, 'test_units_write', sql`update org_units set name = name where tenant_id = ${tenantId}`), (error: Error) => /read-only/.test(`${error.message} ${(error.cause as Error | undefined)?.message ?? ''}`));
  });
});
