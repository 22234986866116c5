import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkSolution } from '../rostering/checker/check.ts';
import { solveRoster } from '../rostering/solver/portfolio.ts';
import { assignmentsFromGrid, buildInstance, gridFromRoster } from './roster.model.ts';
import { DEFAULT_RULES, DEFAULT_SHIFT_TYPES, defaultStaffing, hardIssues, validateRoster, type RosterContext, type RosterWish } from './roster.rules.ts';

function smallUnit(): RosterContext {
  const employees = Array.from({ length: 9 }, (_, i) => ({
    personId: `p${i}`,
    name: `Tilsett ${i}`,
    ftePercent: i < 6 ? 100 : 75,
    attributes: i % 3 === 0 ? ['group:sykepleiar'] : ['group:helsefagarbeidar'],
    unavailable: i === 1 ? [2, 3] : [],
  }));
  return { startDate: '2027-01-04', days: 14, shiftTypes: DEFAULT_SHIFT_TYPES, staffing: defaultStaffing(), rules: DEFAULT_RULES, employees };
}

describe('roster model adapter', () => {
  it('builds the model from the unit: rest successions, FTE hours, weekends, fixed days off, competence cover, wishes', () => {
    const c = smallUnit();
    const wishes = new Map<string, RosterWish[]>([['p0', [{ day: 0, kind: 'dayoff', shift: null, weight: 5 }, { day: 3, kind: 'shift', shift: 'A', weight: 2 }]]]);
    const inst = buildInstance(c, wishes);
    assert.equal(inst.horizonDays, 14);
    assert.equal(inst.firstWeekday, 0);
    assert.deepEqual(inst.forbiddenSuccessions[2]!.map((s) => inst.shiftTypes[s]!.id).sort(), ['A', 'D', 'L']);
    assert.deepEqual(inst.employees[1]!.fixedDaysOff, [2, 3]);
    assert.equal(inst.employees[0]!.maxWeekends, 1);
    assert.deepEqual([inst.employees[6]!.minTotalMinutes, inst.employees[6]!.maxTotalMinutes], [2875, 3515]);
    // Every evening needs a sykepleiar (competence cover), 14 evenings.
    assert.equal(inst.competenceCover.length, 14);
    assert.ok(inst.competenceCover.every((cc) => inst.shiftTypes[cc.shift]!.id === 'A' && cc.attributes[0] === 'group:sykepleiar'));
    // A day off is "off" for every shift type; a wished shift is "on".
    assert.equal(inst.wishes.filter((w) => w.employee === 0 && w.day === 0 && w.kind === 'off').length, 4);
    assert.deepEqual(inst.wishes.filter((w) => w.kind === 'on'), [{ employee: 0, day: 3, shift: 1, kind: 'on', weight: 8 }]);
  });

  it('a solver roster for a small unit passes the independent checker and reads back as shift codes', async () => {
    const c = smallUnit();
    const inst = buildInstance(c, new Map());
    const result = await solveRoster(inst, { timeLimitMs: 20_000, seed: 7, iterations: 200_000, workers: 1 });
    assert.ok(result.roster, 'expected a feasible roster');
    const grid = gridFromRoster(c, result.roster);
    const check = checkSolution(inst, assignmentsFromGrid(c, grid));
    assert.deepEqual(check.violations, []);
    assert.equal(check.objective, result.objective);
    assert.equal(grid['p1']![2], null);
    assert.equal(grid['p1']![3], null);
    // Every rule the model expresses holds in the validator too (weekly rest is checked only there).
    const hard = hardIssues(validateRoster(c, grid)).filter((i) => i.rule !== 'weeklyRest' && i.rule !== 'maxWeekly');
    assert.deepEqual(hard, []);
  });
});
