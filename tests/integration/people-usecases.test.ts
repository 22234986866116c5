// People use cases against the real database: who may read and edit whom (self, leader scope
// through the materialised path, coordinator), optimistic locking, validation, audit rows with
// field names but no values, search within scope, and the own-data export.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { AppError } from '../../core/shared/app-error.ts';
import type { AccountActor } from '../../core/shared/actor.ts';
import { getPerson } from '../../core/people/get-person.ts';
import { getPersonForm } from '../../core/people/get-person-form.ts';
import { updatePerson } from '../../core/people/update-person.ts';
import { addEmployment } from '../../core/people/add-employment.ts';
import { updateEmployment } from '../../core/people/update-employment.ts';
import { endEmployment } from '../../core/people/end-employment.ts';
import { exportPersonData } from '../../core/people/export-person-data.ts';
import { searchPeople } from '../../core/people/search-people.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { actorFor, createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

async function rejects(promise: Promise<unknown>, code: string): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, `expected AppError, got ${String(error)}`);
    assert.equal(error.code, code, `expected ${code}, got ${error.code} ${JSON.stringify(error.issues)}`);
    return error;
  }
  assert.fail(`expected ${code}`);
}

const keys = (error: AppError) => error.issues.map((i) => `${i.path}:${i.key}`).sort();

describe('people use cases', () => {
  let t: TestDatabase;
  let tenantId: string;
  let unitA: Awaited<ReturnType<typeof createUnit>>;
  let unitA1: Awaited<ReturnType<typeof createUnit>>;
  let unitB: Awaited<ReturnType<typeof createUnit>>;
  let inA: Awaited<ReturnType<typeof createPerson>>;
  let inA1: Awaited<ReturnType<typeof createPerson>>;
  let inB: Awaited<ReturnType<typeof createPerson>>;
  let leader: AccountActor;
  let employee: AccountActor;
  let coordinator: AccountActor;
  let unionRep: AccountActor;
  let foreignPersonId: string;

  before(async () => {
    t = await createTestDatabase({ reference: true });
    tenantId = (await createTenant(t.database)).id;
    const root = await createUnit(t.database, tenantId, { name: 'Kommunen', kind: 'kommune' });
    unitA = await createUnit(t.database, tenantId, { parent: root, name: 'Eining A' });
    unitA1 = await createUnit(t.database, tenantId, { parent: unitA, name: 'Avdeling A1', kind: 'avdeling' });
    unitB = await createUnit(t.database, tenantId, { parent: root, name: 'Eining B' });
    inA = await createPerson(t.database, tenantId, { unitId: unitA.id, givenName: 'Astrid', familyName: 'Aasen', employeeNumber: 'A-1' });
    inA1 = await createPerson(t.database, tenantId, { unitId: unitA1.id, givenName: 'Anders', familyName: 'Aarnes', employeeNumber: 'A1-1' });
    inB = await createPerson(t.database, tenantId, { unitId: unitB.id, givenName: 'Berit', familyName: 'Bakken', employeeNumber: 'B-1' });
    const boss = await createPerson(t.database, tenantId, { unitId: unitA.id, givenName: 'Leif', familyName: 'Leiar', employeeNumber: 'L-1' });
    await makeLeader(t.database, tenantId, unitA.id, boss.person.id);
    leader = await actorFor(t.database, tenantId, await createAccount(t.database, tenantId, { personId: boss.person.id }));
    employee = await actorFor(t.database, tenantId, await createAccount(t.database, tenantId, { personId: inA.person.id }));
    coordinator = await actorFor(t.database, tenantId, await createAccount(t.database, tenantId, { roles: ['coordinator'] }));
    unionRep = await actorFor(t.database, tenantId, await createAccount(t.database, tenantId, { roles: ['union_rep'] }));
    const other = await createTenant(t.database);
    const otherUnit = await createUnit(t.database, other.id);
    foreignPersonId = (await createPerson(t.database, other.id, { unitId: otherUnit.id })).person.id;
  });
  after(() => t.close());

  it('a leader reads and edits persons in their unit and its descendants, not in a sibling unit', async () => {
    assert.equal((await getPerson({ database: t.database, actor: leader, personId: inA.person.id })).canEdit, true);
    const deep = await getPerson({ database: t.database, actor: leader, personId: inA1.person.id });
    assert.deepEqual(deep.employments[0]!.unitPathNames, ['Kommunen', 'Eining A', 'Avdeling A1']);
    await rejects(getPerson({ database: t.database, actor: leader, personId: inB.person.id }), 'FORBIDDEN');
    const form = await getPersonForm({ database: t.database, actor: leader, personId: inA1.person.id });
    assert.deepEqual(form.unitOptions.map((u) => u.name).sort(), ['Avdeling A1', 'Eining A'], 'a leader may place employments only in their units');
    await updatePerson({ database: t.database, actor: leader, personId: inA1.person.id, input: { givenName: 'Anders', familyName: 'Aarnes', email: 'anders@example.no', phone: '', birthYear: '1990', version: 1 } });
    await rejects(updatePerson({ database: t.database, actor: leader, personId: inB.person.id, input: { givenName: 'X', familyName: 'Y', version: 1 } }), 'FORBIDDEN');
  });

  it('an employee reads their own profile but not a colleague’s, and cannot edit', async () => {
    const own = await getPerson({ database: t.database, actor: employee, personId: inA.person.id });
    assert.equal(own.isSelf, true);
    assert.equal(own.canExport, true);
    assert.equal(own.canEdit, false);
    assert.equal(own.person.birthYear, 1980);
    await rejects(getPerson({ database: t.database, actor: employee, personId: inA1.person.id }), 'FORBIDDEN');
    await rejects(updatePerson({ database: t.database, actor: employee, personId: inA.person.id, input: { givenName: 'A', familyName: 'B', version: 1 } }), 'FORBIDDEN');
  });

  it('a coordinator reads everyone; a union representative reads no profiles', async () => {
    for (const p of [inA, inA1, inB]) assert.equal((await getPerson({ database: t.database, actor: coordinator, personId: p.person.id })).person.id, p.person.id);
    await rejects(getPerson({ database: t.database, actor: unionRep, personId: inB.person.id }), 'FORBIDDEN');
  });

  it('another tenant’s person is not found, whoever asks', async () => {
    await rejects(getPerson({ database: t.database, actor: coordinator, personId: foreignPersonId }), 'NOT_FOUND');
    await rejects(exportPersonData({ database: t.database, actor: coordinator, personId: foreignPersonId }), 'NOT_FOUND');
    await rejects(updatePerson({ database: t.database, actor: coordinator, personId: foreignPersonId, input: { givenName: 'X', familyName: 'Y', version: 1 } }), 'NOT_FOUND');
  });

  it('refuses a stale person edit: two readers at version 1, the second save is refused and nothing is overwritten', async () => {
    const first = await getPerson({ database: t.database, actor: coordinator, personId: inB.person.id });
    const second = await getPerson({ database: t.database, actor: coordinator, personId: inB.person.id });
    assert.equal(first.person.version, second.person.version);
    await updatePerson({ database: t.database, actor: coordinator, personId: inB.person.id, input: { givenName: 'Berit', familyName: 'Berg', email: 'berit@example.no', birthYear: 1979, version: first.person.version } });
    await rejects(updatePerson({ database: t.database, actor: coordinator, personId: inB.person.id, input: { givenName: 'Bertine', familyName: 'Bakken', version: second.person.version } }), 'STALE_VERSION');
    const now = await getPerson({ database: t.database, actor: coordinator, personId: inB.person.id });
    assert.equal(now.person.familyName, 'Berg');
    assert.equal(now.person.givenName, 'Berit');
    assert.equal(now.person.version, first.person.version + 1);
  });

  it('validates person and employment input with message keys', async () => {
    const p = await rejects(
      updatePerson({ database: t.database, actor: coordinator, personId: inA.person.id, input: { givenName: '', familyName: 'A', email: 'nope', birthYear: '1850', version: 1 } }),
      'VALIDATION',
    );
    assert.deepEqual(keys(p), ['birthYear:errors.field.tooSmall', 'email:errors.field.format.email', 'givenName:errors.field.tooShort']);
    const e = await rejects(
      addEmployment({
        database: t.database,
        actor: coordinator,
        personId: inA.person.id,
        input: { unitId: unitB.id, employeeNumber: 'A-1', positionTitle: 'Vikar', ftePercent: '20', styrk08: '9999', startDate: '2025-01-01', endDate: '' },
      }),
      'VALIDATION',
    );
    assert.deepEqual(keys(e), ['employeeNumber:org.errors.employeeNumberTaken', 'styrk08:org.errors.styrkUnknown']);
    const level3 = await rejects(
      addEmployment({
        database: t.database,
        actor: coordinator,
        personId: inA.person.id,
        input: { unitId: unitB.id, employeeNumber: 'A-2', positionTitle: 'Vikar', ftePercent: '20', styrk08: '2220', startDate: '2025-01-01' },
      }),
      'VALIDATION',
    );
    assert.deepEqual(keys(level3), ['styrk08:org.errors.styrkUnknown'], 'a code must exist at level 4');
  });

  it('adds, edits and ends employments with locking, scope checks and audit diffs of field names', async () => {
    const { id } = await addEmployment({
      database: t.database,
      actor: coordinator,
      personId: inA.person.id,
      input: { unitId: unitB.id, employeeNumber: 'A-2', positionTitle: 'Helsefagarbeidar', ftePercent: '20,5', styrk08: '5321', ksJobCode: '7174', occupationalGroup: 'Helsefagarbeidar', startDate: '2025-01-01' },
    });
    const input = { unitId: unitB.id, employeeNumber: 'A-2', positionTitle: 'Helsefagarbeidar', ftePercent: '40', styrk08: '5321', ksJobCode: '7174', occupationalGroup: 'Helsefagarbeidar', startDate: '2025-01-01', version: 1 };
    const updated = await updateEmployment({ database: t.database, actor: coordinator, employmentId: id, input });
    assert.deepEqual(updated.fields, ['ftePercent']);
    await rejects(updateEmployment({ database: t.database, actor: coordinator, employmentId: id, input: { ...input, ftePercent: '60' } }), 'STALE_VERSION');
    // The leader of A may not touch the employment in B, nor move one from A to B.
    await rejects(updateEmployment({ database: t.database, actor: leader, employmentId: id, input: { ...input, version: 2 } }), 'FORBIDDEN');
    await rejects(
      updateEmployment({ database: t.database, actor: leader, employmentId: inA1.employment.id, input: { ...input, employeeNumber: 'A1-1', unitId: unitB.id, version: 1 } }),
      'FORBIDDEN',
    );
    await rejects(endEmployment({ database: t.database, actor: coordinator, employmentId: id, input: { endDate: '2024-12-31', version: 2 } }), 'VALIDATION');
    await endEmployment({ database: t.database, actor: coordinator, employmentId: id, input: { endDate: '2025-06-30', version: 2 } });
    const profile = await getPerson({ database: t.database, actor: coordinator, personId: inA.person.id });
    const ended = profile.employments.find((e) => e.id === id)!;
    assert.equal(ended.endDate, '2025-06-30');
    assert.equal(ended.active, false);
    assert.equal(ended.ftePercent, 40);
    assert.match(ended.occupationName ?? '', /helsefagarbeid/i);
    const audit = await t.database.withTenant(tenantId, (tx) =>
      queryRows<{ action: string; details: Record<string, unknown> }>(tx, sql`select action, details from audit_log where subject_type = 'person' and subject_id = ${inA.person.id} and action like 'employment.%' order by id`),
    );
    assert.deepEqual(audit.map((a) => a.action), ['employment.create', 'employment.update', 'employment.end']);
    assert.deepEqual(audit[1]!.details, { employmentId: id, fields: ['ftePercent'] });
    assert.doesNotMatch(JSON.stringify(audit), /Helsefagarbeidar|7174|[:,[]"?40"?[,\]}]/, 'audit details carry field names, never values');
  });

  it('audits every profile read and write', async () => {
    const before = await t.database.withTenant(tenantId, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from audit_log where action = 'person.read' and subject_id = ${inA1.person.id}`));
    await getPerson({ database: t.database, actor: coordinator, personId: inA1.person.id, requestId: 'req-1' });
    const rows = await t.database.withTenant(tenantId, (tx) =>
      queryRows<{ n: number; actor: string; request_id: string }>(tx, sql`select count(*) over ()::int as n, actor, request_id from audit_log where action = 'person.read' and subject_id = ${inA1.person.id} order by id desc limit 1`),
    );
    assert.equal(rows[0]!.n, before[0]!.n + 1);
    assert.equal(rows[0]!.actor, coordinator.accountId);
    assert.equal(rows[0]!.request_id, 'req-1');
    const writes = await t.database.withTenant(tenantId, (tx) => queryRows<{ details: { fields: string[] } }>(tx, sql`select details from audit_log where action = 'person.update' and subject_id = ${inA1.person.id}`));
    assert.deepEqual(writes[0]!.details.fields, ['birthYear', 'email']);
    // A refused read leaves no trace of data, and no audit row claims it happened.
    const denied = await t.database.withTenant(tenantId, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from audit_log where action = 'person.read' and actor = ${employee.accountId} and subject_id = ${inA1.person.id}`));
    assert.equal(denied[0]!.n, 0);
    // …but the refused attempt itself is on record.
    const refused = await t.database.withTenant(tenantId, (tx) =>
      queryRows<{ n: number }>(tx, sql`select count(*)::int as n from audit_log where action = 'person.read.denied' and actor = ${employee.accountId} and subject_id = ${inA1.person.id}`),
    );
    assert.equal(refused[0]!.n, 1);
  });

  it('searches people by name or employee number within what the actor may see', async () => {
    const all = await searchPeople({ database: t.database, actor: coordinator, query: 'Aa' });
    assert.deepEqual(all.results.map((r) => r.name).sort(), ['Anders Aarnes', 'Astrid Aasen']);
    assert.equal((await searchPeople({ database: t.database, actor: coordinator, query: 'B-1' })).results[0]?.name, 'Berit Berg');
    const scoped = await searchPeople({ database: t.database, actor: leader, query: 'B-1' });
    assert.equal(scoped.results.length, 0, 'a person in a sibling unit is invisible to the leader');
    assert.equal(scoped.scope, 'units');
    assert.equal((await searchPeople({ database: t.database, actor: leader, query: 'Aarnes' })).results.length, 1, 'descendant units are in scope');
    const self = await searchPeople({ database: t.database, actor: employee, query: 'Aa' });
    assert.deepEqual(self.results.map((r) => r.personId), [inA.person.id]);
    await rejects(searchPeople({ database: t.database, actor: coordinator, query: 'A' }), 'VALIDATION');
  });

  it('exports everything about the person to the person only, and nothing about others', async () => {
    await rejects(exportPersonData({ database: t.database, actor: coordinator, personId: inA.person.id }), 'FORBIDDEN');
    await rejects(exportPersonData({ database: t.database, actor: leader, personId: inA.person.id }), 'FORBIDDEN');
    const data = await exportPersonData({ database: t.database, actor: employee, personId: inA.person.id });
    assert.equal(data.person.id, inA.person.id);
    assert.equal(data.person.birthYear, 1980);
    assert.deepEqual(data.employments.map((e) => e.employeeNumber).sort(), ['A-1', 'A-2']);
    assert.equal(data.accounts.length, 1);
    assert.deepEqual(data.accounts[0]!.signInWith, ['password']);
    assert.ok(data.auditEntries.some((e) => e.action === 'person.read'));
    assert.ok(data.auditEntries.some((e) => e.action === 'person.export'), 'the export itself is audited');
    const text = JSON.stringify(data);
    assert.doesNotMatch(text, /argon2|passwordHash/i, 'no password hashes');
    for (const other of [inA1, inB]) {
      assert.ok(!text.includes(other.person.id), 'no other person’s id');
      assert.ok(!text.includes(other.person.familyName), 'no other person’s name');
    }
  });
});
