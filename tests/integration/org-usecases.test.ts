// Organisation use cases against the real database: the tree and its head counts, moving a
// subtree, cycles, optimistic locking, archiving, tenant isolation and the audit trail.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { AppError } from '../../core/shared/app-error.ts';
import type { AccountActor } from '../../core/shared/actor.ts';
import { getOrgTree } from '../../core/org/get-org-tree.ts';
import { getUnit } from '../../core/org/get-unit.ts';
import { createUnit } from '../../core/org/create-unit.ts';
import { updateUnit } from '../../core/org/update-unit.ts';
import { setUnitLeaders } from '../../core/org/set-unit-leaders.ts';
import { archiveUnit } from '../../core/org/archive-unit.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { actorFor, createAccount, createPerson, createTenant, createUnit as makeUnit, makeLeader } from '../support/factories.ts';

async function rejects(promise: Promise<unknown>, code: string, key?: string): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, `expected AppError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (key) assert.ok(error.issues.some((i) => i.key === key) || error.messageKey === key, `expected ${key}, got ${JSON.stringify(error.issues)} ${error.messageKey}`);
    return error;
  }
  assert.fail(`expected ${code}`);
}

describe('organisation use cases', () => {
  let t: TestDatabase;
  let tenantId: string;
  let otherTenantId: string;
  let root: Awaited<ReturnType<typeof makeUnit>>;
  let health: Awaited<ReturnType<typeof makeUnit>>;
  let school: Awaited<ReturnType<typeof makeUnit>>;
  let home: Awaited<ReturnType<typeof makeUnit>>;
  let ward: Awaited<ReturnType<typeof makeUnit>>;
  let coordinator: AccountActor;
  let employee: AccountActor;
  let otherUnitId: string;

  before(async () => {
    t = await createTestDatabase({ reference: true });
    tenantId = (await createTenant(t.database)).id;
    root = await makeUnit(t.database, tenantId, { name: 'Fjordvik kommune', kind: 'kommune' });
    health = await makeUnit(t.database, tenantId, { parent: root, name: 'Helse og omsorg', kind: 'sektor' });
    school = await makeUnit(t.database, tenantId, { parent: root, name: 'Oppvekst', kind: 'sektor' });
    home = await makeUnit(t.database, tenantId, { parent: health, name: 'Fjordheimen', kind: 'eining' });
    ward = await makeUnit(t.database, tenantId, { parent: home, name: 'Avdeling A', kind: 'avdeling' });
    await createPerson(t.database, tenantId, { unitId: ward.id, ftePercent: 80 });
    await createPerson(t.database, tenantId, { unitId: ward.id, ftePercent: 50 });
    await createPerson(t.database, tenantId, { unitId: home.id, ftePercent: 100 });
    const teacher = await createPerson(t.database, tenantId, { unitId: school.id, ftePercent: 100 });
    // An ended employment does not count.
    await t.database.withTenant(tenantId, (tx) => tx.execute(sql`update employments set end_date = '2021-01-01' where id = ${teacher.employment.id}`));
    await createPerson(t.database, tenantId, { unitId: school.id, ftePercent: 60 });
    coordinator = await actorFor(t.database, tenantId, await createAccount(t.database, tenantId, { roles: ['coordinator'] }));
    const worker = await createPerson(t.database, tenantId, { unitId: school.id });
    employee = await actorFor(t.database, tenantId, await createAccount(t.database, tenantId, { personId: worker.person.id }));
    otherTenantId = (await createTenant(t.database)).id;
    otherUnitId = (await makeUnit(t.database, otherTenantId)).id;
  });
  after(() => t.close());

  it('draws the tree with subtree head counts and FTE computed in SQL', async () => {
    const tree = await getOrgTree({ database: t.database, actor: employee });
    const by = new Map(tree.units.map((u) => [u.name, u]));
    assert.equal(tree.units.length, 5);
    assert.equal(by.get('Avdeling A')!.headCount, 2);
    assert.equal(by.get('Fjordheimen')!.headCount, 3);
    assert.equal(by.get('Helse og omsorg')!.headCount, 3);
    assert.equal(by.get('Oppvekst')!.headCount, 2, 'the ended employment is not counted');
    assert.equal(by.get('Fjordvik kommune')!.headCount, 5);
    assert.equal(by.get('Fjordheimen')!.fteYears, 2.3);
    assert.equal(by.get('Fjordvik kommune')!.depth, 0);
    assert.equal(by.get('Avdeling A')!.parentId, home.id);
    assert.equal(tree.canWrite, false);
    assert.equal((await getOrgTree({ database: t.database, actor: coordinator })).canWrite, true);
  });

  it('shows a unit with ancestors, children and members; details only to those allowed', async () => {
    const forEmployee = await getUnit({ database: t.database, actor: employee, unitId: home.id });
    assert.deepEqual(forEmployee.ancestors.map((a) => a.name), ['Fjordvik kommune', 'Helse og omsorg']);
    assert.deepEqual(forEmployee.children.map((c) => [c.name, c.headCount]), [['Avdeling A', 2]]);
    assert.equal(forEmployee.members.total, 1);
    assert.equal(forEmployee.members.detailed, false);
    assert.equal(forEmployee.members.rows[0]!.ftePercent, null, 'FTE hidden from a colleague');
    assert.equal(forEmployee.members.rows[0]!.canRead, false);
    const forCoordinator = await getUnit({ database: t.database, actor: coordinator, unitId: ward.id, sort: 'fte' });
    assert.equal(forCoordinator.members.detailed, true);
    assert.deepEqual(forCoordinator.members.rows.map((r) => r.ftePercent), [80, 50]);
    assert.equal(forCoordinator.members.rows[0]!.occupation?.code, '2223');
    assert.ok(forCoordinator.members.rows[0]!.occupation?.name, 'STYRK name joined');
  });

  it('counts a unit page the way the tree does: its subtree and each sub-unit’s, ended employments left out', async () => {
    const tree = await getOrgTree({ database: t.database, actor: coordinator });
    const byId = new Map(tree.units.map((u) => [u.id, u]));
    for (const u of tree.units) {
      const page = await getUnit({ database: t.database, actor: coordinator, unitId: u.id });
      assert.equal(page.headCount, u.headCount, `${u.name}: head count`);
      assert.equal(page.fteYears, byId.get(u.id)!.fteYears, `${u.name}: FTE years`);
      assert.deepEqual(
        page.children.map((c) => [c.name, c.headCount]),
        tree.units.filter((c) => c.parentId === u.id).map((c) => [c.name, c.headCount]).sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'nb')),
        `${u.name}: sub-units`,
      );
    }
    const top = await getUnit({ database: t.database, actor: coordinator, unitId: root.id });
    assert.equal(top.headCount, 5);
    assert.deepEqual(top.children.map((c) => [c.name, c.headCount]), [['Helse og omsorg', 3], ['Oppvekst', 2]]);
    // A page past the end shows no one but still the number of members.
    const past = await getUnit({ database: t.database, actor: coordinator, unitId: ward.id, page: 9 });
    assert.equal(past.members.rows.length, 0);
    assert.equal(past.members.total, 2);
  });

  it('answers 404 for another tenant’s unit and for malformed ids', async () => {
    await rejects(getUnit({ database: t.database, actor: coordinator, unitId: otherUnitId }), 'NOT_FOUND');
    await rejects(getUnit({ database: t.database, actor: coordinator, unitId: 'not-a-uuid' }), 'NOT_FOUND');
    await rejects(updateUnit({ database: t.database, actor: coordinator, unitId: otherUnitId, input: { name: 'X', kind: 'eining', code: 'X1', parentId: null, version: 1 } }), 'NOT_FOUND');
  });

  it('moves a whole subtree in one go, updating paths and depths, and head counts follow', async () => {
    const before = await t.database.withTenant(tenantId, (tx) => queryRows<{ id: string; version: number }>(tx, sql`select id, version from org_units where id = ${home.id}`));
    const result = await updateUnit({
      database: t.database,
      actor: coordinator,
      unitId: home.id,
      input: { name: 'Fjordheimen', kind: 'eining', code: home.code, parentId: school.id, version: before[0]!.version },
    });
    assert.equal(result.moved, true);
    const rows = await t.database.withTenant(tenantId, (tx) => queryRows<{ id: string; path: string; depth: number }>(tx, sql`select id, path, depth from org_units`));
    const byId = new Map(rows.map((r) => [r.id, r]));
    assert.equal(byId.get(home.id)!.path, `${root.id}/${school.id}/${home.id}`);
    assert.equal(byId.get(home.id)!.depth, 2);
    assert.equal(byId.get(ward.id)!.path, `${root.id}/${school.id}/${home.id}/${ward.id}`);
    assert.equal(byId.get(ward.id)!.depth, 3);
    const tree = await getOrgTree({ database: t.database, actor: coordinator });
    const by = new Map(tree.units.map((u) => [u.name, u]));
    assert.equal(by.get('Oppvekst')!.headCount, 5);
    assert.equal(by.get('Helse og omsorg')!.headCount, 0);
    const audit = await t.database.withTenant(tenantId, (tx) => queryRows<{ details: { fields: string[]; moved: boolean } }>(tx, sql`select details from audit_log where action = 'unit.update' and subject_id = ${home.id}`));
    assert.deepEqual(audit[0]!.details, { fields: ['parentId'], moved: true });
  });

  it('refuses to move a unit under itself or its own descendant', async () => {
    const unit = await getUnit({ database: t.database, actor: coordinator, unitId: school.id });
    const input = { name: 'Oppvekst', kind: 'sektor', code: school.code, version: unit.unit.version };
    await rejects(updateUnit({ database: t.database, actor: coordinator, unitId: school.id, input: { ...input, parentId: ward.id } }), 'VALIDATION', 'org.errors.cycle');
    await rejects(updateUnit({ database: t.database, actor: coordinator, unitId: school.id, input: { ...input, parentId: school.id } }), 'VALIDATION', 'org.errors.cycle');
    const rows = await t.database.withTenant(tenantId, (tx) => queryRows<{ path: string }>(tx, sql`select path from org_units where id = ${school.id}`));
    assert.equal(rows[0]!.path, `${root.id}/${school.id}`, 'nothing changed');
  });

  it('refuses a stale edit and keeps the first save', async () => {
    const read = await getUnit({ database: t.database, actor: coordinator, unitId: health.id });
    const version = read.unit.version;
    await updateUnit({ database: t.database, actor: coordinator, unitId: health.id, input: { name: 'Helse og velferd', kind: 'sektor', code: health.code, parentId: root.id, version } });
    await rejects(updateUnit({ database: t.database, actor: coordinator, unitId: health.id, input: { name: 'Helse', kind: 'sektor', code: health.code, parentId: root.id, version } }), 'STALE_VERSION');
    const after = await getUnit({ database: t.database, actor: coordinator, unitId: health.id });
    assert.equal(after.unit.name, 'Helse og velferd');
    assert.equal(after.unit.version, version + 1);
  });

  it('creates units, refuses duplicate codes, and lets only coordinators and admins write', async () => {
    const { id } = await createUnit({ database: t.database, actor: coordinator, input: { name: 'Team natt', kind: 'team', code: 'T-NATT', parentId: ward.id } });
    const unit = await getUnit({ database: t.database, actor: coordinator, unitId: id });
    assert.deepEqual(unit.ancestors.map((a) => a.id), [root.id, school.id, home.id, ward.id]);
    await rejects(createUnit({ database: t.database, actor: coordinator, input: { name: 'Dobbel', kind: 'team', code: 'T-NATT', parentId: ward.id } }), 'VALIDATION', 'org.errors.codeTaken');
    await rejects(createUnit({ database: t.database, actor: employee, input: { name: 'Mitt team', kind: 'team', code: 'T-MIN', parentId: ward.id } }), 'FORBIDDEN');
    await rejects(createUnit({ database: t.database, actor: coordinator, input: { name: 'Ny rot', kind: 'kommune', code: 'ROT2', parentId: '' } }), 'VALIDATION', 'errors.field.required');
  });

  it('sets leaders under the unit version, and a leader’s actor scope follows', async () => {
    const leader = await createPerson(t.database, tenantId, { unitId: ward.id });
    const read = await getUnit({ database: t.database, actor: coordinator, unitId: ward.id });
    await setUnitLeaders({ database: t.database, actor: coordinator, unitId: ward.id, input: { version: read.unit.version, personIds: [leader.person.id] } });
    await rejects(setUnitLeaders({ database: t.database, actor: coordinator, unitId: ward.id, input: { version: read.unit.version, personIds: [] } }), 'STALE_VERSION');
    const after = await getUnit({ database: t.database, actor: coordinator, unitId: ward.id });
    assert.deepEqual(after.leaders.map((l) => l.personId), [leader.person.id]);
    const account = await createAccount(t.database, tenantId, { personId: leader.person.id });
    const actor = await actorFor(t.database, tenantId, account);
    assert.ok(actor.roles.has('unit_leader'));
    const asLeader = await getUnit({ database: t.database, actor, unitId: ward.id });
    assert.equal(asLeader.members.detailed, true);
    assert.equal(asLeader.leaders[0]!.canRead, true, 'the leader opens their own profile');
    assert.equal((await getUnit({ database: t.database, actor: employee, unitId: ward.id })).leaders[0]!.canRead, false, 'a colleague elsewhere does not');
    assert.equal((await getUnit({ database: t.database, actor: coordinator, unitId: ward.id })).leaders[0]!.canRead, true);
    const parentView = await getUnit({ database: t.database, actor, unitId: home.id });
    assert.equal(parentView.members.detailed, false, 'the leader of a department sees no details of the unit above');
  });

  it('archives only an empty unit', async () => {
    const read = await getUnit({ database: t.database, actor: coordinator, unitId: ward.id });
    await rejects(archiveUnit({ database: t.database, actor: coordinator, unitId: ward.id, input: { version: read.unit.version } }), 'CONFLICT', 'org.errors.unitNotEmpty');
    const { id } = await createUnit({ database: t.database, actor: coordinator, input: { name: 'Tom eining', kind: 'team', code: 'TOM', parentId: school.id } });
    await archiveUnit({ database: t.database, actor: coordinator, unitId: id, input: { version: 1 } });
    await rejects(getUnit({ database: t.database, actor: coordinator, unitId: id }), 'NOT_FOUND');
    const tree = await getOrgTree({ database: t.database, actor: coordinator });
    assert.ok(!tree.units.some((u) => u.id === id), 'archived units leave the tree');
  });

  it('writes audit rows for unit writes and detailed member reads', async () => {
    const rows = await t.database.withTenant(tenantId, (tx) => queryRows<{ action: string; actor: string }>(tx, sql`select action, actor from audit_log order by id`));
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ['unit.update', 'unit.create', 'unit.leaders.set', 'unit.archive', 'unit.members.read']) assert.ok(actions.has(a), `audit has ${a}`);
    assert.ok(rows.filter((r) => r.action === 'unit.create').every((r) => r.actor === coordinator.accountId));
  });
});
