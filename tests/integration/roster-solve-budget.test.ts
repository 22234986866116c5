// The roster job's deterministic work budget: the same period (setup, wishes) solved twice at the
// same level and seed gives the same roster, the run records seed, level and budget (shown to the
// leader so the roster can be made again), a bad seed is refused with a translated error and
// changes nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findPeriod } from '../../db/repositories/roster.repository.ts';
import type { AccountActor, SystemActor } from '../../core/shared/actor.ts';
import { AppError } from '../../core/shared/app-error.ts';
import { createRosterPeriod } from '../../core/roster/create-roster-period.ts';
import { getRosterPeriod } from '../../core/roster/get-roster-period.ts';
import { requestRosterSolve } from '../../core/roster/request-roster-solve.ts';
import { saveRosterWishes } from '../../core/roster/save-roster-wishes.ts';
import { solveRosterPeriod } from '../../core/roster/solve-roster-period.ts';
import { solveBudget } from '../../core/roster/solve-budget.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { actorFor, createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

describe('roster solve budget', () => {
  let t: TestDatabase;
  let tenantId: string;
  let leader: AccountActor;
  let periodId: string;
  let system: SystemActor;

  const solve = async (input: { level: string; seed: string }) => {
    const jobs: Array<{ level: 'quick' | 'normal' | 'thorough'; seed: number }> = [];
    await requestRosterSolve({ database: t.database, actor: leader, periodId, input, enqueue: async (job) => jobs.push(job) });
    assert.equal(jobs.length, 1);
    const outcome = await solveRosterPeriod({ database: t.database, actor: system, periodId, level: jobs[0]!.level, seed: jobs[0]!.seed, onBehalfOf: leader.accountId });
    assert.equal(outcome.status, 'done');
    return t.database.withTenant(tenantId, async (tx) => (await findPeriod(tx, periodId))!);
  };

  before(async () => {
    t = await createTestDatabase();
    tenantId = (await createTenant(t.database)).id;
    system = { kind: 'system', tenantId, purpose: 'test' };
    const root = await createUnit(t.database, tenantId, { kind: 'kommune' });
    const home = await createUnit(t.database, tenantId, { parent: root, name: 'Budsjettheimen' });
    const boss = await createPerson(t.database, tenantId, { unitId: root.id });
    await makeLeader(t.database, tenantId, home.id, boss.person.id);
    leader = await actorFor(t.database, tenantId, await createAccount(t.database, tenantId, { personId: boss.person.id }));
    const staff = [];
    for (let i = 0; i < 9; i++) staff.push(await createPerson(t.database, tenantId, { unitId: home.id, givenName: `T${i}`, familyName: 'Budsjett', styrk08: i % 3 === 0 ? '2223' : '5321', ftePercent: i < 6 ? 100 : 80 }));
    periodId = (await createRosterPeriod({ database: t.database, actor: leader, unitId: home.id, input: { name: 'Vår', startDate: '2027-03-01', weeks: 2, wishDeadline: '2027-02-10', publishLeadDays: 28 } })).id;
    const kari = await actorFor(t.database, tenantId, await createAccount(t.database, tenantId, { personId: staff[0]!.person.id }));
    await saveRosterWishes({ database: t.database, actor: kari, periodId, input: { version: null, wishes: [{ day: 2, kind: 'dayoff', shift: null, weight: 5 }] }, today: '2027-02-01' });
  });
  after(() => t.close());

  it('the budget grows with the period and the level, within bounds', () => {
    const small = { employees: 9, days: 14, shiftTypes: 4 };
    const large = { employees: 30, days: 168, shiftTypes: 4 };
    assert.equal(solveBudget('normal', 1, small).iterations, 158_000);
    assert.ok(solveBudget('thorough', 1, small).iterations > solveBudget('normal', 1, small).iterations);
    assert.equal(solveBudget('quick', 1, small).iterations, 50_000, 'at least the minimum');
    assert.equal(solveBudget('normal', 1, large).iterations, 6_300_000);
    assert.equal(solveBudget('thorough', 1, { employees: 200, days: 364, shiftTypes: 6 }).iterations, 20_000_000, 'at most the maximum');
  });

  it('gives the same roster when the same period is solved twice with the same level and seed, and records the budget', async () => {
    const first = await solve({ level: 'quick', seed: '' });
    const second = await solve({ level: 'quick', seed: '' });
    assert.ok(first.roster, 'a roster');
    assert.deepEqual(second.roster, first.roster);
    assert.equal(second.solveObjective, first.solveObjective);
    const summary = second.solveSummary as Record<string, unknown>;
    assert.equal(summary.level, 'quick');
    assert.equal(summary.seed, 1);
    assert.equal(summary.iterations, 50_000);
    assert.equal(summary.workers, 2);
    assert.equal(summary.attempts, 2);
    assert.equal(summary.capped, false);
    // Every search ran its whole budget: not stopped by the time cap.
    assert.equal(summary.iterationsDone, (first.solveSummary as Record<string, unknown>).iterationsDone);
    assert.ok(Number(summary.iterationsDone) >= 4 * 50_000);
    const view = await getRosterPeriod({ database: t.database, actor: leader, periodId });
    assert.equal(view.solve.summary?.seed, 1);
    // Another seed is recorded as asked.
    const third = await solve({ level: 'quick', seed: '7' });
    assert.equal((third.solveSummary as Record<string, unknown>).seed, 7);
  });

  it('refuses a bad seed or level with a translated error and changes nothing', async () => {
    const before = await t.database.withTenant(tenantId, async (tx) => (await findPeriod(tx, periodId))!);
    for (const input of [{ level: 'quick', seed: '0' }, { level: 'quick', seed: 'abc' }, { level: 'slow', seed: '' }]) {
      await assert.rejects(
        requestRosterSolve({ database: t.database, actor: leader, periodId, input, enqueue: async () => assert.fail('no job for bad input') }),
        (e: unknown) => e instanceof AppError && e.code === 'VALIDATION',
      );
    }
    const afterwards = await t.database.withTenant(tenantId, async (tx) => (await findPeriod(tx, periodId))!);
    assert.equal(afterwards.solveStatus, before.solveStatus);
    assert.deepEqual(afterwards.roster, before.roster);
  });
});
