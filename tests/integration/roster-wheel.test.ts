// The roster's wish deadline on the annual wheel: when a leader creates a roster period, the
// wish deadline becomes a milestone for the unit (owned by its leaders, concerns 'other', with
// the wheel's default reminders) in the same transaction — when the wheel has a cycle for the
// deadline's year. Without a cycle the period is still created and nothing is put on the wheel.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/shared/app-error.ts';
import type { AccountActor } from '../../core/shared/actor.ts';
import { auditLog, wheelMilestones } from '../../db/schema/index.ts';
import { applyWheelTemplate } from '../../core/annual-wheel/apply-wheel-template.ts';
import { getMilestone } from '../../core/annual-wheel/get-milestone.ts';
import { createRosterPeriod } from '../../core/roster/create-roster-period.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { actorFor, createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

describe('roster wish deadline on the annual wheel', () => {
  let t: TestDatabase;
  let tenantId: string;
  let homeId: string;
  let leader: AccountActor;
  let coordinator: AccountActor;
  const milestoneCount = () => t.database.withTenant(tenantId, async (tx) => (await tx.select().from(wheelMilestones)).length);

  before(async () => {
    t = await createTestDatabase({ reference: true });
    tenantId = (await createTenant(t.database)).id;
    const root = await createUnit(t.database, tenantId, { name: 'Fjordvik kommune', kind: 'kommune' });
    const home = await createUnit(t.database, tenantId, { parent: root, name: 'Fjordheimen' });
    homeId = home.id;
    const boss = await createPerson(t.database, tenantId, { unitId: home.id, givenName: 'Liv', familyName: 'Leiar' });
    await makeLeader(t.database, tenantId, home.id, boss.person.id);
    leader = await actorFor(t.database, tenantId, await createAccount(t.database, tenantId, { personId: boss.person.id }));
    coordinator = await actorFor(t.database, tenantId, await createAccount(t.database, tenantId, { roles: ['coordinator'] }));
    await applyWheelTemplate({ database: t.database, actor: coordinator, input: { template: 'gloppen', year: 2027 }, language: 'nn' });
  });
  after(() => t.close());

  it('puts the wish deadline on the unit’s wheel when the year has a cycle', async () => {
    const before = await milestoneCount();
    const created = await createRosterPeriod({ database: t.database, actor: leader, unitId: homeId, input: { name: 'Vårturnus', startDate: '2027-03-01', weeks: 2, wishDeadline: '2027-01-31', publishLeadDays: 28 }, language: 'nn', requestId: 'roster-wheel' });
    assert.equal(created.wishDeadlineYear, 2027);
    assert.ok(created.wheelMilestoneId);
    assert.equal(await milestoneCount(), before + 1);
    const { milestone } = await getMilestone({ database: t.database, actor: coordinator, milestoneId: created.wheelMilestoneId });
    assert.equal(milestone.title, 'Frist for turnusønske: Vårturnus (Fjordheimen)');
    assert.equal(milestone.deadline, '2027-01-31');
    assert.equal(milestone.ownerRole, 'unit_leader');
    assert.equal(milestone.concerns, 'other');
    assert.deepEqual(milestone.targetUnitIds, [homeId]);
    assert.deepEqual(milestone.reminderOffsets, [14, 3, 0]);
    assert.deepEqual(milestone.units.map((u) => u.unitId), [homeId]);
    const audited = await t.database.withTenant(tenantId, (tx) => tx.select().from(auditLog).where(eq(auditLog.subjectId, created.wheelMilestoneId!)));
    assert.deepEqual(audited.map((a) => [a.action, a.requestId]), [['wheel.milestone.create', 'roster-wheel']]);
  });

  it('creates the period without a milestone when the year has no cycle, and neither when the period is refused', async () => {
    const before = await milestoneCount();
    const created = await createRosterPeriod({ database: t.database, actor: leader, unitId: homeId, input: { name: 'Vårturnus 2028', startDate: '2028-03-06', weeks: 2, wishDeadline: '2028-01-31', publishLeadDays: 28 } });
    assert.equal(created.wheelMilestoneId, null);
    assert.equal(created.wishDeadlineYear, 2028);
    assert.equal(await milestoneCount(), before);
    await assert.rejects(
      createRosterPeriod({ database: t.database, actor: leader, unitId: homeId, input: { name: 'Feil', startDate: '2027-03-02', weeks: 2, wishDeadline: '2027-01-31', publishLeadDays: 28 } }),
      (e: unknown) => AppError.is(e, 'VALIDATION'),
    );
    assert.equal(await milestoneCount(), before);
  });
});
