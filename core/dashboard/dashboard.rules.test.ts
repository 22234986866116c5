import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluationCoverage, indicatorAsShare, shareOf, submissionTotals, trendPoint, trendYears, typeMix } from './dashboard.rules.ts';

describe('dashboard rules', () => {
  it('totals the units asked: handed in, approved, overdue and handed in late', () => {
    const totals = submissionTotals([
      { category: 'approved', lateness: 'on_time' },
      { category: 'submitted', lateness: 'submitted_late' },
      { category: 'late', lateness: 'late' },
      { category: 'late', lateness: 'late' },
      { category: 'draft', lateness: 'on_time' },
      { category: 'missing', lateness: 'no_deadline' },
    ]);
    assert.deepEqual(totals, { asked: 6, handedIn: 2, approved: 1, overdue: 2, handedInLate: 1 });
    assert.deepEqual(submissionTotals([]), { asked: 0, handedIn: 0, approved: 0, overdue: 0, handedInLate: 0 });
  });

  it('mixes measure types into courses and learning at work in the catalogue’s order, leaving out unknown codes', () => {
    const mix = typeMix([{ type: 'peer_guidance' }, { type: 'external_course' }, { type: 'peer_guidance' }, { type: 'e_learning' }, { type: 'retired_code' }]);
    assert.deepEqual(mix.byType, [
      { type: 'external_course', measureClass: 'course', count: 1 },
      { type: 'peer_guidance', measureClass: 'work', count: 2 },
      { type: 'e_learning', measureClass: 'course', count: 1 },
    ]);
    assert.deepEqual([mix.course, mix.work, mix.total], [2, 2, 4]);
  });

  it('counts evaluation coverage per class over ended measures only', () => {
    const c = evaluationCoverage(
      [
        { type: 'external_course', endDate: '2026-03-02', evaluated: true },
        { type: 'external_course', endDate: '2026-04-02', evaluated: false },
        { type: 'study_group', endDate: '2026-05-02', evaluated: true },
        { type: 'study_group', endDate: '2026-12-02', evaluated: true }, // ends today
        { type: 'network', endDate: null, evaluated: false }, // ongoing
      ],
      '2026-12-02',
    );
    assert.deepEqual(c.rows, [
      { measureClass: 'course', ended: 2, evaluated: 1 },
      { measureClass: 'work', ended: 1, evaluated: 1 },
    ]);
    assert.deepEqual(c.total, { ended: 3, evaluated: 2 });
    assert.equal(c.notEnded, 2);
  });

  it('makes a trend point from the year’s indicators, with the handed-in needs as the needs count', () => {
    const p = trendPoint(2026, {
      onTime: { key: 'mappingOnTime', status: 'measured', numerator: 3, denominator: 4 },
      needsLinked: { key: 'needsLinkedToGoals', status: 'measured', numerator: 2, denominator: 7 },
      evaluated: { key: 'measuresEvaluated', status: 'not_measured', reason: 'nothing_yet' },
    });
    assert.deepEqual(p, { year: 2026, onTime: { numerator: 3, denominator: 4, share: 0.75 }, needs: 7, evaluated: null });
    assert.equal(trendPoint(2027, { onTime: { key: 'mappingOnTime', status: 'not_measured', reason: 'nothing_yet' }, needsLinked: { key: 'needsLinkedToGoals', status: 'not_measured', reason: 'nothing_yet' }, evaluated: { key: 'measuresEvaluated', status: 'measured', numerator: 0, denominator: 2 } }).needs, 0);
  });

  it('shares need a denominator', () => {
    assert.equal(shareOf(1, 0), null);
    assert.deepEqual(shareOf(1, 4), { numerator: 1, denominator: 4, share: 0.25 });
    assert.equal(indicatorAsShare({ key: 'mappingOnTime', status: 'not_measured', reason: 'no_source' }), null);
  });

  it('takes the trend’s years up to the shown year, oldest first, at most the limit', () => {
    assert.deepEqual(trendYears([2028, 2024, 2026, 2025, 2027, 2026], 2027, 3), [2025, 2026, 2027]);
    assert.deepEqual(trendYears([2026], 2025), []);
  });
});
