// Checker tests: every hard rule is detected on a hand-made instance, the objective is
// recomputed by hand, and HiGHS's proven optimum of Instance1 reproduces the published value.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCurtoisQu } from '../curtois-qu/parse.ts';
import type { Assignment } from '../curtois-qu/solution-csv.ts';
import { rosterToAssignments } from '../curtois-qu/solution-csv.ts';
import { solveWithHighs } from '../highs/solve.ts';
import type { RosteringInstance } from '../model.ts';
import { checkSolution } from './check.ts';

const benchDir = new URL('../../../../shared/bench/rostering/curtois-qu/', import.meta.url);

// Two weeks from Monday, shifts D (480) and N (600); N may not be followed by D.
const tiny: RosteringInstance = {
  name: 'tiny',
  horizonDays: 14,
  firstWeekday: 0,
  shiftTypes: [
    { id: 'D', startMinute: 420, lengthMinutes: 480 },
    { id: 'N', startMinute: 1320, lengthMinutes: 600 },
  ],
  forbiddenSuccessions: [[], [0]],
  employees: [
    {
      id: 'A', attributes: ['group:sykepleiar'], maxShiftsPerType: [10, 2],
      minTotalMinutes: 1440, maxTotalMinutes: 2400,
      minConsecutiveWorkDays: 2, maxConsecutiveWorkDays: 3,
      minConsecutiveDaysOff: 2, maxConsecutiveDaysOff: 6, maxWeekends: 1, fixedDaysOff: [9],
    },
    {
      id: 'B', attributes: ['group:helsefagarbeidar'], maxShiftsPerType: [10, 0],
      minTotalMinutes: 0, maxTotalMinutes: 6720,
      minConsecutiveWorkDays: 1, maxConsecutiveWorkDays: 14,
      minConsecutiveDaysOff: 1, maxConsecutiveDaysOff: 14, maxWeekends: 2, fixedDaysOff: [],
    },
  ],
  wishes: [
    { employee: 0, day: 0, shift: 0, kind: 'on', weight: 3 },
    { employee: 1, day: 1, shift: 0, kind: 'off', weight: 2 },
  ],
  cover: [
    { day: 0, shift: 0, requirement: 2, underWeight: 100, overWeight: 1 },
    { day: 1, shift: 0, requirement: 0, underWeight: 100, overWeight: 7 },
  ],
  competenceCover: [
    { day: 2, shift: 0, attributes: ['group:sykepleiar'], minimum: 1, weight: 50 },
    { day: 3, shift: 0, attributes: ['group:sykepleiar'], minimum: 1, weight: null },
  ],
};

const rows = (spec: string, employee: string): Assignment[] =>
  [...spec].flatMap((ch, day) => (ch === '.' ? [] : [{ employee, day, shift: ch }]));

test('a valid roster is feasible and its objective is recomputed', () => {
  // A works D on days 2-4 and 11-12 (weekend 1 only); B works D on day 0 and 1.
  const sol = [...rows('..DDD......DD.', 'A'), ...rows('DD............', 'B')];
  const r = checkSolution(tiny, sol);
  assert.deepEqual(r.violations, []);
  // A not on D day 0 (3) + B on D day 1 (2) + day 0 under by 1 (100) + day 1 over by 1 (7)
  assert.equal(r.objective, 3 + 2 + 100 + 7);
});

test('every hard rule is detected', () => {
  const cases: [string, Assignment[], RegExp][] = [
    ['double shift', [...rows('..DDD......DD.', 'A'), { employee: 'A', day: 2, shift: 'N' }], /more than one shift/],
    ['succession', rows('.NDD..........', 'A'), /may not follow/],
    ['max per type', rows('.NNN..........', 'A'), /3 N shifts, at most 2/],
    ['max minutes', rows('DDD.DDD.DDD.DD', 'A'), /minutes, at most 2400/],
    ['min minutes', rows('..DD..........', 'A'), /minutes, at least 1440/],
    ['max consecutive', rows('..DDDD........', 'A'), /works 4 days in a row/],
    ['min consecutive', rows('..DDD...D.....', 'A'), /works only 1 days in a row/],
    ['min days off', rows('..DDD.DDD.....', 'A'), /only 1 days off in a row/],
    ['max days off', rows('..DD..........', 'B').concat(rows('DD.........DD.', 'A')), /9 days off in a row/],
    ['fixed day off', rows('.......DDD....', 'A'), /fixed day off 9/],
    ['unknown ids', [{ employee: 'Z', day: 0, shift: 'D' }, { employee: 'A', day: 0, shift: 'X' }, { employee: 'A', day: 99, shift: 'D' }], /unknown employee Z/],
  ];
  for (const [name, sol, pattern] of cases) {
    const r = checkSolution(tiny, sol);
    assert.equal(r.feasible, false, name);
    assert.ok(r.violations.some((v) => pattern.test(v)), `${name}: ${r.violations.join('; ')}`);
  }
  const twoWeekends = checkSolution(tiny, rows('...DDD....DDD.', 'A').concat(rows('.....DD.....D.', 'B')));
  assert.ok(twoWeekends.violations.includes('A: works 2 weekends, at most 1'), twoWeekends.violations.join('; '));
});

test('runs touching the horizon ends are exempt from minimum lengths', () => {
  const r = checkSolution(tiny, rows('D...DD.....DDD', 'A').concat(rows('DDDDDDDDDDDDD.', 'B')));
  assert.ok(!r.violations.some((v) => v.includes('in a row')), r.violations.join('; '));
});

test('competence cover: hard rows are violations, soft rows cost weight per missing employee', () => {
  const withoutNurse = checkSolution(tiny, rows('DD..........DD', 'A').concat(rows('..DD..........', 'B')));
  assert.ok(withoutNurse.violations.some((v) => v.includes('day 3 D: 0 with [group:sykepleiar], at least 1')));
  const nurse = checkSolution(tiny, rows('..DD......DD..', 'A'));
  assert.deepEqual(nurse.violations, []);
  const nurseOnlyDay3 = checkSolution(tiny, rows('...DD.....DD..', 'A'));
  assert.equal(nurseOnlyDay3.objective - nurse.objective, 50);
});

test('HiGHS optimum of Instance1 is feasible with the published optimal value 607', async () => {
  const inst = parseCurtoisQu(readFileSync(new URL('instances/Instance1.txt', benchDir), 'utf8'), 'Instance1');
  const r = await solveWithHighs(inst, { timeLimitMs: 60_000 });
  assert.equal(r.status, 'optimal');
  assert.ok(r.roster);
  const check = checkSolution(inst, rosterToAssignments(inst, r.roster));
  assert.deepEqual(check.violations, []);
  assert.equal(check.objective, 607);
  assert.equal(Math.round(r.objective), 607);
});
