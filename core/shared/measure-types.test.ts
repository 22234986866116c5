import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MEASURE_CLASS, MEASURE_TYPES, isMeasureType, measureMix, measureTypeKey } from './measure-types.ts';
import { translate, LANGUAGES } from '../../locales/index.ts';

describe('measure types', () => {
  it('classifies every type as course-like or learning at work, with more kinds of learning at work', () => {
    assert.equal(MEASURE_TYPES.length, 11);
    for (const type of MEASURE_TYPES) assert.ok(MEASURE_CLASS[type] === 'course' || MEASURE_CLASS[type] === 'work', type);
    assert.equal(MEASURE_CLASS.external_course, 'course');
    assert.equal(MEASURE_CLASS.peer_guidance, 'work');
    assert.equal(MEASURE_CLASS.job_shadowing, 'work');
    assert.equal(MEASURE_CLASS.e_learning, 'course');
  });

  it('has a name in every language', () => {
    for (const language of LANGUAGES) {
      for (const type of MEASURE_TYPES) {
        const key = measureTypeKey(type);
        assert.notEqual(translate(language, key), key, `${language} ${type}`);
      }
    }
    assert.equal(translate('nn', measureTypeKey('peer_guidance')), 'Kollegarettleiing');
  });

  it('recognises codes', () => {
    assert.equal(isMeasureType('job_rotation'), true);
    assert.equal(isMeasureType('course'), false);
  });

  it('computes the mix, weighted and unweighted', () => {
    assert.deepEqual(measureMix([]), { course: 0, work: 0, total: 0, workShare: 0 });
    assert.deepEqual(measureMix([{ type: 'external_course' }, { type: 'peer_guidance' }, { type: 'study_group' }, { type: 'e_learning' }]), { course: 2, work: 2, total: 4, workShare: 0.5 });
    const weighted = measureMix([
      { type: 'external_course', weight: 3 },
      { type: 'job_shadowing', weight: 1 },
    ]);
    assert.equal(weighted.course, 3);
    assert.equal(weighted.workShare, 0.25);
  });
});
