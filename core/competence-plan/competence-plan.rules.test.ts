import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../shared/app-error.ts';
import { applyBudgetFrame, canMovePlan, checkOutlook, parsePlanInput, planBudgetLink, shapeAggregate, shapeOutlook, visibleToEmployees, ZPlanOutlookSchema, type NeedGroupRow } from './competence-plan.rules.ts';

const row = (over: Partial<NeedGroupRow>): NeedGroupRow => ({ areaId: 'a1', areaName: 'Leiing', sectorId: 's1', sectorName: 'Oppvekst', term: 'short', needs: 1, units: 1, people: 1, costNok: 0, substituteCostNok: 0, priority: 1, ...over });

describe('shapeAggregate', () => {
  it('adds up areas per term and sector and orders areas by total cost', () => {
    const result = shapeAggregate(
      [
        row({ people: 4, costNok: 1000, substituteCostNok: 500 }),
        row({ term: 'long', sectorId: 's2', sectorName: 'Helse og omsorg', people: 2, costNok: 3000, priority: 3 }),
        row({ areaId: 'a2', areaName: 'Digital kompetanse', people: 10, costNok: 9000, substituteCostNok: 1000, priority: 2 }),
        row({ areaId: 'a2', areaName: 'Digital kompetanse', sectorId: null, sectorName: null, people: 1, costNok: 100 }),
      ],
      [],
    );
    assert.deepEqual(result.areas.map((a) => a.areaId), ['a2', 'a1']);
    const leadership = result.areas[1]!;
    assert.deepEqual(leadership.total, { needs: 2, units: 2, people: 6, costNok: 4000, substituteCostNok: 500, totalNok: 4500 });
    assert.equal(leadership.short.people, 4);
    assert.equal(leadership.long.costNok, 3000);
    // Sectors by name: Helse before Oppvekst.
    assert.deepEqual(leadership.sectors.map((s) => s.sectorName), ['Helse og omsorg', 'Oppvekst']);
    // People-weighted priority: (4·1 + 2·3) / 6.
    assert.equal(leadership.priority, 10 / 6);
    // The municipality's own top unit (no sector) sorts last.
    assert.deepEqual(result.sectors.map((s) => [s.sectorName, s.totalNok]), [['Helse og omsorg', 3000], ['Oppvekst', 11_500], [null, 100]]);
    assert.equal(result.total.totalNok, 14_600);
  });

  it('breaks cost ties by priority, then name', () => {
    const result = shapeAggregate([row({ areaId: 'b', areaName: 'B', costNok: 5, priority: 2 }), row({ areaId: 'c', areaName: 'C', costNok: 5, priority: 1 }), row({ areaId: 'a', areaName: 'A', costNok: 5, priority: 2 })], []);
    assert.deepEqual(result.areas.map((a) => a.areaName), ['C', 'A', 'B']);
  });

  it('computes the measure mix per area and overall, ignoring unknown types', () => {
    const result = shapeAggregate(
      [row({ people: 6 }), row({ areaId: 'a2', areaName: 'X', people: 2 })],
      [
        { areaId: 'a1', measureType: 'external_course', weight: 3 },
        { areaId: 'a1', measureType: 'peer_guidance', weight: 3 },
        { areaId: 'a2', measureType: 'job_rotation', weight: 2 },
        { areaId: 'a2', measureType: 'retired_type', weight: 50 },
      ],
    );
    const a1 = result.areas.find((a) => a.areaId === 'a1')!;
    assert.deepEqual([a1.mix.course, a1.mix.work, a1.mix.workShare], [3, 3, 0.5]);
    assert.deepEqual([result.mix.course, result.mix.work, result.mix.total], [3, 5, 8]);
  });

  it('is empty without rows', () => {
    const result = shapeAggregate([], []);
    assert.deepEqual(result.areas, []);
    assert.equal(result.total.totalNok, 0);
    assert.equal(result.mix.workShare, 0);
  });
});

describe('applyBudgetFrame', () => {
  const items = [
    { id: 'low', priority: 3, position: 0, plannedCostNok: 100 },
    { id: 'high-2', priority: 1, position: 2, plannedCostNok: 300 },
    { id: 'high-1', priority: 1, position: 1, plannedCostNok: 400 },
    { id: 'mid', priority: 2, position: 0, plannedCostNok: 200 },
  ];

  it('orders by priority and position and accumulates the cost', () => {
    const result = applyBudgetFrame(items, 1000);
    assert.deepEqual(result.items.map((i) => [i.id, i.cumulativeNok]), [['high-1', 400], ['high-2', 700], ['mid', 900], ['low', 1000]]);
    assert.equal(result.cutIndex, null);
    assert.equal(result.remainingNok, 0);
  });

  it('marks where the frame runs out', () => {
    const result = applyBudgetFrame(items, 750);
    assert.equal(result.cutIndex, 2);
    assert.deepEqual(result.items.map((i) => i.withinFrame), [true, true, false, false]);
    assert.equal(result.remainingNok, -250);
    assert.equal(result.totalNok, 1000);
  });

  it('cuts before the first item when even that does not fit', () => {
    assert.equal(applyBudgetFrame(items, 399).cutIndex, 0);
  });

  it('has no line without a frame', () => {
    const result = applyBudgetFrame(items, null);
    assert.equal(result.cutIndex, null);
    assert.equal(result.remainingNok, null);
    assert.ok(result.items.every((i) => i.withinFrame));
  });
});

describe('plan status', () => {
  it('goes draft → approved → published, and approved back to draft', () => {
    assert.equal(canMovePlan('draft', 'approved'), true);
    assert.equal(canMovePlan('approved', 'published'), true);
    assert.equal(canMovePlan('approved', 'draft'), true);
    assert.equal(canMovePlan('draft', 'published'), false);
    assert.equal(canMovePlan('published', 'draft'), false);
    assert.equal(canMovePlan('published', 'approved'), false);
  });

  it('shows employees only published plans', () => {
    assert.deepEqual((['draft', 'approved', 'published'] as const).map(visibleToEmployees), [false, false, true]);
  });
});

describe('planBudgetLink (maturity indicator)', () => {
  const items = [
    { id: 'a', priority: 1, position: 0, plannedCostNok: 400 },
    { id: 'b', priority: 2, position: 0, plannedCostNok: 0 },
    { id: 'c', priority: 3, position: 0, plannedCostNok: 500 },
  ];
  it('is not measured before the plan is approved', () => {
    assert.equal(planBudgetLink(null, items), null);
    assert.equal(planBudgetLink({ status: 'draft', budgetFrameNok: 1000 }, items), null);
  });
  it('counts costed items within the frame', () => {
    // a (400) fits, b has no cost, c brings the sum to 900 — within 1000, so 2 of 3.
    assert.deepEqual(planBudgetLink({ status: 'approved', budgetFrameNok: 1000 }, items), { numerator: 2, denominator: 3 });
    // With a frame of 500, c no longer fits.
    assert.deepEqual(planBudgetLink({ status: 'published', budgetFrameNok: 500 }, items), { numerator: 1, denominator: 3 });
  });
  it('links nothing without a frame or without items', () => {
    assert.deepEqual(planBudgetLink({ status: 'approved', budgetFrameNok: null }, items), { numerator: 0, denominator: 3 });
    assert.deepEqual(planBudgetLink({ status: 'approved', budgetFrameNok: 1000 }, []), { numerator: 0, denominator: 1 });
  });
});

describe('the 4-year outlook', () => {
  const A = '00000000-0000-4000-8000-00000000000a';
  const B = '00000000-0000-4000-8000-00000000000b';
  const C = '00000000-0000-4000-8000-00000000000c';
  const names = new Map([[A, 'Helse'], [B, 'Digital'], [C, 'Leiing']]);

  it('counts needs in their year, items in year 1 and the recorded outlook in years 2–4', () => {
    const o = shapeOutlook({
      planYear: 2027,
      needs: [
        { areaId: A, areaName: 'Helse', year: 2027, needs: 2, people: 5, totalNok: 50_000 },
        { areaId: A, areaName: 'Helse', year: 2029, needs: 1, people: 3, totalNok: 90_000 },
        { areaId: B, areaName: 'Digital', year: 2028, needs: 1, people: 10, totalNok: 20_000 },
        // outside the four years: left out
        { areaId: B, areaName: 'Digital', year: 2031, needs: 1, people: 99, totalNok: 999_000 },
      ],
      items: [
        { competenceAreaId: A, areaName: 'Helse', peopleCount: 4, plannedCostNok: 40_000 },
        { competenceAreaId: A, areaName: 'Helse', peopleCount: 1, plannedCostNok: 5_000 },
      ],
      planned: [
        { competenceAreaId: A, year: 2029, plannedCostNok: 80_000, peopleCount: null },
        { competenceAreaId: C, year: 2030, plannedCostNok: 30_000, peopleCount: 6 },
        // year 1 comes from the items, not from the recorded outlook
        { competenceAreaId: B, year: 2027, plannedCostNok: 1, peopleCount: 1 },
      ],
      areaNames: names,
    });
    assert.deepEqual(o.years, [2027, 2028, 2029, 2030]);
    assert.deepEqual(o.areas.map((a) => a.areaName), ['Helse', 'Digital', 'Leiing']);
    const helse = o.areas[0]!;
    assert.deepEqual(helse.cells.map((c) => [c.needPeople, c.needNok, c.plannedPeople, c.plannedNok]), [
      [5, 50_000, 5, 45_000],
      [0, 0, null, null],
      [3, 90_000, null, 80_000],
      [0, 0, null, null],
    ]);
    const digital = o.areas[1]!;
    assert.equal(digital.cells[0]!.plannedNok, null);
    assert.equal(digital.cells[1]!.needPeople, 10);
    assert.equal(o.areas[2]!.cells[3]!.plannedPeople, 6);
    assert.deepEqual(o.totals.map((c) => c.needNok), [50_000, 20_000, 90_000, 0]);
    assert.deepEqual(o.totals.map((c) => c.plannedNok), [45_000, null, 80_000, 30_000]);
    assert.equal(o.withNeeds, true);
  });

  it('without the needs (the published plan for everyone) shows only what is planned', () => {
    const o = shapeOutlook({ planYear: 2027, needs: null, items: [{ competenceAreaId: A, areaName: 'Helse', peopleCount: 2, plannedCostNok: 10 }], planned: [], areaNames: names });
    assert.equal(o.withNeeds, false);
    assert.ok(o.areas[0]!.cells.every((c) => c.needNok === null && c.needPeople === null));
    assert.equal(o.totals[0]!.plannedNok, 10);
    assert.equal(o.totals[0]!.needNok, null);
  });

  it('checks the recorded outlook: years after the plan year only, each area and year once, people need an amount', () => {
    const entry = (year: number, plannedCostNok: number | null, peopleCount: number | null = null, competenceAreaId = A) => ({ competenceAreaId, year, plannedCostNok, peopleCount });
    const ok = checkOutlook([entry(2028, 100), entry(2029, null), entry(2030, 0, 2), entry(2028, 5, null, B)], 2027);
    assert.deepEqual(ok.issues, []);
    assert.deepEqual(ok.keep.map((e) => [e.competenceAreaId, e.year, e.plannedCostNok]), [[A, 2028, 100], [A, 2030, 0], [B, 2028, 5]]);
    const bad = checkOutlook([entry(2027, 1), entry(2031, 1), entry(2028, 1), entry(2028, 2), entry(2029, null, 3)], 2027);
    assert.deepEqual(bad.issues.map((i) => [i.path, i.key]), [
      ['entries.0.year', 'competencePlan.errors.outlookYear'],
      ['entries.1.year', 'competencePlan.errors.outlookYear'],
      ['entries.3.plannedCostNok', 'competencePlan.errors.outlookDuplicate'],
      ['entries.4.plannedCostNok', 'competencePlan.errors.outlookAmountRequired'],
    ]);
  });

  it('parses amounts as whole kroner with spaces, empty as not decided, and refuses negatives', () => {
    const parsed = parsePlanInput(ZPlanOutlookSchema, { planVersion: '2', entries: [{ competenceAreaId: A, year: '2028', plannedCostNok: '120 000', peopleCount: '' }] });
    assert.deepEqual(parsed.entries[0], { competenceAreaId: A, year: 2028, plannedCostNok: 120_000, peopleCount: null });
    assert.throws(() => parsePlanInput(ZPlanOutlookSchema, { planVersion: '2', entries: [{ competenceAreaId: A, year: '2028', plannedCostNok: '-5', peopleCount: '' }] }), (e: unknown) => e instanceof AppError && e.issues[0]!.path === 'entries.0.plannedCostNok');
  });
});
