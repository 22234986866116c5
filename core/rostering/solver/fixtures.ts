// Test fixtures: small random rostering instances (general model, including competence
// cover) generated from a seed. Used by the property and cross-check tests.
import type { Employee, RosteringInstance } from '../model.ts';
import { Random } from './random.ts';

export interface RandomInstanceOptions {
  readonly employees: number;
  readonly weeks: number;
  readonly shiftTypes: number;
  readonly competence?: boolean;
}

export function randomInstance(seed: number, o: RandomInstanceOptions): RosteringInstance {
  const rnd = new Random(seed);
  const H = o.weeks * 7, S = o.shiftTypes;
  const shiftTypes = Array.from({ length: S }, (_, s) => ({
    id: String.fromCharCode(65 + s),
    startMinute: 6 * 60 + s * 8 * 60,
    lengthMinutes: [480, 600, 720][rnd.int(3)]!,
  }));
  // later shifts may not be followed by earlier ones (a typical rest rule)
  const forbiddenSuccessions = shiftTypes.map((_, a) => Array.from({ length: a }, (_, b) => b).filter(() => rnd.next() < 0.7));
  const employees: Employee[] = Array.from({ length: o.employees }, (_, e) => {
    const maxShiftsPerType = shiftTypes.map((_, s) => (s === 0 || rnd.next() < 0.7 ? 1 + rnd.int(H) : 0));
    const minWork = 1 + rnd.int(2);
    const maxWork = minWork + 2 + rnd.int(3);
    const minOff = 1 + rnd.int(2);
    const fixedDaysOff = Array.from({ length: rnd.int(3) }, () => rnd.int(H));
    const maxTotal = 480 * (2 + rnd.int(Math.max(1, Math.floor(H * 0.6))));
    return {
      id: `E${e}`,
      attributes: rnd.next() < 0.5 ? ['group:sykepleiar'] : ['group:helsefagarbeidar'],
      maxShiftsPerType,
      minTotalMinutes: rnd.next() < 0.5 ? 0 : Math.floor(maxTotal * 0.4),
      maxTotalMinutes: maxTotal,
      minConsecutiveWorkDays: minWork,
      maxConsecutiveWorkDays: maxWork,
      minConsecutiveDaysOff: minOff,
      maxConsecutiveDaysOff: rnd.next() < 0.3 ? 4 + rnd.int(4) : H,
      maxWeekends: rnd.int(o.weeks + 1),
      fixedDaysOff,
    };
  });
  const wishes = Array.from({ length: o.employees * 2 }, () => ({
    employee: rnd.int(o.employees),
    day: rnd.int(H),
    shift: rnd.int(S),
    kind: rnd.next() < 0.5 ? ('on' as const) : ('off' as const),
    weight: 1 + rnd.int(3),
  }));
  const cover = [];
  for (let d = 0; d < H; d++)
    for (let s = 0; s < S; s++)
      cover.push({ day: d, shift: s, requirement: rnd.int(Math.max(1, Math.ceil(o.employees / S))), underWeight: 10 + rnd.int(90), overWeight: 1 + rnd.int(5) });
  const competenceCover = o.competence
    ? Array.from({ length: H }, (_, d) => ({
        day: d,
        shift: rnd.int(S),
        attributes: ['group:sykepleiar'],
        minimum: 1,
        weight: 20 + rnd.int(30),
      }))
    : [];
  return { name: `random-${seed}`, horizonDays: H, firstWeekday: rnd.int(7), shiftTypes, forbiddenSuccessions, employees, wishes, cover, competenceCover };
}
