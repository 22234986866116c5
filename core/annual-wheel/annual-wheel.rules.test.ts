import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  aggregateStatus,
  summarizeTargetCounts,
  buildIcs,
  daysBetween,
  dueSteps,
  icsEscape,
  icsFold,
  isOverdue,
  osloDate,
  reminderDay,
  parseWheelInput,
  reminderSteps,
  shownStatus,
  targetColumns,
  targetUnits,
  templateMilestones,
  yearFraction,
  ZMilestoneInputSchema,
  type ReminderPlan,
} from './annual-wheel.rules.ts';
import { AppError } from '../shared/app-error.ts';

const plan: ReminderPlan = { deadline: '2026-11-01', reminderOffsets: [14, 3, 0], overdueEveryDays: 7, escalateAfterDays: 10 };

describe('dates', () => {
  it('takes the calendar day in Norway, not UTC', () => {
    assert.equal(osloDate(new Date('2026-10-31T23:30:00Z')), '2026-11-01'); // 00:30 in Oslo (CET)
    assert.equal(osloDate(new Date('2026-06-30T22:30:00Z')), '2026-07-01'); // 00:30 in Oslo (CEST)
    assert.equal(osloDate(new Date('2026-06-30T21:30:00Z')), '2026-06-30');
  });
  it('starts the reminders of a day at 07:00 Norwegian time', () => {
    assert.equal(reminderDay(new Date('2027-02-15T05:59:00Z')), '2027-02-14'); // 06:59 CET
    assert.equal(reminderDay(new Date('2027-02-15T06:00:00Z')), '2027-02-15'); // 07:00 CET
    assert.equal(reminderDay(new Date('2027-06-15T04:59:00Z')), '2027-06-14'); // 06:59 CEST
    assert.equal(reminderDay(new Date('2027-06-15T05:00:00Z')), '2027-06-15'); // 07:00 CEST
    assert.equal(reminderDay(new Date('2027-01-01T05:00:00Z')), '2026-12-31');
  });
  it('adds days across month, year and leap-day boundaries', () => {
    assert.equal(addDays('2026-11-01', -14), '2026-10-18');
    assert.equal(addDays('2026-12-28', 7), '2027-01-04');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(daysBetween('2026-12-25', '2027-01-15'), 21);
  });
  it('places dates around the year for the wheel', () => {
    assert.ok(yearFraction('2026-01-01') < 0.002);
    assert.ok(Math.abs(yearFraction('2026-07-02') - 0.5) < 0.003);
    assert.ok(yearFraction('2026-12-31') > 0.997 && yearFraction('2026-12-31') < 1);
  });
});

describe('reminder steps', () => {
  it('lists the steps before, on and after the deadline in date order, escalation included', () => {
    const steps = reminderSteps(plan);
    assert.deepEqual(
      steps.slice(0, 6).map((s) => [s.step, s.date]),
      [
        ['before:14', '2026-10-18'],
        ['before:3', '2026-10-29'],
        ['due', '2026-11-01'],
        ['overdue:7', '2026-11-08'],
        ['escalation', '2026-11-11'],
        ['overdue:14', '2026-11-15'],
      ],
    );
    assert.equal(steps.filter((s) => s.kind === 'overdue').length, 8);
  });
  it('has no overdue repeats when they are turned off, and no escalation when none is set', () => {
    const steps = reminderSteps({ ...plan, overdueEveryDays: 0, escalateAfterDays: null });
    assert.deepEqual(
      steps.map((s) => s.step),
      ['before:14', 'before:3', 'due'],
    );
  });
  it('picks the most recent step on or before the day, never a backlog', () => {
    assert.equal(dueSteps(plan, 'not_started', '2026-10-17').reminder, null);
    assert.equal(dueSteps(plan, 'not_started', '2026-10-18').reminder?.step, 'before:14');
    assert.equal(dueSteps(plan, 'in_progress', '2026-10-28').reminder?.step, 'before:14');
    assert.equal(dueSteps(plan, 'in_progress', '2026-10-30').reminder?.step, 'before:3');
    assert.equal(dueSteps(plan, 'not_started', '2026-11-01').reminder?.step, 'due');
    assert.equal(dueSteps(plan, 'not_started', '2026-11-09').reminder?.step, 'overdue:7');
  });
  it('escalates from the set day on, and never for a done unit', () => {
    assert.equal(dueSteps(plan, 'not_started', '2026-11-10').escalation, null);
    assert.equal(dueSteps(plan, 'not_started', '2026-11-11').escalation?.step, 'escalation');
    assert.equal(dueSteps(plan, 'in_progress', '2026-12-01').escalation?.date, '2026-11-11');
    assert.deepEqual(dueSteps(plan, 'done', '2026-11-20'), { reminder: null, escalation: null });
  });
  it('derives overdue from the deadline and status', () => {
    assert.equal(isOverdue('2026-11-01', 'not_started', '2026-11-01'), false);
    assert.equal(isOverdue('2026-11-01', 'in_progress', '2026-11-02'), true);
    assert.equal(isOverdue('2026-11-01', 'done', '2026-12-02'), false);
    assert.equal(shownStatus('2026-11-01', 'not_started', '2026-11-02'), 'overdue');
    assert.equal(shownStatus('2026-11-01', 'in_progress', '2026-10-02'), 'in_progress');
  });
});

describe('templates', () => {
  it('Gloppen: mapping forms on 1 November the autumn before the plan year, then 15 Jan, 1 Apr, 15 May', () => {
    const dates = templateMilestones('gloppen', 2027).map((m) => [m.key, m.deadline]);
    assert.deepEqual(dates, [
      ['mappingForms', '2026-11-01'],
      ['springPlan', '2027-01-15'],
      ['rollover', '2027-04-01'],
      ['autumnPlan', '2027-05-15'],
    ]);
    // The forms come in before the plan they feed, across the turn of the year.
    const [forms, spring] = templateMilestones('gloppen', 2027);
    assert.equal(daysBetween(forms!.deadline, spring!.deadline), 75);
  });
  it('Flora: the budget process in the year before, the unit plan for the calendar year, evaluation at its end', () => {
    const flora = templateMilestones('flora', 2027);
    assert.deepEqual(
      flora.map((m) => m.deadline),
      ['2026-06-01', '2026-10-15', '2026-12-15', '2027-01-31', '2027-12-01'],
    );
    assert.ok(flora.filter((m) => m.ownerRole === 'unit_leader').every((m) => m.targetKind === 'eining'));
  });
});

describe('targets and validation', () => {
  const units = [
    { id: '00000000-0000-4000-8000-000000000000', kind: 'kommune', depth: 0 },
    { id: '11111111-1111-4111-8111-111111111111', kind: 'eining', depth: 1 },
    { id: '22222222-2222-4222-8222-222222222222', kind: 'avdeling', depth: 2 },
    { id: '33333333-3333-4333-8333-333333333333', kind: 'eining', depth: 1 },
  ];
  it('targets all units of a kind, the chosen ones, or else the municipality as a whole', () => {
    assert.deepEqual(
      targetUnits({ targetKind: 'eining', targetUnitIds: [] }, units).units.map((u) => u.id.slice(0, 1)),
      ['1', '3'],
    );
    assert.deepEqual(targetUnits({ targetKind: null, targetUnitIds: [units[2]!.id] }, units), { units: [units[2]], wholeMunicipality: false });
    assert.deepEqual(targetUnits({ targetKind: null, targetUnitIds: [] }, units), { units: [units[0]], wholeMunicipality: true });
  });
  it('sums up a milestone over its units', () => {
    assert.equal(aggregateStatus(['done', 'done']), 'done');
    assert.equal(aggregateStatus(['done', 'overdue', 'in_progress']), 'overdue');
    assert.equal(aggregateStatus(['done', 'not_started']), 'in_progress');
    assert.equal(aggregateStatus(['not_started', 'not_started']), 'not_started');
    assert.equal(aggregateStatus([]), 'not_started');
  });
  it('sums up a milestone from counts alone, as per unit', () => {
    // Before the deadline: 3 done, 2 in progress, 5 not started.
    assert.deepEqual(summarizeTargetCounts('2026-11-01', '2026-10-01', { units: 10, done: 3, inProgress: 2 }), { counts: { not_started: 5, in_progress: 2, done: 3, overdue: 0 }, shown: 'in_progress' });
    // After it: everyone not done is overdue.
    assert.deepEqual(summarizeTargetCounts('2026-11-01', '2026-11-02', { units: 10, done: 3, inProgress: 2 }), { counts: { not_started: 0, in_progress: 0, done: 3, overdue: 7 }, shown: 'overdue' });
    assert.equal(summarizeTargetCounts('2026-11-01', '2026-11-02', { units: 4, done: 4, inProgress: 0 }).shown, 'done');
    assert.equal(summarizeTargetCounts('2026-11-01', '2026-10-02', { units: 4, done: 0, inProgress: 0 }).shown, 'not_started');
    assert.equal(summarizeTargetCounts('2026-11-01', '2026-10-02', { units: 0, done: 0, inProgress: 0 }).shown, 'not_started');
    // The same as shownStatus per unit and aggregateStatus over them.
    const perUnit = (['done', 'in_progress', 'not_started', 'not_started'] as const).map((s) => shownStatus('2026-11-01', s, '2026-11-01'));
    assert.equal(summarizeTargetCounts('2026-11-01', '2026-11-01', { units: 4, done: 1, inProgress: 1 }).shown, aggregateStatus(perUnit));
  });
  const valid = { title: ' Kartlegging ', description: '', deadline: '2026-11-01', ownerRole: 'unit_leader', concerns: 'mapping_form', target: 'kind:eining', reminderOffsets: '14, 3 0', overdueEveryDays: '7', escalateAfterDays: '' };
  it('parses form input: trimmed title, offsets list, empty escalation as none', () => {
    const parsed = parseWheelInput(ZMilestoneInputSchema, valid);
    assert.equal(parsed.title, 'Kartlegging');
    assert.deepEqual(parsed.reminderOffsets, [14, 3, 0]);
    assert.equal(parsed.escalateAfterDays, null);
    assert.deepEqual(targetColumns(parsed), { targetKind: 'eining', targetUnitIds: [] });
  });
  it('refuses a leader-owned milestone without units, chosen units without any, and bad dates', () => {
    const keys = (input: object) => {
      try {
        parseWheelInput(ZMilestoneInputSchema, input);
      } catch (error) {
        assert.ok(error instanceof AppError);
        return error.issues.map((i) => `${i.path}:${i.key}`);
      }
      return [];
    };
    assert.deepEqual(keys({ ...valid, target: 'none' }), ['target:wheel.errors.leaderNeedsUnits']);
    assert.deepEqual(keys({ ...valid, target: 'units' }), ['targetUnitIds:wheel.errors.unitsRequired']);
    assert.ok(keys({ ...valid, deadline: '2026-02-30' }).some((k) => k.startsWith('deadline:')));
    assert.ok(keys({ ...valid, reminderOffsets: '14, x' }).some((k) => k.startsWith('reminderOffsets')));
  });
});

describe('iCalendar feed', () => {
  it('escapes text values', () => {
    assert.equal(icsEscape('Plan; del 1, utkast\nsjå \\ vedlegg'), 'Plan\\; del 1\\, utkast\\nsjå \\\\ vedlegg');
  });
  it('folds lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'å'.repeat(60)}`; // 8 + 120 octets
    const folded = icsFold(line);
    const parts = folded.split('\r\n');
    assert.ok(parts.length >= 2);
    for (const part of parts) assert.ok(Buffer.byteLength(part, 'utf8') <= 75, `line of ${Buffer.byteLength(part)} octets`);
    assert.ok(parts.slice(1).every((p) => p.startsWith(' ')));
    assert.equal(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join(''), line);
  });
  it('builds a calendar with CRLF, UID, DTSTAMP and all-day dates', () => {
    const ics = buildIcs({ name: 'Årshjul', now: new Date('2026-10-01T08:09:10.123Z'), events: [{ uid: 'm1-u1@rytme', date: '2026-12-31', summary: 'Handlingsplan', description: 'For eininga' }] });
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
    assert.equal(ics.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
    assert.match(ics, /\r\nUID:m1-u1@rytme\r\n/);
    assert.match(ics, /\r\nDTSTAMP:20261001T080910Z\r\n/);
    assert.match(ics, /\r\nDTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n/);
  });
});
