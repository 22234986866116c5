// Roster use cases against the real database: a leader sets up a period for their unit,
// employees enter wishes before the deadline, the solve job builds a roster that passes the
// independent checker, a manual edit that breaks the 11 h rest is refused and changes
// nothing, stale edits are refused, the union representative approves or returns, publishing
// respects the lead time, and access stays within the unit and the tenant.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { AppError } from '../../core/shared/app-error.ts';
import type { AccountActor } from '../../core/shared/actor.ts';
import { createRosterPeriod } from '../../core/roster/create-roster-period.ts';
import { getRosterPeriod } from '../../core/roster/get-roster-period.ts';
import { getRosterSetup } from '../../core/roster/get-roster-setup.ts';
import { updateRosterSetup } from '../../core/roster/update-roster-setup.ts';
import { saveRosterWishes } from '../../core/roster/save-roster-wishes.ts';
import { getOwnRoster } from '../../core/roster/get-own-roster.ts';
import { requestRosterSolve } from '../../core/roster/request-roster-solve.ts';
import { solveRosterPeriod } from '../../core/roster/solve-roster-period.ts';
import { updateRosterCell } from '../../core/roster/update-roster-cell.ts';
import { submitRosterPeriod } from '../../core/roster/submit-roster-period.ts';
import { reviewRosterPeriod } from '../../core/roster/review-roster-period.ts';
import { publishRosterPeriod } from '../../core/roster/publish-roster-period.ts';
import { lockRosterPeriod } from '../../core/roster/lock-roster-period.ts';
import { exportRosterIcs } from '../../core/roster/export-roster-ics.ts';
import { exportRosterXlsx } from '../../core/roster/export-roster-xlsx.ts';
import { exportRosterPdf } from '../../core/roster/export-roster-pdf.ts';
import ExcelJS from 'exceljs';
import { listRosterRuleSets } from '../../core/roster/list-roster-rule-sets.ts';
import { updateRosterRuleSet } from '../../core/roster/update-roster-rule-set.ts';
import { copyRosterRuleSet } from '../../core/roster/copy-roster-rule-set.ts';
import { listRosterPeriods } from '../../core/roster/list-roster-periods.ts';
import { proposeRosterSwap } from '../../core/roster/propose-roster-swap.ts';
import { decideRosterSwap } from '../../core/roster/decide-roster-swap.ts';
import { loadContext, periodGrid } from '../../core/roster/roster-period.ts';
import { assignmentsFromGrid, buildInstance } from '../../core/roster/roster.model.ts';
import { checkSolution } from '../../core/rostering/checker/check.ts';
import { findPeriod } from '../../db/repositories/roster.repository.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { actorFor, createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

async function rejects(promise: Promise<unknown>, code: string, key?: string): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, `expected AppError, got ${String(error)}`);
    assert.equal(error.code, code, `${error.code} ${error.messageKey} ${JSON.stringify(error.issues)}`);
    if (key) assert.ok(error.issues.some((i) => i.key === key) || error.messageKey === key, `expected ${key}, got ${JSON.stringify(error.issues)} ${error.messageKey}`);
    return error;
  }
  assert.fail(`expected ${code}`);
}

const START = '2027-03-01'; // a Monday
const TODAY = '2027-01-10';

describe('roster use cases', () => {
  let t: TestDatabase;
  let tenantId: string;
  let leader: AccountActor;
  let otherLeader: AccountActor;
  let union: AccountActor;
  let kari: AccountActor;
  let ola: AccountActor;
  let outsider: AccountActor;
  let foreignLeader: AccountActor;
  let kariId: string;
  let olaId: string;
  let periodId: string;
  let homeId: string;

  before(async () => {
    t = await createTestDatabase({ reference: true });
    tenantId = (await createTenant(t.database)).id;
    const root = await createUnit(t.database, tenantId, { name: 'Fjordvik kommune', kind: 'kommune' });
    const home = await createUnit(t.database, tenantId, { parent: root, name: 'Fjordheimen' });
    homeId = home.id;
    const other = await createUnit(t.database, tenantId, { parent: root, name: 'Heimetenesta' });
    const boss = await createPerson(t.database, tenantId, { unitId: root.id, givenName: 'Liv', familyName: 'Leiar' });
    await makeLeader(t.database, tenantId, home.id, boss.person.id);
    leader = await actorFor(t.database, tenantId, await createAccount(t.database, tenantId, { personId: boss.person.id }));
    const otherBoss = await createPerson(t.database, tenantId, { unitId: other.id });
    await makeLeader(t.database, tenantId, other.id, otherBoss.person.id);
    otherLeader = await actorFor(t.database, tenantId, await createAccount(t.database, tenantId, { personId: otherBoss.person.id }));
    union = await actorFor(t.database, tenantId, await createAccount(t.database, tenantId, { roles: ['union_rep'] }));
    // Nine employees: three nurses (sjukepleiar, STYRK 2223), six health workers (5321).
    const staff = [];
    for (let i = 0; i < 9; i++) {
      staff.push(await createPerson(t.database, tenantId, { unitId: home.id, givenName: i === 0 ? 'Kari' : i === 1 ? 'Ola' : `Tilsett${i}`, familyName: 'Nordmann', styrk08: i % 3 === 0 ? '2223' : '5321', ftePercent: i < 6 ? 100 : 80 }));
    }
    kariId = staff[0]!.person.id;
    olaId = staff[1]!.person.id;
    kari = await actorFor(t.database, tenantId, await createAccount(t.database, tenantId, { personId: kariId }));
    ola = await actorFor(t.database, tenantId, await createAccount(t.database, tenantId, { personId: olaId }));
    const elsewhere = await createPerson(t.database, tenantId, { unitId: other.id });
    outsider = await actorFor(t.database, tenantId, await createAccount(t.database, tenantId, { personId: elsewhere.person.id }));
    const foreign = (await createTenant(t.database)).id;
    const fRoot = await createUnit(t.database, foreign);
    const fBoss = await createPerson(t.database, foreign, { unitId: fRoot.id });
    await makeLeader(t.database, foreign, fRoot.id, fBoss.person.id);
    foreignLeader = await actorFor(t.database, foreign, await createAccount(t.database, foreign, { personId: fBoss.person.id }));
  });
  after(() => t.close());

  it('lets only the unit’s leader create a period, with validated input and Norwegian defaults', async () => {
    const input = { name: 'Vårturnus', startDate: START, weeks: 2, wishDeadline: '2027-01-31', publishLeadDays: 28 };
    await rejects(createRosterPeriod({ database: t.database, actor: otherLeader, unitId: homeId, input }), 'FORBIDDEN');
    await rejects(createRosterPeriod({ database: t.database, actor: kari, unitId: homeId, input }), 'FORBIDDEN');
    await rejects(createRosterPeriod({ database: t.database, actor: foreignLeader, unitId: homeId, input }), 'NOT_FOUND');
    await rejects(createRosterPeriod({ database: t.database, actor: leader, unitId: homeId, input: { ...input, startDate: '2027-03-02' } }), 'VALIDATION', 'roster.errors.startMonday');
    await rejects(createRosterPeriod({ database: t.database, actor: leader, unitId: homeId, input: { ...input, wishDeadline: '2027-03-05' } }), 'VALIDATION', 'roster.errors.deadlineAfterStart');
    periodId = (await createRosterPeriod({ database: t.database, actor: leader, unitId: homeId, input })).id;
    const setup = await getRosterSetup({ database: t.database, actor: leader, periodId });
    assert.deepEqual(setup.shiftTypes.map((s) => `${s.code} ${s.start}`), ['D 07:00', 'A 15:00', 'N 22:15', 'L 08:00']);
    assert.equal(setup.rules.dailyRestMinutes, 660);
    assert.equal(setup.employees.length, 9);
    assert.deepEqual(setup.employees.find((e) => e.personId === kariId)?.attributes, ['group:sykepleiar', 'styrk:2223']);
    // The tenant got its default rule set (Working Environment Act) on first use.
    const sets = await listRosterRuleSets({ database: t.database, actor: kari });
    assert.equal(sets.sets.length, 1);
    assert.equal(sets.canWrite, false);
  });

  it('saves the setup under its version: unavailability as dates, shift types and staffing validated', async () => {
    const setup = await getRosterSetup({ database: t.database, actor: leader, periodId });
    const input = {
      version: setup.period.version,
      period: { name: setup.period.name, startDate: START, weeks: 2, wishDeadline: '2027-01-31', publishLeadDays: 28 },
      ruleSetId: setup.period.ruleSetId,
      shiftTypes: setup.shiftTypes,
      staffing: setup.staffing,
      unavailability: { [olaId]: '2027-03-03..2027-03-04' },
    };
    await rejects(updateRosterSetup({ database: t.database, actor: otherLeader, periodId, input }), 'FORBIDDEN');
    const bad = await rejects(updateRosterSetup({ database: t.database, actor: leader, periodId, input: { ...input, unavailability: { [olaId]: '2027-05-01' } } }), 'VALIDATION', 'roster.errors.dates');
    assert.equal(bad.issues[0]!.path, `unavailability.${olaId}`);
    await rejects(updateRosterSetup({ database: t.database, actor: leader, periodId, input: { ...input, shiftTypes: [...setup.shiftTypes, { code: 'D', name: 'x', start: '07:00', lengthMinutes: 480 }] } }), 'VALIDATION', 'roster.errors.shiftCodeTwice');
    const saved = await updateRosterSetup({ database: t.database, actor: leader, periodId, input });
    assert.equal(saved.version, setup.period.version + 1);
    await rejects(updateRosterSetup({ database: t.database, actor: leader, periodId, input }), 'STALE_VERSION');
    const again = await getRosterSetup({ database: t.database, actor: leader, periodId });
    assert.equal(again.employees.find((e) => e.personId === olaId)?.unavailable, '2027-03-03, 2027-03-04');
  });

  it('lets employees save only their own wishes in their own unit, before the deadline', async () => {
    const wishes = [
      { day: 0, kind: 'dayoff', shift: null, weight: 5 },
      { day: 2, kind: 'shift', shift: 'A', weight: 3 },
    ];
    const saved = await saveRosterWishes({ database: t.database, actor: kari, periodId, input: { version: null, wishes }, today: TODAY });
    assert.equal(saved.version, 1);
    await rejects(saveRosterWishes({ database: t.database, actor: kari, periodId, input: { version: null, wishes }, today: TODAY }), 'STALE_VERSION');
    await saveRosterWishes({ database: t.database, actor: ola, periodId, input: { version: null, wishes: [{ day: 5, kind: 'dayoff', shift: null, weight: 4 }] }, today: TODAY });
    await rejects(saveRosterWishes({ database: t.database, actor: outsider, periodId, input: { version: null, wishes }, today: TODAY }), 'FORBIDDEN');
    await rejects(saveRosterWishes({ database: t.database, actor: leader, periodId, input: { version: null, wishes }, today: TODAY }), 'FORBIDDEN');
    await rejects(saveRosterWishes({ database: t.database, actor: kari, periodId, input: { version: 1, wishes: [{ day: 1, kind: 'shift', shift: 'X', weight: 3 }] }, today: TODAY }), 'VALIDATION', 'roster.errors.wishShift');
    await rejects(saveRosterWishes({ database: t.database, actor: kari, periodId, input: { version: 1, wishes }, today: '2027-02-01' }), 'CONFLICT', 'roster.errors.wishesClosed');
    const own = await getOwnRoster({ database: t.database, actor: kari, periodId, today: TODAY });
    assert.equal(own.open, true);
    assert.deepEqual(own.wishes.map((w) => w.day), [0, 2]);
    assert.equal(own.shifts, null, 'no roster shown before publishing');
    await rejects(getOwnRoster({ database: t.database, actor: outsider, periodId }), 'FORBIDDEN');
  });

  it('solves as a job: progress and result in the period, a roster the independent checker accepts', async () => {
    await rejects(submitRosterPeriod({ database: t.database, actor: leader, periodId, input: { version: (await getRosterPeriod({ database: t.database, actor: leader, periodId })).period.version } }), 'CONFLICT', 'roster.errors.noRoster');
    const sent: Array<{ periodId: string; level: string; seed: number }> = [];
    await rejects(requestRosterSolve({ database: t.database, actor: union, periodId, input: { level: 'quick', seed: '' }, enqueue: async (j) => sent.push(j) }), 'FORBIDDEN');
    await requestRosterSolve({ database: t.database, actor: leader, periodId, input: { level: 'quick', seed: '' }, enqueue: async (j) => sent.push(j) });
    assert.deepEqual(sent, [{ periodId, level: 'quick', seed: 1 }]);
    await rejects(requestRosterSolve({ database: t.database, actor: leader, periodId, input: { level: 'quick', seed: '' }, enqueue: async (j) => sent.push(j) }), 'CONFLICT', 'roster.errors.solveRunning');
    // A queued solve whose job was lost (older than the job's expiry) does not block a new request.
    await t.database.withTenant(tenantId, (tx) => tx.execute(sql`update roster_periods set solve_started_at = now() - interval '16 minutes' where id = ${periodId}`));
    await requestRosterSolve({ database: t.database, actor: leader, periodId, input: { level: 'quick', seed: '' }, enqueue: async (j) => sent.push(j) });
    assert.equal(sent.length, 2);
    const result = await solveRosterPeriod({ database: t.database, actor: { kind: 'system', tenantId, purpose: 'test' }, periodId, iterations: 150_000, workers: 1, capSeconds: 600, onBehalfOf: leader.accountId });
    assert.equal(result.status, 'done');
    const view = await getRosterPeriod({ database: t.database, actor: leader, periodId, today: TODAY });
    assert.equal(view.solve.status, 'done');
    assert.equal(view.solve.fraction, 1);
    assert.equal(view.period.solved, true);
    // Ola's unavailable days are off.
    assert.equal(view.grid[olaId]![2], null);
    assert.equal(view.grid[olaId]![3], null);
    // The stored roster passes the independent checker of the model it was built from.
    const check = await t.database.withTenant(tenantId, async (tx) => {
      const period = (await findPeriod(tx, periodId))!;
      const { ctx } = await loadContext(tx, period);
      const grid = periodGrid(period, ctx);
      return checkSolution(buildInstance(ctx, new Map()), assignmentsFromGrid(ctx, grid));
    });
    assert.deepEqual(check.violations, []);
    // Each wish is reported met or not, with reasons for the unmet ones.
    const kariWishes = view.wishOutcomes.find((w) => w.personId === kariId)!;
    assert.equal(kariWishes.outcomes.length, 2);
    for (const o of kariWishes.outcomes) assert.equal(o.met, view.grid[kariId]![o.wish.day] === (o.wish.kind === 'shift' ? o.wish.shift : null));
  });

  it('refuses a manual edit that breaks the 11 h rest, naming the rule, and changes nothing', async () => {
    const view = await getRosterPeriod({ database: t.database, actor: leader, periodId });
    // Find someone working a day or long day after a day that is not a night: put a night before it.
    let target: { personId: string; day: number } | null = null;
    for (const e of view.employees) {
      const row = view.grid[e.personId]!;
      for (let d = 0; d + 1 < row.length; d++) if ((row[d + 1] === 'D' || row[d + 1] === 'L') && row[d] !== 'N') target ??= { personId: e.personId, day: d };
    }
    assert.ok(target, 'expected a day shift in the roster');
    const before = view.grid[target.personId]![target.day];
    const refused = await rejects(updateRosterCell({ database: t.database, actor: leader, periodId, input: { version: view.period.version, personId: target.personId, day: target.day, shift: 'N' } }), 'VALIDATION', 'roster.rules.dailyRest');
    assert.equal(refused.messageKey, 'roster.errors.editRefused');
    const after = await getRosterPeriod({ database: t.database, actor: leader, periodId });
    assert.equal(after.period.version, view.period.version);
    assert.equal(after.grid[target.personId]![target.day], before);
    await rejects(updateRosterCell({ database: t.database, actor: union, periodId, input: { version: view.period.version, personId: target.personId, day: target.day, shift: '' } }), 'FORBIDDEN');
  });

  it('accepts a legal edit, returns the cover shortfalls it causes as warnings, and refuses a stale one', async () => {
    const view = await getRosterPeriod({ database: t.database, actor: leader, periodId });
    const softKey = (i: { key: string; params: Record<string, unknown> }) => `${i.key}|${JSON.stringify(i.params)}`;
    const options = ['', ...view.shiftTypes.map((s) => s.code)];
    let accepted: { version: number; warnings: { key: string; params: Record<string, unknown> }[] } | null = null;
    // Try changes that take someone off a shift (or onto another) until the validator accepts one.
    search: for (const e of view.employees) {
      const row = view.grid[e.personId]!;
      for (let day = 0; day < row.length; day++) {
        if (row[day] === null) continue;
        for (const shift of options) {
          if (shift === row[day]) continue;
          try {
            accepted = await updateRosterCell({ database: t.database, actor: leader, periodId, input: { version: view.period.version, personId: e.personId, day, shift } });
            break search;
          } catch (error) {
            assert.ok(error instanceof AppError && error.code === 'VALIDATION', String(error));
            assert.equal(error.messageKey, 'roster.errors.editRefused');
          }
        }
      }
    }
    assert.ok(accepted, 'no legal edit found');
    assert.equal(accepted.version, view.period.version + 1);
    // The warnings are exactly the cover/competence shortfalls that were not there before.
    const after = await getRosterPeriod({ database: t.database, actor: leader, periodId });
    const beforeSoft = new Set(view.issues.filter((i) => i.severity === 'soft').map(softKey));
    const introduced = after.issues.filter((i) => i.severity === 'soft' && !beforeSoft.has(softKey(i))).map(softKey).sort();
    assert.deepEqual(accepted.warnings.map(softKey).sort(), introduced);
    await rejects(updateRosterCell({ database: t.database, actor: leader, periodId, input: { version: view.period.version, personId: kariId, day: 0, shift: '' } }), 'STALE_VERSION');
  });

  it('goes through approval: union reps see nothing of a draft, return with a comment, approve; publish on time; lock', async () => {
    await rejects(getRosterPeriod({ database: t.database, actor: union, periodId }), 'NOT_FOUND');
    await rejects(getRosterPeriod({ database: t.database, actor: kari, periodId }), 'FORBIDDEN');
    await rejects(getRosterPeriod({ database: t.database, actor: otherLeader, periodId }), 'FORBIDDEN');
    const view = await getRosterPeriod({ database: t.database, actor: leader, periodId });
    // The solver's roster (deterministic: fixed iterations, one worker), after the edit above, keeps every rule.
    assert.deepEqual(view.issues.filter((i) => i.severity === 'hard'), []);
    await rejects(submitRosterPeriod({ database: t.database, actor: kari, periodId, input: { version: view.period.version } }), 'FORBIDDEN');
    // The unit's spreadsheet: the same shift codes as the grid, for leaders (and union reps once submitted).
    const xlsx = await exportRosterXlsx({ database: t.database, actor: leader, periodId, language: 'nn' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as never);
    const sheet = wb.getWorksheet('Turnus')!;
    const kariRow = view.employees.findIndex((e) => e.personId === kariId) + 2;
    assert.equal(sheet.getRow(kariRow).getCell(1).value, 'Kari Nordmann');
    assert.deepEqual(Array.from({ length: 14 }, (_, d) => sheet.getRow(kariRow).getCell(3 + d).value || null), view.grid[kariId]);
    await rejects(exportRosterXlsx({ database: t.database, actor: union, periodId, language: 'nn' }), 'NOT_FOUND');
    await rejects(exportRosterXlsx({ database: t.database, actor: kari, periodId, language: 'nn' }), 'FORBIDDEN');
    let v = (await submitRosterPeriod({ database: t.database, actor: leader, periodId, input: { version: view.period.version } })).version;
    const seen = await getRosterPeriod({ database: t.database, actor: union, periodId });
    assert.equal(seen.can.review, true);
    assert.equal(seen.can.manage, false);
    await rejects(reviewRosterPeriod({ database: t.database, actor: leader, periodId, input: { decision: 'approve', version: v } }), 'FORBIDDEN');
    await rejects(reviewRosterPeriod({ database: t.database, actor: union, periodId, input: { decision: 'return', version: v, comment: '' } }), 'VALIDATION', 'roster.errors.commentRequired');
    v = (await reviewRosterPeriod({ database: t.database, actor: union, periodId, input: { decision: 'return', version: v, comment: 'For mange helgar på Kari.' } })).version;
    assert.equal((await getRosterPeriod({ database: t.database, actor: leader, periodId })).period.reviewComment, 'For mange helgar på Kari.');
    v = (await submitRosterPeriod({ database: t.database, actor: leader, periodId, input: { version: v } })).version;
    v = (await reviewRosterPeriod({ database: t.database, actor: union, periodId, input: { decision: 'approve', version: v } })).version;
    // Edits are closed once submitted or approved.
    await rejects(updateRosterCell({ database: t.database, actor: leader, periodId, input: { version: v, personId: kariId, day: 0, shift: '' } }), 'CONFLICT', 'roster.errors.notEditable');
    // Four weeks before 1 March is 1 February: on 2 February it is too late.
    await rejects(publishRosterPeriod({ database: t.database, actor: leader, periodId, input: { version: v }, today: '2027-02-02' }), 'CONFLICT', 'roster.errors.publishTooLate');
    await rejects(exportRosterIcs({ database: t.database, actor: kari, periodId, host: 'test' }), 'CONFLICT', 'roster.errors.notPublished');
    v = (await publishRosterPeriod({ database: t.database, actor: leader, periodId, input: { version: v }, today: '2027-02-01' })).version;
    const ics = await exportRosterIcs({ database: t.database, actor: kari, periodId, host: 'rytme.test', now: new Date('2027-02-01T08:00:00Z') });
    assert.match(ics.body, /^BEGIN:VCALENDAR\r\n/);
    const kariShifts = (await getOwnRoster({ database: t.database, actor: kari, periodId })).shifts!;
    assert.equal(ics.body.match(/BEGIN:VEVENT/g)?.length ?? 0, kariShifts.filter(Boolean).length);
    await rejects(exportRosterIcs({ database: t.database, actor: kari, periodId, personId: olaId, host: 'test' }), 'FORBIDDEN');
    await rejects(exportRosterIcs({ database: t.database, actor: outsider, periodId, host: 'test' }), 'FORBIDDEN');
    const pdf = await exportRosterPdf({ database: t.database, actor: kari, periodId, language: 'nn' });
    assert.equal(pdf.body.subarray(0, 8).toString('latin1'), '%PDF-1.4');
    assert.ok(pdf.body.includes(Buffer.from(`${kariShifts.filter(Boolean).length} vakter`, 'latin1')));
    assert.ok(pdf.body.includes(Buffer.from('(Turnus for Kari Nordmann)', 'latin1')));
    // The leader may print an employee's roster; a colleague may not.
    assert.ok((await exportRosterPdf({ database: t.database, actor: leader, periodId, personId: olaId, language: 'nn' })).body.length > 0);
    await rejects(exportRosterPdf({ database: t.database, actor: kari, periodId, personId: olaId, language: 'nn' }), 'FORBIDDEN');
    // Swaps after publication: refused ones name the rule; an accepted one waits for the leader,
    // who approves it after every rule is checked again; the grid then has the two cells exchanged.
    const published = await getRosterPeriod({ database: t.database, actor: leader, periodId });
    let proposed: { id: string; day: number; with: string } | null = null;
    let refusedRule: string | null = null;
    for (const other of published.employees.filter((e) => e.personId !== kariId)) {
      for (let day = 0; day < 14 && !proposed; day++) {
        if (published.grid[kariId]![day] === published.grid[other.personId]![day]) continue;
        try {
          const r = await proposeRosterSwap({ database: t.database, actor: kari, periodId, input: { counterpartPersonId: other.personId, day } });
          proposed = { id: r.id, day, with: other.personId };
        } catch (error) {
          assert.ok(error instanceof AppError && error.code === 'VALIDATION' && error.messageKey === 'roster.errors.swapRefused', String(error));
          refusedRule ??= error.issues[0]!.key;
        }
      }
      if (proposed) break;
    }
    assert.ok(proposed, 'a legal swap for Kari');
    if (refusedRule) assert.match(refusedRule, /^roster\.rules\./);
    await rejects(proposeRosterSwap({ database: t.database, actor: kari, periodId, input: { counterpartPersonId: proposed.with, day: proposed.day } }), 'CONFLICT', 'roster.errors.swapOpen');
    await rejects(proposeRosterSwap({ database: t.database, actor: outsider, periodId, input: { counterpartPersonId: proposed.with, day: proposed.day } }), 'FORBIDDEN');
    const pending = (await getRosterPeriod({ database: t.database, actor: leader, periodId })).swaps.find((s) => s.id === proposed!.id)!;
    assert.equal(pending.status, 'proposed');
    await rejects(decideRosterSwap({ database: t.database, actor: kari, periodId, input: { swapId: pending.id, version: pending.version, decision: 'approve' } }), 'FORBIDDEN');
    await rejects(decideRosterSwap({ database: t.database, actor: union, periodId, input: { swapId: pending.id, version: pending.version, decision: 'approve' } }), 'FORBIDDEN');
    await rejects(decideRosterSwap({ database: t.database, actor: leader, periodId, input: { swapId: pending.id, version: pending.version + 1, decision: 'approve' } }), 'STALE_VERSION');
    assert.deepEqual(await decideRosterSwap({ database: t.database, actor: leader, periodId, input: { swapId: pending.id, version: pending.version, decision: 'approve' } }), { status: 'approved' });
    const swapped = await getRosterPeriod({ database: t.database, actor: leader, periodId });
    assert.equal(swapped.grid[kariId]![proposed.day], published.grid[proposed.with]![proposed.day]);
    assert.equal(swapped.grid[proposed.with]![proposed.day], published.grid[kariId]![proposed.day]);
    assert.deepEqual(swapped.issues.filter((i) => i.severity === 'hard'), []);
    assert.equal((await getOwnRoster({ database: t.database, actor: kari, periodId })).swaps[0]!.status, 'approved');
    v = swapped.period.version;
    await lockRosterPeriod({ database: t.database, actor: leader, periodId, input: { version: v } });
    assert.equal((await getRosterPeriod({ database: t.database, actor: leader, periodId })).period.status, 'locked');
  });

  it('lists periods per role, keeps rule-set edits to coordinators, and audits every write', async () => {
    const asLeader = await listRosterPeriods({ database: t.database, actor: leader });
    assert.deepEqual(asLeader.led.map((p) => p.id), [periodId]);
    assert.deepEqual(asLeader.ledUnits.map((u) => u.name), ['Fjordheimen']);
    assert.deepEqual((await listRosterPeriods({ database: t.database, actor: kari })).own.map((p) => p.id), [periodId]);
    assert.deepEqual((await listRosterPeriods({ database: t.database, actor: otherLeader })).led, []);
    assert.deepEqual((await listRosterPeriods({ database: t.database, actor: foreignLeader })).led, []);
    const sets = await listRosterRuleSets({ database: t.database, actor: leader });
    const set = sets.sets[0]!;
    await rejects(updateRosterRuleSet({ database: t.database, actor: leader, ruleSetId: set.id, input: { version: set.version, name: set.name, rules: set.rules } }), 'FORBIDDEN');
    const coordinator = await actorFor(t.database, tenantId, await createAccount(t.database, tenantId, { roles: ['coordinator'] }));
    await rejects(updateRosterRuleSet({ database: t.database, actor: coordinator, ruleSetId: set.id, input: { version: set.version, name: set.name, rules: { ...set.rules, dailyRestMinutes: 300 } } }), 'VALIDATION', 'roster.errors.dailyRestMin');
    const updated = await updateRosterRuleSet({ database: t.database, actor: coordinator, ruleSetId: set.id, input: { version: set.version, name: 'Lokal avtale', rules: { ...set.rules, maxConsecutiveWorkDays: 6 } } });
    assert.equal(updated.version, set.version + 1);
    await rejects(copyRosterRuleSet({ database: t.database, actor: leader, ruleSetId: set.id, language: 'nn' }), 'FORBIDDEN');
    const copy = await copyRosterRuleSet({ database: t.database, actor: coordinator, ruleSetId: set.id, language: 'nn' });
    const after = await listRosterRuleSets({ database: t.database, actor: coordinator });
    assert.deepEqual(after.sets.map((s) => s.name), ['Lokal avtale', 'Kopi av Lokal avtale']);
    assert.equal(after.sets.find((s) => s.id === copy.id)!.rules.maxConsecutiveWorkDays, 6);
    // Periods already created keep the rules they copied.
    assert.equal((await getRosterPeriod({ database: t.database, actor: leader, periodId })).rules.maxConsecutiveWorkDays, 5);
    const actions = await t.database.withTenant(tenantId, (tx) => queryRows<{ action: string }>(tx, sql`select distinct action from audit_log where action like 'roster.%' order by action`));
    const names = actions.map((a) => a.action);
    // The leader read the period many times in this file: the read is audited once per 15 minutes.
    const reads = await t.database.withTenant(tenantId, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from audit_log where action = 'roster.read' and actor = ${leader.accountId}`));
    assert.equal(reads[0]!.n, 1);
    for (const a of ['roster.swap.propose', 'roster.swap.approve', 'roster.period.create', 'roster.setup.update', 'roster.wishes.save', 'roster.solve.request', 'roster.solved', 'roster.cell.update', 'roster.read', 'roster.ruleset.update']) assert.ok(names.includes(a), a);
  });
});
