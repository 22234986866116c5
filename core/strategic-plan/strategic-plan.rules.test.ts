import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ageBand,
  ageBands,
  expectedRetirements,
  parsePlanInput,
  planYears,
  projectStaffing,
  retirementYear,
  stepProgress,
  suppressSmallCells,
  turnoverRate,
  ZStrategySchema,
} from './strategic-plan.rules.ts';
import { AppError } from '../shared/app-error.ts';

describe('retirement year', () => {
  it('is the year the retirement age is reached', () => {
    assert.equal(retirementYear(1960, 67, 2026), 2027);
    assert.equal(retirementYear(1962, 70, 2026), 2032);
  });
  it('is the first plan year for those already past the retirement age', () => {
    assert.equal(retirementYear(1955, 67, 2026), 2026);
  });
});

describe('expected retirements', () => {
  const years = planYears(2027, 4);
  it('counts each cohort in the year it turns 67', () => {
    const r = expectedRetirements(
      [
        { birthYear: 1960, persons: 10, fte: 8 },
        { birthYear: 1962, persons: 3, fte: 3 },
        { birthYear: 1990, persons: 50, fte: 50 },
      ],
      years,
      { retirementAge: 67, earlyRetirementPercent: 0 },
    );
    assert.deepEqual(years, [2027, 2028, 2029, 2030]);
    assert.deepEqual(r.map((y) => y.persons), [10, 0, 3, 0]);
    assert.deepEqual(r.map((y) => y.fte), [8, 0, 3, 0]);
  });
  it('puts the early share at 62 for cohorts not yet 62 at the start, the rest at the retirement age', () => {
    // Born 1965: 62 in 2027, 67 in 2032 (outside). Born 1962: already 62 before 2027 → all at 67 (2029).
    const r = expectedRetirements(
      [
        { birthYear: 1965, persons: 20, fte: 20 },
        { birthYear: 1962, persons: 10, fte: 10 },
      ],
      years,
      { retirementAge: 67, earlyRetirementPercent: 25 },
    );
    assert.deepEqual(r.map((y) => y.persons), [5, 0, 10, 0]);
  });
});

describe('turnover', () => {
  it('is leavers over the average head count', () => {
    assert.equal(turnoverRate(10, 90, 110), 0.1);
    assert.equal(turnoverRate(0, 5, 5), 0);
  });
  it('is null without staff', () => {
    assert.equal(turnoverRate(0, 0, 0), null);
  });
});

describe('projection and gap', () => {
  it('subtracts retirements and the leaving rate year by year and compares with what is required', () => {
    const p = projectStaffing(100, [10, 0, 5], 0.1, [2027, 2028, 2029], new Map([[2027, 100], [2029, 80]]));
    // 2027: 100 − 10 − 10 = 80; 2028: 80 − 8 = 72; 2029: 72 − 5 − 7.2 = 59.8
    assert.deepEqual(p.map((y) => Number(y.expected.toFixed(1))), [80, 72, 59.8]);
    assert.equal(p[0]!.gap, 20);
    assert.equal(p[1]!.gap, null);
    assert.equal(Number(p[2]!.gap!.toFixed(1)), 20.2);
  });
  it('never goes below zero', () => {
    assert.equal(projectStaffing(3, [10], 0, [2027], new Map())[0]!.expected, 0);
  });
});

describe('age bands', () => {
  it('places ages in bands with 62 and 67 as edges', () => {
    assert.equal(ageBand(29), 'under30');
    assert.equal(ageBand(30), '30to39');
    assert.equal(ageBand(61), '60to61');
    assert.equal(ageBand(62), '62to66');
    assert.equal(ageBand(67), '67plus');
  });
  it('counts persons per band at the reference year', () => {
    const counts = ageBands([{ birthYear: 2000, persons: 4, fte: 4 }, { birthYear: 1960, persons: 2, fte: 1 }, { birthYear: 1990, persons: 6, fte: 6 }], 2026);
    assert.deepEqual(counts, [4, 6, 0, 0, 0, 2, 0]);
  });
});

describe('suppression of small groups', () => {
  it('hides cells of 1–4 persons and keeps zero', () => {
    assert.deepEqual(suppressSmallCells([0, 3, 4, 12, 7]), [0, null, null, 12, 7]);
  });
  it('hides a second cell when only one would be hidden', () => {
    assert.deepEqual(suppressSmallCells([2, 9, 6, 0]), [null, 9, null, 0]);
  });
  it('leaves rows without small cells unchanged', () => {
    assert.deepEqual(suppressSmallCells([5, 10, 0]), [5, 10, 0]);
  });
});

describe('step progress', () => {
  it('counts done steps and names the first one not done', () => {
    assert.deepEqual(stepProgress([1, 2, 4]), { done: 3, total: 7, next: 3, percent: 43 });
    assert.deepEqual(stepProgress([1, 2, 3, 4, 5, 6, 7]), { done: 7, total: 7, next: null, percent: 100 });
    assert.equal(stepProgress([9, 1]).done, 1);
  });
});

describe('strategy validation', () => {
  it('needs a STYRK-08 code for a position type and a name for a general competence', () => {
    const base = { kind: 'recruit', description: '', title: 'Rekruttere', generalCompetence: '', styrk08: '' };
    assert.throws(() => parsePlanInput(ZStrategySchema, { ...base, target: 'position_type', styrk08: '22' }), (e: unknown) => e instanceof AppError && e.issues.some((i) => i.key === 'strategicPlan.errors.styrk'));
    assert.throws(() => parsePlanInput(ZStrategySchema, { ...base, target: 'general' }), (e: unknown) => e instanceof AppError && e.issues.some((i) => i.key === 'strategicPlan.errors.generalCompetence'));
    assert.equal(parsePlanInput(ZStrategySchema, { ...base, target: 'general', generalCompetence: 'Digital kompetanse' }).generalCompetence, 'Digital kompetanse');
  });
});
