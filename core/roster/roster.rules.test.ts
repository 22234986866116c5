import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  canPublishOn,
  dueWishReminder,
  ZWishReminderDaysSchema,
  competenceAttributes,
  dateOfDay,
  DEFAULT_RULES,
  DEFAULT_SHIFT_TYPES,
  defaultStaffing,
  explainWishes,
  forbiddenSuccessionCodes,
  hardIssues,
  maxWeekends,
  nextStatus,
  publishDeadline,
  setupIssues,
  targetMinutes,
  validateRoster,
  weekdayOf,
  wishesOpen,
  type RosterContext,
  type RosterGrid,
} from './roster.rules.ts';

// 2027-01-04 is a Monday.
const START = '2027-01-04';

function ctx(overrides: Partial<RosterContext> = {}): RosterContext {
  return {
    startDate: START,
    days: 14,
    shiftTypes: DEFAULT_SHIFT_TYPES,
    staffing: [],
    rules: DEFAULT_RULES,
    employees: [{ personId: 'p1', name: 'Kari', ftePercent: 50, attributes: ['group:sykepleiar'], unavailable: [] }],
    ...overrides,
  };
}

/** A legal 50 % fortnight: D Mon–Tue each week (4 × 8 h = 32 h of target 35.5 h ± 10 %). */
const row = (cells: Record<number, string>, days = 14) => Array.from({ length: days }, (_, d) => cells[d] ?? null);

describe('roster rules: setup and dates', () => {
  it('derives the 11 h daily rest successions: night may not be followed by day or long day', () => {
    const f = forbiddenSuccessionCodes(DEFAULT_SHIFT_TYPES, DEFAULT_RULES);
    // N 22:15–07:15: D at 07:00 gives 23:45 rest minus a day = −0:15 → forbidden; A at 15:00 gives 7:45 → forbidden.
    assert.deepEqual(f['N']!.sort(), ['A', 'D', 'L']);
    // A ends 22:30; D at 07:00 next day = 8:30 rest < 11 h.
    assert.deepEqual(f['A']!.sort(), ['D', 'L']);
    assert.deepEqual(f['D'], []);
  });

  it('computes dates, weekdays, FTE hours and the weekend limit', () => {
    assert.equal(weekdayOf(START), 0);
    assert.equal(dateOfDay(START, 6), '2027-01-10');
    assert.equal(weekdayOf('2027-01-10'), 6);
    assert.deepEqual(targetMinutes(100, 6, DEFAULT_RULES), { target: 12780, min: 11502, max: 14058 });
    assert.equal(maxWeekends(24, DEFAULT_RULES), 8);
    assert.equal(maxWeekends(6, DEFAULT_RULES), 2);
  });

  it('reads competence attributes from the occupational group and the STYRK code', () => {
    assert.deepEqual(competenceAttributes({ styrk08: '2223', occupationalGroup: null }), ['group:sykepleiar', 'styrk:2223']);
    assert.deepEqual(competenceAttributes({ styrk08: null, occupationalGroup: 'Helsefagarbeidar' }), ['group:helsefagarbeidar']);
    assert.deepEqual(competenceAttributes({ styrk08: null, occupationalGroup: null }), []);
  });

  it('refuses a setup with a duplicate code, a shift longer than the daily limit, or staffing of an unknown shift', () => {
    const issues = setupIssues(
      [...DEFAULT_SHIFT_TYPES, { code: 'D', name: 'Dobbel', start: '07:00', lengthMinutes: 14 * 60 }],
      [{ shift: 'X', weekday: 0, count: 1, competence: [] }],
      DEFAULT_RULES,
    );
    assert.deepEqual(issues.map((i) => i.key).sort(), ['roster.errors.shiftCodeTwice', 'roster.errors.unknownShift', 'roster.rules.maxDaily']);
    assert.deepEqual(setupIssues(DEFAULT_SHIFT_TYPES, defaultStaffing(), DEFAULT_RULES), []);
  });
});

describe('roster rules: the validator', () => {
  it('accepts a legal roster', () => {
    const grid: RosterGrid = { p1: row({ 0: 'D', 1: 'D', 7: 'D', 8: 'D' }) };
    assert.deepEqual(hardIssues(validateRoster(ctx(), grid)), []);
  });

  it('refuses a day shift right after a night (11 h daily rest) and names both shifts', () => {
    const grid: RosterGrid = { p1: row({ 0: 'N', 1: 'D', 7: 'D', 8: 'D' }) };
    const hard = hardIssues(validateRoster(ctx(), grid));
    assert.deepEqual(hard.map((i) => [i.rule, i.day]), [['dailyRest', 1]]);
    assert.equal(hard[0]!.params['previous'], 'N');
    assert.equal(hard[0]!.params['rest'], '0');
  });

  it('finds a week without 35 h continuous rest even when every daily rest is kept', () => {
    // Mon D, Tue D, Wed N (ends Thu 07:15), Fri D, Sat D, Sun D: every rest ≥ 11 h, the longest 31:15 (Tue 15:00 → Wed 22:15).
    const c = ctx({ rules: { ...DEFAULT_RULES, maxConsecutiveWorkDays: 7, weekendEvery: 1 } });
    const broken = hardIssues(validateRoster(c, { p1: row({ 0: 'D', 1: 'D', 2: 'N', 4: 'D', 5: 'D', 6: 'D' }) }));
    assert.deepEqual(broken.filter((i) => i.rule === 'weeklyRest').map((i) => [i.params['week'], i.params['longest']]), [[1, '31:15']]);
    assert.ok(!broken.some((i) => i.rule === 'dailyRest'));
    // The weekend off gives Fri 15:00 → Sun 24:00 = 57 h inside the week.
    assert.ok(!hardIssues(validateRoster(c, { p1: row({ 0: 'D', 1: 'D', 2: 'N', 4: 'D' }) })).some((i) => i.rule === 'weeklyRest' && i.params['week'] === 1));
  });

  it('checks hours per week, FTE total, weekends, consecutive days and fixed days off', () => {
    const full = ctx({ employees: [{ personId: 'p1', name: 'Kari', ftePercent: 100, attributes: [], unavailable: [3] }] });
    // Long days Mon–Sat: 6 × 12.5 h = 75 h in week 1; 6 consecutive days; a weekend; a shift on the unavailable Thursday.
    const grid: RosterGrid = { p1: row({ 0: 'L', 1: 'L', 2: 'L', 3: 'L', 4: 'L', 5: 'L' }) };
    const rules = new Set(hardIssues(validateRoster(full, grid)).map((i) => i.rule));
    for (const r of ['maxWeekly', 'consecutiveDays', 'unavailable', 'weeklyRest'] as const) assert.ok(rules.has(r), r);
    // One day shift in a fortnight is far below 100 % (35.5 h a week ± 10 %).
    const few = hardIssues(validateRoster(full, { p1: row({ 0: 'D' }) }));
    assert.deepEqual(few.map((i) => [i.rule, i.params['worked'], i.params['min']]), [['totalHours', '8', '63:54']]);
    const weekends = ctx({ days: 21, employees: [{ personId: 'p1', name: 'Kari', ftePercent: 50, attributes: [], unavailable: [] }] });
    // 21 days = 3 weeks → 1 weekend allowed; working two.
    const w = hardIssues(validateRoster(weekends, { p1: row({ 5: 'D', 12: 'D', 1: 'D', 2: 'D', 8: 'D', 9: 'D', 15: 'D', 16: 'D' }, 21) }));
    assert.deepEqual(w.filter((i) => i.rule === 'weekends').map((i) => i.params['worked']), [2]);
  });

  it('warns (soft) about cover and the competence mix', () => {
    const c = ctx({
      staffing: [{ shift: 'A', weekday: 0, count: 2, competence: [{ attribute: 'group:sykepleiar', minimum: 1 }] }],
      employees: [
        { personId: 'p1', name: 'Kari', ftePercent: 50, attributes: ['group:helsefagarbeidar'], unavailable: [] },
        { personId: 'p2', name: 'Ola', ftePercent: 50, attributes: ['group:helsefagarbeidar'], unavailable: [] },
      ],
    });
    const grid: RosterGrid = { p1: row({ 0: 'A' }), p2: row({}) };
    const soft = validateRoster(c, grid).filter((i) => i.severity === 'soft');
    // Monday of week 1 and week 2: one short and no sykepleiar (week 1), two short and no sykepleiar (week 2).
    assert.deepEqual(soft.map((i) => `${i.rule}@${i.day}:${i.params['have']}/${i.params['need']}`), ['cover@0:1/2', 'competence@0:0/1', 'cover@7:0/2', 'competence@7:0/1']);
  });
});

describe('roster rules: wishes and workflow', () => {
  it('explains an unmet wish by the rule that blocks it, or says it was traded off', () => {
    const c = ctx({ staffing: [{ shift: 'D', weekday: 1, count: 1, competence: [] }] });
    const grid: RosterGrid = { p1: row({ 0: 'N', 1: 'D', 2: 'D', 7: 'D', 8: 'D', 9: 'D' }) };
    // Fix the illegal grid first: Monday D instead of N.
    grid.p1![0] = 'D';
    const outcomes = explainWishes(c, grid, 'p1', [
      { day: 0, kind: 'shift', shift: 'D', weight: 3 }, // met
      { day: 1, kind: 'dayoff', shift: null, weight: 3 }, // unmet: the Tuesday day shift needs one
      { day: 0, kind: 'shift', shift: 'N', weight: 2 }, // unmet: N on Monday then D Tuesday breaks daily rest
      { day: 4, kind: 'shift', shift: 'A', weight: 1 }, // unmet, but nothing blocks it alone (hours still within range)
    ]);
    assert.deepEqual(outcomes.map((o) => o.met), [true, false, false, false]);
    assert.deepEqual(outcomes[1]!.reasons.map((r) => r.rule), ['cover']);
    assert.ok(outcomes[2]!.reasons.some((r) => r.rule === 'dailyRest'));
    assert.deepEqual(outcomes[3]!.reasons, []);
  });

  it('moves through draft → submitted → approved/returned → published → locked only', () => {
    assert.equal(nextStatus('draft', 'submit'), 'submitted');
    assert.equal(nextStatus('submitted', 'return'), 'returned');
    assert.equal(nextStatus('returned', 'submit'), 'submitted');
    assert.equal(nextStatus('submitted', 'approve'), 'approved');
    assert.equal(nextStatus('approved', 'publish'), 'published');
    assert.equal(nextStatus('published', 'lock'), 'locked');
    assert.equal(nextStatus('draft', 'publish'), null);
    assert.equal(nextStatus('locked', 'submit'), null);
    assert.equal(nextStatus('draft', 'approve'), null);
  });

  it('publishes at least the lead time before the start, and closes wishes after the deadline day', () => {
    assert.equal(publishDeadline('2027-03-01', 28), '2027-02-01');
    assert.equal(canPublishOn('2027-02-01', '2027-03-01', 28), true);
    assert.equal(canPublishOn('2027-02-02', '2027-03-01', 28), false);
    assert.equal(wishesOpen('2027-01-10', '2027-01-10'), true);
    assert.equal(wishesOpen('2027-01-11', '2027-01-10'), false);
  });
});

describe('roster rules: repair', () => {
  it('removes a weekly-rest breach the solver model cannot see, without adding another', async () => {
    const { repairRoster } = await import('./roster.rules.ts');
    const c = ctx({
      rules: { ...DEFAULT_RULES, maxConsecutiveWorkDays: 7, weekendEvery: 1, hoursTolerancePercent: 50 },
      employees: [
        { personId: 'p1', name: 'Kari', ftePercent: 60, attributes: [], unavailable: [] },
        { personId: 'p2', name: 'Ola', ftePercent: 60, attributes: [], unavailable: [] },
      ],
    });
    const grid: RosterGrid = { p1: row({ 0: 'D', 1: 'D', 2: 'N', 4: 'D', 5: 'D', 6: 'D', 9: 'D' }), p2: row({ 0: 'A', 7: 'D', 8: 'D', 10: 'D', 11: 'D', 12: 'D' }) };
    const before = hardIssues(validateRoster(c, grid));
    assert.ok(before.some((i) => i.rule === 'weeklyRest' && i.personId === 'p1'));
    const { grid: repaired, moves } = repairRoster(c, grid);
    assert.ok(moves > 0);
    assert.deepEqual(hardIssues(validateRoster(c, repaired)), []);
  });
});

describe('roster rules: swaps', () => {
  it('finds the rule a swap would break for either employee, and exchanges the cells', async () => {
    const { swapCells, swapIssues, acceptsSwaps } = await import('./roster.rules.ts');
    const c = ctx({
      rules: { ...DEFAULT_RULES, hoursTolerancePercent: 90 },
      employees: [
        { personId: 'p1', name: 'Kari', ftePercent: 50, attributes: [], unavailable: [] },
        { personId: 'p2', name: 'Ola', ftePercent: 50, attributes: [], unavailable: [] },
      ],
    });
    const grid: RosterGrid = { p1: row({ 0: 'N', 7: 'D', 8: 'D' }), p2: row({ 1: 'D', 4: 'D', 7: 'D', 8: 'D' }) };
    // Kari takes Ola's Tuesday day shift right after her Monday night: daily rest.
    const broken = swapIssues(c, grid, 'p1', 'p2', 1);
    assert.deepEqual(broken.hard.map((i) => [i.rule, i.personId]), [['dailyRest', 'p1']]);
    // Swapping Monday instead gives Ola the night before his Tuesday day shift: refused for him.
    assert.deepEqual(swapIssues(c, grid, 'p1', 'p2', 0).hard.map((i) => [i.rule, i.personId]), [['dailyRest', 'p2']]);
    // Friday: Kari takes Ola's day shift, Ola gets the day off — legal for both.
    assert.deepEqual(swapIssues(c, grid, 'p1', 'p2', 4).hard, []);
    const swapped = swapCells(grid, 'p1', 'p2', 4);
    assert.equal(swapped['p1']![4], 'D');
    assert.equal(swapped['p2']![4], null);
    assert.equal(grid['p1']![4], null, 'the input grid is not changed');
    assert.equal(acceptsSwaps('published'), true);
    assert.equal(acceptsSwaps('locked'), true);
    assert.equal(acceptsSwaps('approved'), false);
  });
});

describe('wish reminders', () => {
  it('is due from the step day until the deadline, collapsing missed steps into the latest', () => {
    const days = [7, 1];
    assert.equal(dueWishReminder('2027-02-10', days, '2027-02-02'), null);
    assert.deepEqual(dueWishReminder('2027-02-10', days, '2027-02-03'), { step: 'wish:7', date: '2027-02-03', daysBefore: 7 });
    assert.equal(dueWishReminder('2027-02-10', days, '2027-02-08')?.step, 'wish:7');
    assert.deepEqual(dueWishReminder('2027-02-10', days, '2027-02-09'), { step: 'wish:1', date: '2027-02-09', daysBefore: 1 });
    assert.equal(dueWishReminder('2027-02-10', days, '2027-02-10')?.step, 'wish:1');
    assert.equal(dueWishReminder('2027-02-10', [0], '2027-02-10')?.step, 'wish:0');
    assert.equal(dueWishReminder('2027-02-10', days, '2027-02-11'), null, 'wishes are closed');
    assert.equal(dueWishReminder('2027-02-10', [], '2027-02-09'), null, 'reminders turned off');
  });

  it('reads the reminder days as distinct whole days 0–60, largest first', () => {
    assert.deepEqual(ZWishReminderDaysSchema.parse('1, 7;7 14'), [14, 7, 1]);
    assert.deepEqual(ZWishReminderDaysSchema.parse(''), []);
    for (const bad of ['7, x', '61', '-1', '1.5', '1 2 3 4 5 6']) assert.equal(ZWishReminderDaysSchema.safeParse(bad).success, false, bad);
  });
});
