import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ancestorIds,
  birthYearRange,
  buildTree,
  changedFields,
  childPath,
  depthOfPath,
  filterTreeIds,
  flattenTree,
  isInSubtree,
  parseInput,
  personInputSchema,
  rebasePath,
  wouldCreateCycle,
  ZEmploymentInputSchema,
  ZUnitInputSchema,
} from './org.rules.ts';
import { AppError } from '../shared/app-error.ts';

const UNIT = '7b0c2a4e-1f1e-4a8e-9d7a-2f1b6c1d9e01';

function issues(fn: () => unknown): Array<{ path: string; key: string }> {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof AppError, 'expected an AppError');
    assert.equal(error.code, 'VALIDATION');
    return error.issues.map((i) => ({ path: i.path, key: i.key }));
  }
  assert.fail('expected validation to fail');
}

const employment = (over: Record<string, unknown> = {}) => ({
  unitId: UNIT,
  employeeNumber: 'E100',
  positionTitle: 'Sjukepleiar',
  ftePercent: '80',
  styrk08: '2223',
  ksJobCode: '',
  occupationalGroup: ' Helsefagleg ',
  startDate: '2024-01-01',
  endDate: '',
  ...over,
});

describe('paths', () => {
  it('computes child paths and depths', () => {
    assert.equal(childPath(null, 'a'), 'a');
    assert.equal(childPath('a/b', 'c'), 'a/b/c');
    assert.equal(depthOfPath('a'), 0);
    assert.equal(depthOfPath('a/b/c'), 2);
    assert.deepEqual(ancestorIds('a/b/c'), ['a', 'b']);
    assert.deepEqual(ancestorIds('a'), []);
  });

  it('knows subtrees by whole path segments, not string prefixes', () => {
    assert.equal(isInSubtree('a/b', 'a'), true);
    assert.equal(isInSubtree('a', 'a'), true);
    assert.equal(isInSubtree('ab/c', 'a'), false);
    assert.equal(isInSubtree('a', 'a/b'), false);
  });

  it('refuses moves that would make a unit its own ancestor', () => {
    assert.equal(wouldCreateCycle('r/a', 'r/a'), true, 'under itself');
    assert.equal(wouldCreateCycle('r/a', 'r/a/b/c'), true, 'under a descendant');
    assert.equal(wouldCreateCycle('r/a', 'r/b'), false, 'under a sibling');
    assert.equal(wouldCreateCycle('r/a', 'r'), false, 'under its parent');
    assert.equal(wouldCreateCycle('r/a', 'r/ab'), false, 'similar prefix is not a descendant');
  });

  it('rebases paths of a moved subtree', () => {
    assert.equal(rebasePath('r/a/b', 'r/a', 'r/x/a'), 'r/x/a/b');
    assert.equal(rebasePath('r/a', 'r/a', 'r/x/a'), 'r/x/a');
    assert.throws(() => rebasePath('r/b', 'r/a', 'r/x/a'));
  });
});

describe('tree shaping', () => {
  const units = [
    { id: 'r', parentId: null, name: 'Kommune' },
    { id: 'b', parentId: 'r', name: 'Oppvekst' },
    { id: 'a', parentId: 'r', name: 'Helse og omsorg' },
    { id: 'a1', parentId: 'a', name: 'Ålesundtunet' },
    { id: 'a2', parentId: 'a', name: 'Bakketun' },
  ];

  it('builds a forest with siblings in Norwegian alphabetical order', () => {
    const roots = buildTree(units);
    assert.equal(roots.length, 1);
    assert.deepEqual(roots[0]!.children.map((c) => c.unit.id), ['a', 'b']);
    assert.deepEqual(flattenTree(roots).map((u) => u.id), ['r', 'a', 'a2', 'a1', 'b'], 'Å sorts last');
  });

  it('filters by name and keeps the ancestors of every match', () => {
    assert.equal(filterTreeIds(units, '  '), null);
    assert.deepEqual([...filterTreeIds(units, 'bakke')!].sort(), ['a', 'a2', 'r']);
    assert.deepEqual([...filterTreeIds(units, 'finst ikkje')!], []);
  });
});

describe('unit validation', () => {
  it('accepts a valid unit and trims text', () => {
    const v = parseInput(ZUnitInputSchema, { name: ' Bakketun ', kind: 'eining', code: 'E-01', parentId: UNIT });
    assert.equal(v.name, 'Bakketun');
    assert.equal(v.parentId, UNIT);
  });

  it('reports every bad field with message keys', () => {
    assert.deepEqual(issues(() => parseInput(ZUnitInputSchema, { name: '', kind: 'fylke', code: 'E 01', parentId: 'x' })), [
      { path: 'name', key: 'errors.field.tooShort' },
      { path: 'kind', key: 'errors.field.invalid' },
      { path: 'code', key: 'org.errors.codeFormat' },
      { path: 'parentId', key: 'errors.field.format.uuid' },
    ]);
  });
});

describe('person validation', () => {
  const schema = personInputSchema(2026);

  it('accepts plausible values, empty optionals become null', () => {
    const v = parseInput(schema, { givenName: 'Kari', familyName: 'Nordmann', email: '', phone: ' ', birthYear: '1975' });
    assert.deepEqual(v, { givenName: 'Kari', familyName: 'Nordmann', email: null, phone: null, birthYear: 1975 });
  });

  it('refuses implausible birth years and malformed contact details', () => {
    const range = birthYearRange(2026);
    assert.deepEqual(range, { min: 1926, max: 2013 });
    const found = issues(() => parseInput(schema, { givenName: 'K', familyName: 'N', email: 'kari@', phone: 'ring meg', birthYear: '2020' }));
    assert.deepEqual(found, [
      { path: 'email', key: 'errors.field.format.email' },
      { path: 'phone', key: 'org.errors.phoneFormat' },
      { path: 'birthYear', key: 'errors.field.tooBig' },
    ]);
    assert.deepEqual(issues(() => parseInput(schema, { givenName: 'K', familyName: 'N', birthYear: '1900' })), [{ path: 'birthYear', key: 'errors.field.tooSmall' }]);
  });
});

describe('employment validation', () => {
  it('accepts FTE with a decimal comma and two decimals', () => {
    assert.equal(parseInput(ZEmploymentInputSchema, employment({ ftePercent: '62,55' })).ftePercent, 62.55);
    assert.equal(parseInput(ZEmploymentInputSchema, employment({ ftePercent: '0' })).ftePercent, 0);
    assert.equal(parseInput(ZEmploymentInputSchema, employment({ ftePercent: 100 })).ftePercent, 100);
  });

  it('refuses FTE outside 0–100 or with more than two decimals', () => {
    assert.deepEqual(issues(() => parseInput(ZEmploymentInputSchema, employment({ ftePercent: '100.5' }))), [{ path: 'ftePercent', key: 'errors.field.tooBig' }]);
    assert.deepEqual(issues(() => parseInput(ZEmploymentInputSchema, employment({ ftePercent: '-1' }))), [{ path: 'ftePercent', key: 'errors.field.tooSmall' }]);
    assert.deepEqual(issues(() => parseInput(ZEmploymentInputSchema, employment({ ftePercent: '33.333' }))), [{ path: 'ftePercent', key: 'org.errors.fteDecimals' }]);
    assert.deepEqual(issues(() => parseInput(ZEmploymentInputSchema, employment({ ftePercent: '' }))), [{ path: 'ftePercent', key: 'errors.field.required' }]);
  });

  it('checks dates and their order, and the STYRK code shape', () => {
    assert.deepEqual(issues(() => parseInput(ZEmploymentInputSchema, employment({ startDate: '2024-02-30' }))), [{ path: 'startDate', key: 'errors.field.format.date' }]);
    assert.deepEqual(issues(() => parseInput(ZEmploymentInputSchema, employment({ endDate: '2023-12-31' }))), [{ path: 'endDate', key: 'org.errors.endBeforeStart' }]);
    assert.equal(parseInput(ZEmploymentInputSchema, employment({ endDate: '2024-01-01' })).endDate, '2024-01-01');
    assert.deepEqual(issues(() => parseInput(ZEmploymentInputSchema, employment({ styrk08: '22' }))), [{ path: 'styrk08', key: 'org.errors.styrkUnknown' }]);
    const v = parseInput(ZEmploymentInputSchema, employment({ styrk08: '' }));
    assert.equal(v.styrk08, null);
    assert.equal(v.ksJobCode, null);
    assert.equal(v.occupationalGroup, 'Helsefagleg');
  });
});

describe('changedFields', () => {
  it('lists names of changed fields only, treating undefined as not submitted', () => {
    assert.deepEqual(changedFields({ a: 1, b: 'x', c: null }, { a: 2, b: 'x', c: undefined }), ['a']);
    assert.deepEqual(changedFields({ a: null as string | null }, { a: 'y' }), ['a']);
  });
});
