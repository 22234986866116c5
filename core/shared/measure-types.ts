// The kinds of learning measure (tiltakstypar) the product knows, shared by the mapping form
// (preferred measures per need) and the catalogue. Each kind is either course-like or learning
// at work; the product pushes towards learning at work, so the mix must be computable
// (`measureMix`). Display texts live in locales/*/measures.json (`measures.type.<code>`, `measures.class.<course|work>`).

export const MEASURE_TYPES = [
  'external_course',
  'internal_course_external_help',
  'own_development_programme',
  'study_group',
  'project_work',
  'network',
  'peer_guidance',
  'job_shadowing',
  'job_rotation',
  'study_trip',
  'e_learning',
] as const;

export type MeasureType = (typeof MEASURE_TYPES)[number];

/** course: organised teaching away from the daily work; work: learning in and through the work itself. */
export type MeasureClass = 'course' | 'work';

export const MEASURE_CLASS: Readonly<Record<MeasureType, MeasureClass>> = {
  external_course: 'course',
  internal_course_external_help: 'course',
  own_development_programme: 'work',
  study_group: 'work',
  project_work: 'work',
  network: 'work',
  peer_guidance: 'work',
  job_shadowing: 'work',
  job_rotation: 'work',
  study_trip: 'course',
  e_learning: 'course',
};

export function isMeasureType(value: string): value is MeasureType {
  return (MEASURE_TYPES as readonly string[]).includes(value);
}

export function measureClass(type: MeasureType): MeasureClass {
  return MEASURE_CLASS[type];
}

/** The i18n key of a measure type's name. */
export function measureTypeKey(type: MeasureType): `measures.type.${MeasureType}` {
  return `measures.type.${type}`;
}

export interface MeasureMix {
  course: number;
  work: number;
  total: number;
  /** Share of learning at work, 0–1 (0 when there is nothing). */
  workShare: number;
}

/**
 * The mix of course-like measures and learning at work over a list of choices, each optionally
 * weighted (for example by the number of people a need concerns).
 */
export function measureMix(choices: Iterable<{ type: MeasureType; weight?: number }>): MeasureMix {
  let course = 0;
  let work = 0;
  for (const c of choices) {
    const w = c.weight ?? 1;
    if (MEASURE_CLASS[c.type] === 'course') course += w;
    else work += w;
  }
  const total = course + work;
  return { course, work, total, workShare: total === 0 ? 0 : work / total };
}
