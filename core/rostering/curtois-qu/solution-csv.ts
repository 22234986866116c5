// Reading and writing roster solutions as CSV with header `employee,day,shift`, one row per
// assignment (ids as in the instance, day index from 0); absent days are days off.
import type { RosteringInstance, Roster } from '../model.ts';
import { OFF } from '../model.ts';

export interface Assignment {
  readonly employee: string;
  readonly day: number;
  readonly shift: string;
}

/** Parses solution CSV into raw assignments (ids are not validated here; the checker does). */
export function parseSolutionCsv(text: string): Assignment[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const header = lines.shift();
  if (header?.replace(/\s/g, '') !== 'employee,day,shift') {
    throw new Error(`expected header "employee,day,shift", got "${header}"`);
  }
  return lines.map((line, i) => {
    const [employee, day, shift, ...rest] = line.split(',').map((f) => f.trim());
    if (employee === undefined || day === undefined || shift === undefined || rest.length > 0) {
      throw new Error(`line ${i + 2}: expected 3 fields: ${line}`);
    }
    if (!/^\d+$/.test(day)) throw new Error(`line ${i + 2}: bad day ${day}`);
    return { employee, day: Number(day), shift };
  });
}

/** Turns a roster (indexes) into assignment rows. */
export function rosterToAssignments(instance: RosteringInstance, roster: Roster): Assignment[] {
  const out: Assignment[] = [];
  roster.forEach((row, e) =>
    row.forEach((s, d) => {
      if (s !== OFF) out.push({ employee: instance.employees[e]!.id, day: d, shift: instance.shiftTypes[s]!.id });
    }),
  );
  return out;
}

export function formatSolutionCsv(assignments: readonly Assignment[]): string {
  return ['employee,day,shift', ...assignments.map((a) => `${a.employee},${a.day},${a.shift}`)].join('\n') + '\n';
}
