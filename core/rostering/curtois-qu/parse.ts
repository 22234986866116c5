// Parser for the Curtois & Qu nurse-rostering text format (see
// shared/bench/rostering/curtois-qu/FORMAT.md) into the general rostering model.
import type { Cover, Employee, RosteringInstance, ShiftType, Wish } from '../model.ts';

function sections(text: string): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  let current: string[][] | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('SECTION_')) {
      current = [];
      out.set(line, current);
      continue;
    }
    if (current === null) throw new Error(`data outside a section: ${line}`);
    current.push(line.split(',').map((f) => f.trim()));
  }
  return out;
}

function int(field: string | undefined, what: string): number {
  if (field === undefined || !/^-?\d+$/.test(field)) throw new Error(`bad integer for ${what}: ${field}`);
  return Number(field);
}

/** Parses an instance file's text. `name` is used as the instance name. */
export function parseCurtoisQu(text: string, name = 'instance'): RosteringInstance {
  const s = sections(text);
  const get = (k: string): string[][] => s.get(k) ?? [];
  const horizonRow = get('SECTION_HORIZON')[0];
  if (!horizonRow) throw new Error('missing SECTION_HORIZON');
  const horizonDays = int(horizonRow[0], 'horizon');

  const shiftRows = get('SECTION_SHIFTS');
  const shiftIndex = new Map<string, number>();
  shiftRows.forEach((r, i) => shiftIndex.set(r[0] ?? '', i));
  const shiftOf = (id: string | undefined): number => {
    const i = shiftIndex.get(id ?? '');
    if (i === undefined) throw new Error(`unknown shift ${id}`);
    return i;
  };
  const shiftTypes: ShiftType[] = shiftRows.map((r) => ({
    id: r[0] ?? '',
    startMinute: 0,
    lengthMinutes: int(r[1], 'shift length'),
  }));
  const forbiddenSuccessions = shiftRows.map((r) =>
    (r[2] ?? '').split('|').filter((x) => x !== '').map(shiftOf),
  );

  const staffRows = get('SECTION_STAFF');
  const employeeIndex = new Map<string, number>();
  staffRows.forEach((r, i) => employeeIndex.set(r[0] ?? '', i));
  const employeeOf = (id: string | undefined): number => {
    const i = employeeIndex.get(id ?? '');
    if (i === undefined) throw new Error(`unknown employee ${id}`);
    return i;
  };
  const fixedOff: number[][] = staffRows.map(() => []);
  for (const r of get('SECTION_DAYS_OFF')) {
    const e = employeeOf(r[0]);
    for (const f of r.slice(1)) if (f !== '') fixedOff[e]!.push(int(f, 'day off'));
  }
  const employees: Employee[] = staffRows.map((r, e) => {
    const maxShiftsPerType = shiftTypes.map(() => 0);
    for (const part of (r[1] ?? '').split('|')) {
      if (part === '') continue;
      const [sid, max] = part.split('=');
      maxShiftsPerType[shiftOf(sid)] = int(max, 'max shifts');
    }
    return {
      id: r[0] ?? '',
      attributes: [],
      maxShiftsPerType,
      maxTotalMinutes: int(r[2], 'max minutes'),
      minTotalMinutes: int(r[3], 'min minutes'),
      maxConsecutiveWorkDays: int(r[4], 'max consecutive'),
      minConsecutiveWorkDays: int(r[5], 'min consecutive'),
      minConsecutiveDaysOff: int(r[6], 'min days off'),
      maxConsecutiveDaysOff: horizonDays,
      maxWeekends: int(r[7], 'max weekends'),
      fixedDaysOff: fixedOff[e]!,
    };
  });

  const wishes: Wish[] = [];
  for (const [section, kind] of [
    ['SECTION_SHIFT_ON_REQUESTS', 'on'],
    ['SECTION_SHIFT_OFF_REQUESTS', 'off'],
  ] as const) {
    for (const r of get(section)) {
      wishes.push({
        employee: employeeOf(r[0]),
        day: int(r[1], 'request day'),
        shift: shiftOf(r[2]),
        kind,
        weight: int(r[3], 'request weight'),
      });
    }
  }
  const cover: Cover[] = get('SECTION_COVER').map((r) => ({
    day: int(r[0], 'cover day'),
    shift: shiftOf(r[1]),
    requirement: int(r[2], 'requirement'),
    underWeight: int(r[3], 'under weight'),
    overWeight: int(r[4], 'over weight'),
  }));

  return {
    name,
    horizonDays,
    firstWeekday: 0,
    shiftTypes,
    forbiddenSuccessions,
    employees,
    wishes,
    cover,
    competenceCover: [],
  };
}
