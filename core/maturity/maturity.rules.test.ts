import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../shared/app-error.ts';
import {
  aggregateResults,
  isShowable,
  mappingOnTime,
  measuredStage,
  measuresEvaluated,
  needsLinkedToGoals,
  parseChecklistForm,
  parseSurveyAnswers,
  selfImagePosition,
  shuffled,
  stageOfShare,
  summariseChecklist,
  summariseMunicipality,
  SURVEY_QUESTIONS,
  type IndicatorValue,
} from './maturity.rules.ts';

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof AppError);
    return error.issues.map((i) => `${i.path}:${i.key}`);
  }
  assert.fail('expected a validation error');
}

const measured = (key: IndicatorValue['key'], numerator: number, denominator: number): IndicatorValue => ({ key, status: 'measured', numerator, denominator });
const missing = (key: IndicatorValue['key']): IndicatorValue => ({ key, status: 'not_measured', reason: 'no_source' });

describe('survey questions', () => {
  it('has the two 1–10 scales and seven yes/no questions of appendix 1', () => {
    assert.deepEqual(
      SURVEY_QUESTIONS.map((q) => `${q.seedRef}:${q.kind}`),
      ['C:scale', 'D:scale', 'E:yesNo', 'F:yesNo', 'G1:yesNo', 'G2:yesNo', 'G3:yesNo', 'G4:yesNo', 'G5:yesNo'],
    );
  });

  it('parses answers, skips empty ones and ignores unknown keys', () => {
    assert.deepEqual(parseSurveyAnswers({ municipalityPriority: '7', sectorPriority: '', sectorActive: 'yes', accountId: 'x' }), { municipalityPriority: 7, sectorActive: 'yes' });
  });

  it('refuses a scale outside 1–10, a bad yes/no, and an empty answer', () => {
    assert.deepEqual(issuesOf(() => parseSurveyAnswers({ municipalityPriority: '11', sectorPriority: '2.5', systemPlan: 'maybe' })), [
      'municipalityPriority:maturity.errors.scale',
      'sectorPriority:maturity.errors.scale',
      'systemPlan:errors.field.invalid',
    ]);
    assert.deepEqual(issuesOf(() => parseSurveyAnswers({})), ['municipalityPriority:maturity.errors.noAnswer']);
  });
});

describe('anonymity guard and aggregation', () => {
  it('shows a count only from the minimum, never below the floor of 3', () => {
    assert.equal(isShowable(2, 3), false);
    assert.equal(isShowable(3, 3), true);
    assert.equal(isShowable(4, 5), false);
    assert.equal(isShowable(2, 1), false, 'a minimum below the floor is raised to 3');
  });

  it('hides a small group entirely and gives mean and distribution for a shown one', () => {
    const responses = [
      { group: 'leaders', answers: { municipalityPriority: 4, sectorActive: 'yes' } },
      { group: 'leaders', answers: { municipalityPriority: 6, sectorActive: 'no' } },
      { group: 'leaders', answers: { municipalityPriority: 8, sectorActive: 'yes' } },
      { group: 'union', answers: { municipalityPriority: 2 } },
      { group: 'union', answers: { municipalityPriority: 3 } },
    ];
    const [leaders, union, middle] = aggregateResults(responses, 3);
    assert.equal(leaders!.shown, true);
    const c = leaders!.questions.find((q) => q.key === 'municipalityPriority');
    assert.ok(c && c.kind === 'scale');
    assert.equal(c.mean, 6);
    assert.deepEqual(c.distribution, [0, 0, 0, 1, 0, 1, 0, 1, 0, 0]);
    const e = leaders!.questions.find((q) => q.key === 'sectorActive');
    assert.ok(e && e.kind === 'yesNo');
    assert.equal(e.yes, 2);
    assert.equal(e.no, 1);
    assert.deepEqual(union, { group: 'union', responses: 2, shown: false, questions: [] });
    assert.equal(middle!.shown, false);
  });

  it('hides a question in a shown group that too few answered', () => {
    const responses = [1, 2, 3].map((n) => ({ group: 'middle', answers: n === 1 ? { municipalityPriority: 5, systemPlan: 'no' } : { municipalityPriority: 5 } }));
    const middle = aggregateResults(responses, 3)[2]!;
    const plan = middle.questions.find((q) => q.key === 'systemPlan');
    assert.ok(plan && plan.kind === 'yesNo');
    assert.equal(plan.shown, false);
    assert.equal(plan.yes, null);
    assert.equal(plan.no, null);
  });
});

describe('stored order of responses', () => {
  it('shuffles to a permutation decided by the random source, leaving the input alone', () => {
    const input = ['a', 'b', 'c', 'd'];
    const zero = shuffled(input, () => 0);
    assert.deepEqual(zero, ['b', 'c', 'd', 'a']);
    assert.deepEqual(shuffled(input, (n) => n - 1), ['a', 'b', 'c', 'd']);
    assert.deepEqual([...zero].sort(), input);
    assert.deepEqual(input, ['a', 'b', 'c', 'd']);
  });
});

describe('checklist', () => {
  it('requires an answer per item and limits comments', () => {
    assert.deepEqual(issuesOf(() => parseChecklistForm({ 'answer.a': 'yes', 'answer.b': 'perhaps', 'comment.a': 'x'.repeat(1001) }, ['a', 'b', 'c'])), [
      'comment.a:errors.field.tooLong',
      'answer.b:errors.field.invalid',
      'answer.c:errors.field.required',
    ]);
    assert.deepEqual(parseChecklistForm({ 'answer.a': 'partly', 'comment.a': ' soon ' }, ['a']), { a: { answer: 'partly', comment: 'soon' } });
  });

  it('summarises a unit: yes counts 1, partly ½; archived items do not count', () => {
    const s = summariseChecklist(['a', 'b', 'c', 'd'], { a: { answer: 'yes' }, b: { answer: 'partly' }, c: { answer: 'no' }, old: { answer: 'yes' } });
    assert.deepEqual(s, { yes: 1, partly: 1, no: 1, unanswered: 1, score: 1.5 / 4 });
    assert.equal(summariseChecklist([], null).score, null);
  });

  it('summarises the municipality per item and as the mean of submitted units', () => {
    const m = summariseMunicipality(['a', 'b'], 3, [
      { a: { answer: 'yes' }, b: { answer: 'yes' } },
      { a: { answer: 'no' }, b: { answer: 'partly' } },
    ]);
    assert.equal(m.submitted, 2);
    assert.deepEqual(m.items[0], { itemId: 'a', yes: 1, partly: 0, no: 1 });
    assert.equal(m.score, (1 + 0.25) / 2);
  });
});

describe('measured stage', () => {
  it('maps a share to a stage at the documented thresholds', () => {
    assert.equal(stageOfShare(0.49), 'unsystematic');
    assert.equal(stageOfShare(0.5), 'systematic');
    assert.equal(stageOfShare(0.79), 'systematic');
    assert.equal(stageOfShare(0.8), 'systemic');
  });

  it('has no stage when nothing is measured', () => {
    assert.equal(measuredStage([missing('mappingOnTime'), missing('planLinkedToBudget')]).stage, null);
  });

  it('is decided by the weakest measured indicator', () => {
    const s = measuredStage([measured('mappingOnTime', 9, 10), measured('needsLinkedToGoals', 4, 10), missing('measuresEvaluated')]);
    assert.equal(s.stage, 'unsystematic');
    assert.equal(s.weakest, 0.4);
    assert.equal(s.measured, 2);
  });

  it('stops at systematic while an indicator is not measured, and reaches systemic with all four at 80 %', () => {
    const partial = measuredStage([measured('mappingOnTime', 10, 10), missing('needsLinkedToGoals'), missing('measuresEvaluated'), missing('planLinkedToBudget')]);
    assert.equal(partial.stage, 'systematic');
    assert.equal(partial.capped, true);
    const all = measuredStage([measured('mappingOnTime', 8, 10), measured('needsLinkedToGoals', 9, 10), measured('measuresEvaluated', 5, 5), measured('planLinkedToBudget', 1, 1)]);
    assert.equal(all.stage, 'systemic');
    assert.equal(all.capped, false);
  });

  it('places a self-image mean on the same axis', () => {
    assert.equal(selfImagePosition(1), 0);
    assert.equal(selfImagePosition(10), 1);
    assert.equal(selfImagePosition(5.5), 0.5);
  });

  it('counts units on time only for passed mapping deadlines, done on or before the deadline', () => {
    const v = mappingOnTime(
      [
        {
          deadline: '2026-11-01',
          units: [
            { unitId: 'a', status: 'done', setOn: '2026-11-01' },
            { unitId: 'b', status: 'done', setOn: '2026-11-02' },
            { unitId: 'c', status: 'in_progress', setOn: '2026-10-01' },
            { unitId: 'd', status: null, setOn: null },
          ],
        },
        { deadline: '2026-12-24', units: [{ unitId: 'a', status: 'done', setOn: '2026-12-01' }] },
      ],
      '2026-12-02',
    );
    assert.deepEqual(v, { key: 'mappingOnTime', status: 'measured', numerator: 1, denominator: 4 });
    assert.equal(mappingOnTime([{ deadline: '2026-12-24', units: [{ unitId: 'a', status: 'done', setOn: '2026-12-01' }] }], '2026-12-02').status, 'not_measured');
  });

  it('counts needs linked to a basis entry over all needs on handed-in forms', () => {
    assert.deepEqual(needsLinkedToGoals([{ basisEntryId: 'g1' }, { basisEntryId: null }, { basisEntryId: 's1' }, { basisEntryId: null }, { basisEntryId: 'u1' }]), { key: 'needsLinkedToGoals', status: 'measured', numerator: 3, denominator: 5 });
    assert.deepEqual(needsLinkedToGoals([]), { key: 'needsLinkedToGoals', status: 'not_measured', reason: 'nothing_yet' });
  });

  it('counts evaluated measures over those ended before today, leaving out ongoing and unfinished ones', () => {
    const v = measuresEvaluated(
      [
        { endDate: '2026-03-02', evaluated: true },
        { endDate: '2026-05-01', evaluated: false },
        { endDate: '2026-12-02', evaluated: true }, // ends today: not ended yet
        { endDate: null, evaluated: true }, // ongoing
        { endDate: '2026-11-30', evaluated: true },
      ],
      '2026-12-02',
    );
    assert.deepEqual(v, { key: 'measuresEvaluated', status: 'measured', numerator: 2, denominator: 3 });
    assert.equal(measuresEvaluated([{ endDate: null, evaluated: false }], '2026-12-02').status, 'not_measured');
  });
});
