// Pure rules of the maturity area (seed 000): the checklist for competence development and its
// summaries, the self-assessment survey from appendix 1 (questions, validation, the anonymity
// guard and the per-group aggregation of appendix 2), and the measured stage
// usystematisk → systematisk → systemisk with its documented thresholds (docs/maturity.md).
import { z } from 'zod';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { issuesFromZod } from '../shared/zod.ts';

// ---------------------------------------------------------------- survey: questions and groups

/** The respondent groups of appendix 1: leader groups, union representatives, middle managers. */
export const RESPONDENT_GROUPS = ['leaders', 'union', 'middle'] as const;
export type TRespondentGroup = (typeof RESPONDENT_GROUPS)[number];

export type QuestionKind = 'scale' | 'yesNo';
export interface SurveyQuestion {
  key: string;
  kind: QuestionKind;
  /** Where the question is in appendix 1 of seed 000 (C, D, E, F, G1–G5). */
  seedRef: string;
  /** Which part of the survey page it belongs to. */
  section: 'priority' | 'sector' | 'system';
}

/**
 * The closed questions of appendix 1 ("Kompetanseutvikling i kommunen i dag"): the two 1–10
 * scales (C, D), the two yes/no questions about the sector (E, F) and the five yes/no system
 * questions (G 1–5). The open questions are left out on purpose: free text can identify the
 * writer, and the survey is anonymous.
 */
export const SURVEY_QUESTIONS: readonly SurveyQuestion[] = [
  { key: 'municipalityPriority', kind: 'scale', seedRef: 'C', section: 'priority' },
  { key: 'sectorPriority', kind: 'scale', seedRef: 'D', section: 'priority' },
  { key: 'sectorActive', kind: 'yesNo', seedRef: 'E', section: 'sector' },
  { key: 'sectorResponsible', kind: 'yesNo', seedRef: 'F', section: 'sector' },
  { key: 'systemOverview', kind: 'yesNo', seedRef: 'G1', section: 'system' },
  { key: 'systemAppraisal', kind: 'yesNo', seedRef: 'G2', section: 'system' },
  { key: 'systemPlan', kind: 'yesNo', seedRef: 'G3', section: 'system' },
  { key: 'systemPractice', kind: 'yesNo', seedRef: 'G4', section: 'system' },
  { key: 'systemSharing', kind: 'yesNo', seedRef: 'G5', section: 'system' },
];

export const SCALE_MIN = 1;
export const SCALE_MAX = 10;
export const YES_NO = ['yes', 'no'] as const;

/** The smallest minimum group size a round may have; the default is the same. */
export const MIN_GROUP_SIZE_FLOOR = 3;
export const DEFAULT_MIN_GROUP_SIZE = 3;

export type TSurveyAnswers = Record<string, number | 'yes' | 'no'>;

/**
 * Parse a survey answer from a form: each question may be skipped (empty); a scale answer is a
 * whole number 1–10, a yes/no answer 'yes' or 'no'. Unknown keys are ignored. At least one
 * question must be answered.
 */
export function parseSurveyAnswers(input: unknown): TSurveyAnswers {
  const source = input !== null && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  const answers: TSurveyAnswers = {};
  const issues: Array<{ path: string; key: string }> = [];
  for (const q of SURVEY_QUESTIONS) {
    const raw = source[q.key];
    if (raw === undefined || raw === null || raw === '') continue;
    if (q.kind === 'scale') {
      const n = Number(raw);
      if (Number.isInteger(n) && n >= SCALE_MIN && n <= SCALE_MAX) answers[q.key] = n;
      else issues.push({ path: q.key, key: 'maturity.errors.scale' });
    } else if (raw === 'yes' || raw === 'no') {
      answers[q.key] = raw;
    } else {
      issues.push({ path: q.key, key: 'errors.field.invalid' });
    }
  }
  if (issues.length === 0 && Object.keys(answers).length === 0) issues.push({ path: SURVEY_QUESTIONS[0]!.key, key: 'maturity.errors.noAnswer' });
  if (issues.length > 0) throw new AppError(AppErrorCode.VALIDATION, { issues });
  return answers;
}

// ---------------------------------------------------------------- survey: anonymity and results

/** The anonymity guard: a count may be shown only when it reaches the round's minimum (never below the floor). */
export function isShowable(count: number, minGroupSize: number): boolean {
  return count >= Math.max(minGroupSize, MIN_GROUP_SIZE_FLOOR);
}

export interface ScaleResult {
  kind: 'scale';
  key: string;
  answered: number;
  /** Hidden when fewer than the minimum answered this question. */
  shown: boolean;
  mean: number | null;
  /** Number of answers per value 1..10 (index 0 = value 1); empty when hidden. */
  distribution: number[];
}

export interface YesNoResult {
  kind: 'yesNo';
  key: string;
  answered: number;
  shown: boolean;
  yes: number | null;
  no: number | null;
}

export type QuestionResult = ScaleResult | YesNoResult;

export interface GroupResult {
  group: TRespondentGroup;
  responses: number;
  shown: boolean;
  /** Empty when the group is hidden: nothing of a small group leaves this function. */
  questions: QuestionResult[];
}

/**
 * Appendix 2: results side by side per group. A group with fewer responses than the minimum is
 * hidden entirely; inside a shown group, a question answered by fewer than the minimum is hidden.
 */
export function aggregateResults(responses: ReadonlyArray<{ group: string; answers: Record<string, unknown> }>, minGroupSize: number): GroupResult[] {
  return RESPONDENT_GROUPS.map((group): GroupResult => {
    const mine = responses.filter((r) => r.group === group);
    if (!isShowable(mine.length, minGroupSize)) return { group, responses: mine.length, shown: false, questions: [] };
    const questions = SURVEY_QUESTIONS.map((q): QuestionResult => {
      const values = mine.map((r) => r.answers[q.key]).filter((v) => v !== undefined && v !== null);
      const shown = isShowable(values.length, minGroupSize);
      if (q.kind === 'scale') {
        const numbers = values.filter((v): v is number => typeof v === 'number' && v >= SCALE_MIN && v <= SCALE_MAX);
        if (!shown) return { kind: 'scale', key: q.key, answered: values.length, shown, mean: null, distribution: [] };
        const distribution = Array.from({ length: SCALE_MAX }, (_, i) => numbers.filter((n) => n === i + 1).length);
        const mean = numbers.length === 0 ? null : numbers.reduce((a, b) => a + b, 0) / numbers.length;
        return { kind: 'scale', key: q.key, answered: values.length, shown, mean, distribution };
      }
      if (!shown) return { kind: 'yesNo', key: q.key, answered: values.length, shown, yes: null, no: null };
      return { kind: 'yesNo', key: q.key, answered: values.length, shown, yes: values.filter((v) => v === 'yes').length, no: values.filter((v) => v === 'no').length };
    });
    return { group, responses: mine.length, shown: true, questions };
  });
}

// ---------------------------------------------------------------- survey: validation of admin input

export const ZOpenRoundSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  title: z.string().trim().min(1).max(200),
  minGroupSize: z.preprocess((v) => (v === '' || v === undefined || v === null ? DEFAULT_MIN_GROUP_SIZE : v), z.coerce.number().int().min(MIN_GROUP_SIZE_FLOOR).max(50)),
});

/** How to invite: a whole group by role, or chosen accounts into a group. */
export const ZInviteSchema = z.object({
  group: z.enum(RESPONDENT_GROUPS),
  /** roles: leaders = executive + coordinator, union = union_rep, middle = unit leaders; accounts: the listed ids. */
  source: z.enum(['roles', 'accounts']),
  accountIds: z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid()).max(2000)),
});

/** Shuffle a copy (Fisher–Yates) with `randomInt(n)` in [0, n): responses are stored in random order. */
export function shuffled<T>(items: readonly T[], randomInt: (n: number) => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function parseMaturityInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError(AppErrorCode.VALIDATION, { issues: issuesFromZod(result.error) });
}

// ---------------------------------------------------------------- checklist

/**
 * The seed's checklist for competence development. The checklist itself is a figure in the
 * report that did not survive in the text; these items are the moments the report names as the
 * basis for the work (chapter 4 on Gloppen, the main findings of the pre-study, the maturity
 * model in 6.3), one item each. Texts in locales/<lang>/maturity.json, checklist.items.<key>.
 */
export const SEED_CHECKLIST_ITEMS = [
  'needsMapped', // kartlegging av behov, ut frå publikumskrav og dei tilsette sine kvalifikasjonar
  'mappedTogether', // kartlegging avdelingsvis etter felles drøfting
  'linkedToGoals', // behov knytte til eininga sine mål, tenestestandardar og brukarundersøkingar
  'formOnTime', // levere kartleggingsskjema innanfor fristen på årshjulet
  'orderingCompetence', // bestillarkompetanse: vurdere eksterne tilbod på pris, kvalitet, tid
  'offeringCompetence', // tilbydarkompetanse: kva eininga kan tilby andre
  'prioritised', // prioritering av tiltak innan og på tvers av einingar
  'learningAtWork', // fleire former for læring på arbeidsplassen, ikkje berre kurs
  'substitutes', // vikarmidlar planlagde
  'feedback', // enkel struktur for tilbakemelding etter tiltak
  'evaluated', // evaluering av tiltak
  'linkedToBudget', // kopling til plan- og budsjettsyklusen
] as const;
export type TSeedChecklistItem = (typeof SEED_CHECKLIST_ITEMS)[number];

export const CHECKLIST_ANSWERS = ['yes', 'partly', 'no'] as const;
export type TChecklistAnswer = (typeof CHECKLIST_ANSWERS)[number];
export const MAX_COMMENT_LENGTH = 1000;

export interface ChecklistEntry {
  answer: TChecklistAnswer;
  comment: string;
}

/** Parse a unit's checklist form: `answer.<itemId>` and `comment.<itemId>` per active item; every item needs an answer. */
export function parseChecklistForm(input: Record<string, unknown>, itemIds: readonly string[]): Record<string, ChecklistEntry> {
  const out: Record<string, ChecklistEntry> = {};
  const issues: Array<{ path: string; key: string; params?: Record<string, number> }> = [];
  for (const id of itemIds) {
    const answer = input[`answer.${id}`];
    const comment = String(input[`comment.${id}`] ?? '').trim();
    const valid = (CHECKLIST_ANSWERS as readonly unknown[]).includes(answer);
    if (answer === undefined || answer === null || answer === '') issues.push({ path: `answer.${id}`, key: 'errors.field.required' });
    else if (!valid) issues.push({ path: `answer.${id}`, key: 'errors.field.invalid' });
    if (comment.length > MAX_COMMENT_LENGTH) issues.push({ path: `comment.${id}`, key: 'errors.field.tooLong', params: { max: MAX_COMMENT_LENGTH } });
    if (valid) out[id] = { answer: answer as TChecklistAnswer, comment };
  }
  if (issues.length > 0) throw new AppError(AppErrorCode.VALIDATION, { issues });
  return out;
}

export interface ChecklistSummary {
  yes: number;
  partly: number;
  no: number;
  unanswered: number;
  /** (yes + ½·partly) / items, 0..1; null when there are no items. */
  score: number | null;
}

/** One unit's summary over the active items (answers to archived items do not count). */
export function summariseChecklist(itemIds: readonly string[], answers: Readonly<Record<string, { answer: string }>> | null): ChecklistSummary {
  let yes = 0;
  let partly = 0;
  let no = 0;
  for (const id of itemIds) {
    const a = answers?.[id]?.answer;
    if (a === 'yes') yes += 1;
    else if (a === 'partly') partly += 1;
    else if (a === 'no') no += 1;
  }
  const unanswered = itemIds.length - yes - partly - no;
  return { yes, partly, no, unanswered, score: itemIds.length === 0 ? null : (yes + partly / 2) / itemIds.length };
}

export interface MunicipalitySummary {
  units: number;
  submitted: number;
  /** Per item: how many units answered yes / partly / no. */
  items: Array<{ itemId: string; yes: number; partly: number; no: number }>;
  /** Mean score of the units that submitted; null when none did. */
  score: number | null;
}

export function summariseMunicipality(itemIds: readonly string[], unitCount: number, checklists: ReadonlyArray<Readonly<Record<string, { answer: string }>>>): MunicipalitySummary {
  const items = itemIds.map((itemId) => ({
    itemId,
    yes: checklists.filter((c) => c[itemId]?.answer === 'yes').length,
    partly: checklists.filter((c) => c[itemId]?.answer === 'partly').length,
    no: checklists.filter((c) => c[itemId]?.answer === 'no').length,
  }));
  const scores = checklists.map((c) => summariseChecklist(itemIds, c).score).filter((s): s is number => s !== null);
  return { units: unitCount, submitted: checklists.length, items, score: scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length };
}

// ---------------------------------------------------------------- measured stage

export const STAGES = ['unsystematic', 'systematic', 'systemic'] as const;
export type TStage = (typeof STAGES)[number];

/**
 * The indicators of real use. `mappingOnTime` comes from the annual wheel; the other three from
 * modules built later (needs mapping, evaluation, competence plan). Each is a share 0..1.
 */
export const INDICATOR_KEYS = ['mappingOnTime', 'needsLinkedToGoals', 'measuresEvaluated', 'planLinkedToBudget'] as const;
export type TIndicatorKey = (typeof INDICATOR_KEYS)[number];

export type IndicatorValue =
  | { key: TIndicatorKey; status: 'measured'; numerator: number; denominator: number }
  /** No module measures it yet, or nothing to measure yet (e.g. no deadline has passed). */
  | { key: TIndicatorKey; status: 'not_measured'; reason: 'no_source' | 'nothing_yet' };

/** A share at or above this is systematic. */
export const SYSTEMATIC_THRESHOLD = 0.5;
/** A share at or above this is systemic. */
export const SYSTEMIC_THRESHOLD = 0.8;

export function indicatorShare(value: IndicatorValue): number | null {
  return value.status === 'measured' && value.denominator > 0 ? value.numerator / value.denominator : null;
}

/** The stage a single share (0..1) stands for. */
export function stageOfShare(share: number): TStage {
  if (share >= SYSTEMIC_THRESHOLD) return 'systemic';
  if (share >= SYSTEMATIC_THRESHOLD) return 'systematic';
  return 'unsystematic';
}

export interface MeasuredStage {
  /** null: no indicator is measured yet. */
  stage: TStage | null;
  /** The weakest measured share, which decides the stage (0..1), or null. */
  weakest: number | null;
  measured: number;
  total: number;
  /** True when every measured share is systemic but not every indicator is measured, so the stage stops at systematic. */
  capped: boolean;
}

/**
 * The measured stage, a chain as strong as its weakest link:
 * - no indicator measured → no stage;
 * - any measured share below 50 % → usystematisk;
 * - systemisk only when all four indicators are measured and each is at least 80 % (the seed's
 *   systemisk stage means planning is part of the whole plan and economy work, which needs the
 *   plan–budget link measured);
 * - otherwise systematisk.
 */
export function measuredStage(values: readonly IndicatorValue[]): MeasuredStage {
  const shares = values.map(indicatorShare).filter((s): s is number => s !== null);
  const total = INDICATOR_KEYS.length;
  if (shares.length === 0) return { stage: null, weakest: null, measured: 0, total, capped: false };
  const weakest = Math.min(...shares);
  const complete = INDICATOR_KEYS.every((k) => values.some((v) => v.key === k && indicatorShare(v) !== null));
  const byShare = stageOfShare(weakest);
  if (byShare === 'systemic' && !complete) return { stage: 'systematic', weakest, measured: shares.length, total, capped: true };
  return { stage: byShare, weakest, measured: shares.length, total, capped: false };
}

/** The self-image of a group on the same 0..1 axis: its mean on question C (1–10) as (mean − 1) / 9. */
export function selfImagePosition(mean: number): number {
  return Math.min(1, Math.max(0, (mean - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)));
}

export interface MappingTarget {
  deadline: string;
  /** Target units with their status row, if any: status and the Norwegian date it was set. */
  units: ReadonlyArray<{ unitId: string; status: string | null; setOn: string | null }>;
}

/**
 * Share of units submitting on time: over mapping-form milestones whose deadline has passed
 * (deadline before today), the target units marked done on or before the deadline.
 */
export function mappingOnTime(targets: readonly MappingTarget[], today: string): IndicatorValue {
  let numerator = 0;
  let denominator = 0;
  for (const m of targets) {
    if (m.deadline >= today) continue;
    for (const u of m.units) {
      denominator += 1;
      if (u.status === 'done' && u.setOn !== null && u.setOn <= m.deadline) numerator += 1;
    }
  }
  if (denominator === 0) return { key: 'mappingOnTime', status: 'not_measured', reason: 'nothing_yet' };
  return { key: 'mappingOnTime', status: 'measured', numerator, denominator };
}

/**
 * Share of needs linked to goals: over the needs on a cycle's handed-in (submitted or approved)
 * forms, those that point to a unit basis entry (a unit goal, service standard or user-survey
 * finding). Free-text reasons alone do not count.
 */
export function needsLinkedToGoals(needs: ReadonlyArray<{ basisEntryId: string | null }>): IndicatorValue {
  if (needs.length === 0) return { key: 'needsLinkedToGoals', status: 'not_measured', reason: 'nothing_yet' };
  return { key: 'needsLinkedToGoals', status: 'measured', numerator: needs.filter((n) => n.basisEntryId !== null).length, denominator: needs.length };
}

/**
 * Share of measures evaluated: over the year's measures that have ended (an end date before
 * today), those with a leader's year-end evaluation or participant feedback. Ongoing measures
 * (no end date) and measures not ended yet are left out.
 */
export function measuresEvaluated(measures: ReadonlyArray<{ endDate: string | null; evaluated: boolean }>, today: string): IndicatorValue {
  const ended = measures.filter((m) => m.endDate !== null && m.endDate < today);
  if (ended.length === 0) return { key: 'measuresEvaluated', status: 'not_measured', reason: 'nothing_yet' };
  return { key: 'measuresEvaluated', status: 'measured', numerator: ended.filter((m) => m.evaluated).length, denominator: ended.length };
}
