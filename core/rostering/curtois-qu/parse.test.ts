// Parser tests: one instance field by field, and every benchmark instance against the size
// columns of best_known.csv (counted independently from the files).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { parseCurtoisQu } from './parse.ts';
import { formatSolutionCsv, parseSolutionCsv } from './solution-csv.ts';

export const benchDir = new URL('../../../../shared/bench/rostering/curtois-qu/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(`instances/${name}.txt`, benchDir), 'utf8');

test('parses Instance1 field by field', () => {
  const inst = parseCurtoisQu(read('Instance1'), 'Instance1');
  assert.equal(inst.horizonDays, 14);
  assert.equal(inst.firstWeekday, 0);
  assert.deepEqual(inst.shiftTypes.map((s) => [s.id, s.lengthMinutes]), [['D', 480]]);
  assert.deepEqual(inst.forbiddenSuccessions, [[]]);
  assert.equal(inst.employees.length, 8);
  const a = inst.employees[0]!;
  assert.deepEqual(
    [a.id, a.maxShiftsPerType, a.maxTotalMinutes, a.minTotalMinutes, a.maxConsecutiveWorkDays, a.minConsecutiveWorkDays, a.minConsecutiveDaysOff, a.maxWeekends, a.fixedDaysOff],
    ['A', [14], 4320, 3360, 5, 2, 2, 1, [0]],
  );
  assert.equal(a.maxConsecutiveDaysOff, 14);
  assert.deepEqual(inst.wishes[0], { employee: 0, day: 2, shift: 0, kind: 'on', weight: 2 });
  assert.deepEqual(inst.wishes.at(-1), { employee: 7, day: 3, shift: 0, kind: 'off', weight: 3 });
  assert.deepEqual(inst.cover[1], { day: 1, shift: 0, requirement: 7, underWeight: 100, overWeight: 1 });
});

test('parses forbidden successions', () => {
  const inst = parseCurtoisQu(read('Instance24'), 'Instance24');
  const ids = inst.shiftTypes.map((s) => s.id);
  const a4 = ids.indexOf('a4');
  assert.deepEqual(inst.forbiddenSuccessions[a4]!.map((i) => ids[i]), ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8']);
  assert.deepEqual(inst.forbiddenSuccessions[ids.indexOf('a1')], []);
});

test('every instance matches the sizes in best_known.csv', () => {
  const rows = readFileSync(new URL('best_known.csv', benchDir), 'utf8').trim().split('\n').slice(1);
  const files = readdirSync(new URL('instances/', benchDir)).filter((f) => f.endsWith('.txt'));
  assert.equal(files.length, rows.length);
  for (const row of rows) {
    const [name, days, employees, shiftTypes, daysOff, on, off, cover] = row.split(',');
    const inst = parseCurtoisQu(read(name!), name);
    const wishes = (k: string): number => inst.wishes.filter((w) => w.kind === k).length;
    assert.deepEqual(
      [inst.horizonDays, inst.employees.length, inst.shiftTypes.length, inst.employees.reduce((n, e) => n + e.fixedDaysOff.length, 0), wishes('on'), wishes('off'), inst.cover.length],
      [days, employees, shiftTypes, daysOff, on, off, cover].map(Number),
      name,
    );
  }
});

test('rejects malformed input', () => {
  assert.throws(() => parseCurtoisQu('SECTION_HORIZON\n14\n\nSECTION_COVER\n0,X,1,1,1\n'), /unknown shift X/);
  assert.throws(() => parseCurtoisQu('SECTION_SHIFTS\nD,480,\n'), /missing SECTION_HORIZON/);
});

test('solution CSV round trip', () => {
  const rows = [{ employee: 'A', day: 0, shift: 'D' }, { employee: 'B', day: 13, shift: 'L' }];
  assert.deepEqual(parseSolutionCsv(formatSolutionCsv(rows)), rows);
  assert.throws(() => parseSolutionCsv('emp,day\nA,1\n'), /header/);
  assert.throws(() => parseSolutionCsv('employee,day,shift\nA,x,D\n'), /bad day/);
});
