import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../shared/app-error.ts';
import { canMoveUnitPlan, moveAction, outlookByYear, parseUnitPlanSave, prefillRows } from './unit-plan.rules.ts';

function issuesOf(fn: () => unknown): Array<{ path: string; key: string }> {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof AppError);
    return error.issues.map((i) => ({ path: i.path, key: i.key }));
  }
  assert.fail('expected a validation error');
}

describe('unit plan rules', () => {
  it('moves draft → submitted → approved, back to draft from submitted or approved, and nothing else', () => {
    assert.equal(canMoveUnitPlan('draft', 'submitted'), true);
    assert.equal(canMoveUnitPlan('submitted', 'approved'), true);
    assert.equal(canMoveUnitPlan('submitted', 'draft'), true);
    assert.equal(canMoveUnitPlan('approved', 'draft'), true);
    assert.equal(canMoveUnitPlan('draft', 'approved'), false);
    assert.equal(canMoveUnitPlan('approved', 'submitted'), false);
    assert.equal(moveAction('submitted'), 'unitPlan.write');
    assert.equal(moveAction('approved'), 'unitPlan.approve');
    assert.equal(moveAction('draft'), 'unitPlan.approve');
  });

  it('drops blank rows, parses amounts with spaces and FTE with a comma', () => {
    const v = parseUnitPlanSave(
      {
        version: '3',
        budgetFrameNok: '12 500 000',
        fte: '12,5',
        headCount: '17',
        actions: [{ title: '', competence: ' ', responsible: '', timing: '', costNok: '' }, { title: 'Kollegarettleiing', competence: 'Demens', responsible: 'Avdelingsleiar', timing: 'Vår', costNok: '45 000' }],
        outlook: [{ year: '2028', title: '', competence: '', costNok: '' }],
        evaluations: [{ title: 'Brukarundersøking', competence: 'Årleg', responsible: '' }],
      },
      2027,
    );
    assert.equal(v.version, 3);
    assert.equal(v.budgetFrameNok, 12_500_000);
    assert.equal(v.fte, 1250);
    assert.equal(v.headCount, 17);
    assert.deepEqual(v.actions.map((a) => [a.title, a.costNok]), [['Kollegarettleiing', 45_000]]);
    assert.equal(v.outlook.length, 0);
    assert.equal(v.evaluations.length, 1);
  });

  it('names a bad row by the line it was sent on, and refuses sketch years outside the four years', () => {
    const bad = issuesOf(() => parseUnitPlanSave({ version: '1', actions: [{ title: '' }, { title: 'A', costNok: 'mange' }] }, 2027));
    assert.deepEqual(bad, [{ path: 'actions.1.costNok', key: "unitPlan.errors.amount" }]);
    const missingTitle = issuesOf(() => parseUnitPlanSave({ version: '1', actions: [{ title: '', competence: 'Berre kompetanse' }] }, 2027));
    assert.equal(missingTitle[0]?.path, 'actions.0.title');
    const year = issuesOf(() => parseUnitPlanSave({ version: '1', outlook: [{ year: '2027', title: 'Blank' }, { year: '2031', title: 'For seint' }] }, 2027));
    assert.deepEqual(year, [{ path: 'outlook.1.year', key: 'unitPlan.errors.outlookYear' }]);
  });

  it('lays the sketch out as four years with their items and cost', () => {
    const years = outlookByYear(
      [
        { year: 2028, title: 'Velferdsteknologi', competence: '', costNok: 80_000 },
        { year: 2028, title: 'Språk', competence: '', costNok: null },
        { year: 2030, title: 'Leiing', competence: '', costNok: 20_000 },
        { year: 2035, title: 'Utanfor', competence: '', costNok: 1 },
      ],
      2027,
    );
    assert.deepEqual(years.map((y) => [y.year, y.items.length, y.costNok]), [[2027, 0, 0], [2028, 2, 80_000], [2029, 0, 0], [2030, 1, 20_000]]);
  });

  it('prefills short-term needs as actions, long-term needs into next year of the sketch and linked measures, skipping what is there', () => {
    const rows = prefillRows(
      {
        planYear: 2027,
        needs: [
          { areaName: 'Demens', term: 'short', description: '', peopleCount: 14, costNok: 30_000, substituteCostNok: 45_000 },
          { areaName: 'Digital', term: 'long', description: 'E-læring for alle', peopleCount: 25, costNok: 0, substituteCostNok: 0 },
          { areaName: 'Språk', term: 'short', description: 'Norskkurs', peopleCount: 2, costNok: 0, substituteCostNok: 0 },
        ],
        measures: [{ id: 'm1', title: 'Demensomsorgens ABC', startDate: '2027-02-01', endDate: '2027-06-01', areaName: 'Demens', providerName: null }],
        existing: [{ section: 'action', title: 'norskkurs', catalogueMeasureId: null }],
      },
      { people: (n) => `${n} personar`, needTitle: (a) => `Behov: ${a}` },
    );
    assert.deepEqual(
      rows.map((r) => [r.section, r.year, r.title, r.costNok, r.catalogueMeasureId]),
      [
        ['action', null, 'Demensomsorgens ABC', null, 'm1'],
        ['action', null, 'Behov: Demens', 75_000, null],
        ['outlook', 2028, 'E-læring for alle', null, null],
      ],
    );
    assert.equal(rows[1]!.competence, 'Demens (14 personar)');
    assert.equal(rows[0]!.timing, '2027-02-01 – 2027-06-01');
  });
});
