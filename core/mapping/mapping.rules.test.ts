import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../shared/app-error.ts';
import type { Role } from '../shared/actor.ts';
import { can } from '../shared/policy.ts';
import { buildActor } from '../auth/build-actor.ts';
import {
  costSums,
  countCategories,
  defaultCycleYear,
  isBlankNeedRow,
  isEditable,
  lateness,
  nextStatus,
  overviewCategory,
  parseMappingInput,
  pickFormMilestone,
  longTermYears,
  resolveNeedYear,
  rollOverNeeds,
  rollOverYear,
  submitIssues,
  summariseNeeds,
  wheelStatusFor,
  ZFormContentSchema,
  ZOfferSchema,
  type StoredNeed,
} from './mapping.rules.ts';

const AREA = '00000000-0000-4000-8000-000000000001';
const OTHER_AREA = '00000000-0000-4000-8000-000000000002';
const BASIS = '00000000-0000-4000-8000-000000000003';

function issuesOf(fn: () => unknown): Array<{ path: string; key: string }> {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof AppError);
    return error.issues.map((i) => ({ path: i.path, key: i.key }));
  }
  assert.fail('expected a validation error');
}

describe('form status transitions', () => {
  it('lets the unit hand in a draft or a returned form, and the coordinator return or approve a handed-in one', () => {
    assert.equal(nextStatus('draft', 'submit'), 'submitted');
    assert.equal(nextStatus('returned', 'submit'), 'submitted');
    assert.equal(nextStatus('submitted', 'submit'), null);
    assert.equal(nextStatus('approved', 'submit'), null);
    assert.equal(nextStatus('submitted', 'return'), 'returned');
    assert.equal(nextStatus('approved', 'return'), 'returned');
    assert.equal(nextStatus('draft', 'return'), null);
    assert.equal(nextStatus('submitted', 'approve'), 'approved');
    assert.equal(nextStatus('draft', 'approve'), null);
    assert.equal(nextStatus('returned', 'approve'), null);
  });

  it('keeps the content editable only while the form is with the unit', () => {
    assert.deepEqual(
      (['draft', 'submitted', 'returned', 'approved'] as const).map(isEditable),
      [true, false, true, false],
    );
  });

  it('maps form statuses to the wheel: in progress while with the unit, done when handed in', () => {
    assert.equal(wheelStatusFor('draft'), 'in_progress');
    assert.equal(wheelStatusFor('returned'), 'in_progress');
    assert.equal(wheelStatusFor('submitted'), 'done');
    assert.equal(wheelStatusFor('approved'), 'done');
  });
});

describe('lateness', () => {
  it('is late once past the deadline without a handed-in form, and records a late hand-in', () => {
    assert.equal(lateness(null, 'draft', null, '2026-12-01'), 'no_deadline');
    assert.equal(lateness('2026-11-01', 'draft', null, '2026-11-01'), 'on_time');
    assert.equal(lateness('2026-11-01', 'draft', null, '2026-11-02'), 'late');
    assert.equal(lateness('2026-11-01', 'missing', null, '2026-11-02'), 'late');
    assert.equal(lateness('2026-11-01', 'returned', null, '2026-11-05'), 'late');
    assert.equal(lateness('2026-11-01', 'submitted', '2026-10-30', '2026-12-01'), 'on_time');
    assert.equal(lateness('2026-11-01', 'approved', '2026-11-03', '2026-12-01'), 'submitted_late');
  });

  it('puts each unit in one overview category', () => {
    assert.equal(overviewCategory('2026-11-01', 'missing', '2026-10-01'), 'missing');
    assert.equal(overviewCategory('2026-11-01', 'missing', '2026-11-02'), 'late');
    assert.equal(overviewCategory('2026-11-01', 'draft', '2026-10-01'), 'draft');
    assert.equal(overviewCategory('2026-11-01', 'returned', '2026-11-02'), 'late');
    assert.equal(overviewCategory('2026-11-01', 'submitted', '2026-11-02'), 'submitted');
    assert.equal(overviewCategory(null, 'approved', '2026-11-02'), 'approved');
    assert.deepEqual(countCategories(['late', 'late', 'approved']), { approved: 1, submitted: 0, draft: 0, late: 2, missing: 0 });
  });
});

describe('sums and the measure mix', () => {
  const needs = [
    { term: 'short' as const, peopleCount: 4, measureTypes: ['external_course' as const], costNok: 12_000, substituteCostNok: 30_000 },
    { term: 'long' as const, peopleCount: 6, measureTypes: ['peer_guidance' as const, 'study_group' as const], costNok: 0, substituteCostNok: 8_000 },
    { term: 'short' as const, peopleCount: 2, measureTypes: [], costNok: 500, substituteCostNok: 0 },
  ];

  it('sums cost and substitute cost separately and together', () => {
    assert.deepEqual(costSums(needs), { costNok: 12_500, substituteCostNok: 38_000, totalNok: 50_500 });
    assert.deepEqual(costSums([]), { costNok: 0, substituteCostNok: 0, totalNok: 0 });
  });

  it('splits by term and weighs the mix by people, each need counted once', () => {
    const s = summariseNeeds(needs);
    assert.deepEqual(s.short, { costNok: 12_500, substituteCostNok: 30_000, totalNok: 42_500, needs: 2, people: 6 });
    assert.equal(s.long.needs, 1);
    assert.equal(s.total.people, 12);
    assert.equal(s.mix.course, 4);
    assert.equal(s.mix.work, 6);
    assert.equal(s.mix.workShare, 0.6);
  });
});

describe('roll-over', () => {
  const previous: StoredNeed[] = [
    { term: 'long', year: 2027, competenceAreaId: AREA, description: 'Demens', basisEntryId: BASIS, whyText: '', peopleCount: 5, measureTypes: ['job_shadowing'], priority: 1, costNok: 100, substituteCostNok: 200 },
    { term: 'short', year: 2026, competenceAreaId: OTHER_AREA, description: 'Dokumentasjon', basisEntryId: null, whyText: 'Tilsyn', peopleCount: 3, measureTypes: [], priority: 2, costNok: 0, substituteCostNok: 0 },
  ];

  it('copies every need as carried over, in order, following merges and dropping archived links', () => {
    const copied = rollOverNeeds(previous, { cycleYear: 2027, mergedInto: new Map([[OTHER_AREA, AREA]]), liveBasisIds: new Set() });
    assert.equal(copied.length, 2);
    assert.ok(copied.every((n) => n.carriedOver));
    assert.deepEqual(copied.map((n) => n.position), [0, 1]);
    assert.equal(copied[1]!.competenceAreaId, AREA);
    assert.equal(copied[0]!.basisEntryId, null);
    assert.equal(copied[1]!.whyText, 'Tilsyn');
    assert.equal(copied[0]!.substituteCostNok, 200);
    // A copy, not the same arrays: editing the new form leaves last year's alone.
    assert.notEqual(copied[0]!.measureTypes, previous[0]!.measureTypes);
    const kept = rollOverNeeds(previous, { cycleYear: 2027, mergedInto: new Map(), liveBasisIds: new Set([BASIS]) });
    assert.equal(kept[0]!.basisEntryId, BASIS);
    assert.equal(kept[1]!.competenceAreaId, OTHER_AREA);
  });

  it('moves each need forward with the calendar: a long-term need whose year has come becomes short-term', () => {
    const copied = rollOverNeeds(previous, { cycleYear: 2027, mergedInto: new Map(), liveBasisIds: new Set() });
    // Last year's long-term need for 2027 is this year's short-term need; last year's short-term need is still due now.
    assert.deepEqual(copied.map((n) => [n.term, n.year]), [['short', 2027], ['short', 2027]]);
    const later = rollOverNeeds([{ ...previous[0]!, year: 2029 }], { cycleYear: 2027, mergedInto: new Map(), liveBasisIds: new Set() });
    assert.deepEqual([later[0]!.term, later[0]!.year], ['long', 2029]);
  });
});

describe('the 4-year outlook of a need', () => {
  it('a short-term need belongs to the cycle year; another year is refused', () => {
    assert.deepEqual(resolveNeedYear('short', null, 2027), { year: 2027 });
    assert.deepEqual(resolveNeedYear('short', 2027, 2027), { year: 2027 });
    assert.deepEqual(resolveNeedYear('short', 2028, 2027), { key: 'mapping.errors.shortTermYear' });
  });

  it('a long-term need is expected in one of the three years after the cycle year, next year by default', () => {
    assert.deepEqual(longTermYears(2027), [2028, 2029, 2030]);
    assert.deepEqual(resolveNeedYear('long', null, 2027), { year: 2028 });
    assert.deepEqual(resolveNeedYear('long', 2030, 2027), { year: 2030 });
    assert.deepEqual(resolveNeedYear('long', 2031, 2027), { key: 'mapping.errors.yearOutOfRange' });
    assert.deepEqual(resolveNeedYear('long', 2027, 2027), { key: 'mapping.errors.yearOutOfRange' });
    assert.deepEqual(resolveNeedYear('long', 2026, 2027), { key: 'mapping.errors.yearOutOfRange' });
  });

  it('roll-over years: due or past → short this year; ahead → long in its year, never beyond the outlook', () => {
    assert.deepEqual(rollOverYear(2026, 2028), { term: 'short', year: 2028 });
    assert.deepEqual(rollOverYear(2028, 2028), { term: 'short', year: 2028 });
    assert.deepEqual(rollOverYear(2030, 2028), { term: 'long', year: 2030 });
    assert.deepEqual(rollOverYear(2035, 2028), { term: 'long', year: 2031 });
  });

  it('the form schema takes the year as a number, empty as not given, and refuses text', () => {
    const base = { version: '1', discussionDate: '', participantsText: '', participantPersonIds: [] };
    const need = { term: 'long', competenceAreaId: AREA, description: '', basisEntryId: '', whyText: '', peopleCount: '2', measureTypes: [], priority: '2', costNok: '', substituteCostNok: '', carriedOver: '' };
    assert.equal(parseMappingInput(ZFormContentSchema, { ...base, needs: [{ ...need, year: '2029' }] }).needs[0]!.year, 2029);
    assert.equal(parseMappingInput(ZFormContentSchema, { ...base, needs: [{ ...need, year: '' }] }).needs[0]!.year, null);
    assert.throws(() => parseMappingInput(ZFormContentSchema, { ...base, needs: [{ ...need, year: 'neste år' }] }), (e: unknown) => e instanceof AppError && e.issues.some((i) => i.path === 'needs.0.year'));
  });
});

describe('cycles and milestones', () => {
  it('opens on the latest cycle up to next year', () => {
    assert.equal(defaultCycleYear([], '2026-12-02'), null);
    assert.equal(defaultCycleYear([2025, 2026, 2027, 2029], '2026-12-02'), 2027);
    assert.equal(defaultCycleYear([2030], '2026-12-02'), 2030);
  });

  it('counts a form for the earliest mapping_form milestone that targets the unit', () => {
    const ms = [
      { id: 'rollover', deadline: '2027-04-01', concerns: 'mapping_form', forUnit: true },
      { id: 'plan', deadline: '2026-10-01', concerns: 'municipal_plan', forUnit: true },
      { id: 'forms', deadline: '2026-11-01', concerns: 'mapping_form', forUnit: true },
      { id: 'other-units', deadline: '2026-09-01', concerns: 'mapping_form', forUnit: false },
    ];
    assert.equal(pickFormMilestone(ms, (m) => m.forUnit)?.id, 'forms');
    assert.equal(pickFormMilestone(ms, () => false), null);
  });
});

describe('validation', () => {
  const need = { term: 'short', competenceAreaId: AREA, description: ' Forflytting ', basisEntryId: '', whyText: '', peopleCount: '4', measureTypes: ['peer_guidance'], priority: '1', costNok: '12 000', substituteCostNok: '', carriedOver: '' };

  it('parses form input: trimmed text, NOK with spaces, empty costs as 0', () => {
    const parsed = parseMappingInput(ZFormContentSchema, { version: '3', discussionDate: '2026-10-20', participantsText: ' Alle på avdelinga ', participantPersonIds: [], needs: [need] });
    assert.equal(parsed.version, 3);
    assert.equal(parsed.participantsText, 'Alle på avdelinga');
    assert.equal(parsed.needs[0]!.description, 'Forflytting');
    assert.equal(parsed.needs[0]!.costNok, 12_000);
    assert.equal(parsed.needs[0]!.substituteCostNok, 0);
    assert.equal(parsed.needs[0]!.basisEntryId, null);
    assert.equal(parsed.needs[0]!.carriedOver, false);
  });

  it('refuses missing areas, people, bad measure types, priorities and negative costs, naming the field', () => {
    const issues = issuesOf(() =>
      parseMappingInput(ZFormContentSchema, {
        version: '1',
        discussionDate: '20.10.2026',
        participantsText: '',
        needs: [{ ...need, competenceAreaId: '', peopleCount: '0', measureTypes: ['course'], priority: '4', costNok: '-5' }],
      }),
    );
    const paths = issues.map((i) => i.path);
    for (const p of ['discussionDate', 'needs.0.competenceAreaId', 'needs.0.peopleCount', 'needs.0.priority', 'needs.0.costNok']) assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);
    assert.ok(paths.some((p) => p.startsWith('needs.0.measureTypes')));
    assert.equal(issues.find((i) => i.path === 'needs.0.competenceAreaId')?.key, 'errors.field.required');
  });

  it('refuses a stale or missing version', () => {
    assert.ok(issuesOf(() => parseMappingInput(ZFormContentSchema, { version: '', needs: [] })).some((i) => i.path === 'version'));
  });

  it('drops blank need rows but keeps a row with anything in it', () => {
    assert.equal(isBlankNeedRow({ term: 'short', competenceAreaId: '', description: ' ', peopleCount: '', measureTypes: [], priority: '2', costNok: '', substituteCostNok: '' }), true);
    assert.equal(isBlankNeedRow({ term: 'short', competenceAreaId: '', description: 'Noko', measureTypes: [] }), false);
    assert.equal(isBlankNeedRow({ term: 'long', measureTypes: ['network'] }), false);
  });

  it('asks for the joint discussion and a need before the form can be handed in', () => {
    assert.deepEqual(
      submitIssues({ discussionDate: null, participantsText: '', participantPersonIds: [], needCount: 0 }, '2026-10-01').map((i) => i.key),
      ['mapping.errors.discussionRequired', 'mapping.errors.participantsRequired', 'mapping.errors.needsRequired'],
    );
    assert.deepEqual(submitIssues({ discussionDate: '2026-10-02', participantsText: 'Alle', participantPersonIds: [], needCount: 1 }, '2026-10-01').map((i) => i.key), ['mapping.errors.discussionInFuture']);
    assert.deepEqual(submitIssues({ discussionDate: '2026-09-30', participantsText: '', participantPersonIds: [AREA], needCount: 1 }, '2026-10-01'), []);
  });

  it('requires a person for an instructor offer', () => {
    assert.deepEqual(issuesOf(() => parseMappingInput(ZOfferSchema, { kind: 'instructor', personId: '', title: 'Forflytting' })), [{ path: 'personId', key: 'mapping.errors.instructorRequired' }]);
    assert.equal(parseMappingInput(ZOfferSchema, { kind: 'programme', title: 'Leiarskule', capacity: '12' }).capacity, 12);
  });
});

describe('who may read and change a form (policy)', () => {
  const T = '11111111-1111-4111-8111-111111111111';
  const actor = (roles: Role[], leads: string[] = [], works: string[] = []) =>
    buildActor({ tenantId: T, accountId: 'a', personId: works.length || leads.length ? 'p' : null, assignedRoles: roles, leaderUnitPaths: leads, ownUnitPaths: works });
  const unit = { tenantId: T, unitPaths: ['r/a'] };
  const sub = { tenantId: T, unitPaths: ['r/a/b'] };
  const sibling = { tenantId: T, unitPaths: ['r/ab'] };

  it('lets leaders edit their units and the units below, nobody else', () => {
    const leader = actor([], ['r/a'], ['r/a']);
    assert.equal(can(leader, 'mapping.form.edit', unit), true);
    assert.equal(can(leader, 'mapping.form.edit', sub), true);
    assert.equal(can(leader, 'mapping.form.edit', sibling), false);
    assert.equal(can(actor(['coordinator']), 'mapping.form.edit', unit), false, 'the form is the unit’s word');
    assert.equal(can(actor(['tenant_admin']), 'mapping.form.edit', unit), false);
  });

  it('keeps drafts to the unit’s leaders and coordinators; handed-in forms also to the unit’s employees and executives', () => {
    const own = actor([], [], ['r/a/b']);
    const other = actor([], [], ['r/c']);
    const executive = actor(['executive']);
    assert.equal(can(own, 'mapping.form.readDraft', unit), false);
    assert.equal(can(executive, 'mapping.form.readDraft', unit), false);
    assert.equal(can(actor(['coordinator']), 'mapping.form.readDraft', unit), true);
    assert.equal(can(actor([], ['r']), 'mapping.form.readDraft', unit), true, 'a leader above the unit');
    assert.equal(can(own, 'mapping.form.read', unit), true, 'employed in a unit below');
    assert.equal(can(actor([], [], ['r']), 'mapping.form.read', unit), false, 'employed above the unit is not the unit');
    assert.equal(can(other, 'mapping.form.read', unit), false);
    assert.equal(can(actor(['union_rep']), 'mapping.form.read', unit), false);
    assert.equal(can(executive, 'mapping.form.read', unit), true);
    assert.equal(can(executive, 'mapping.overview', { tenantId: T }), true);
    assert.equal(can(own, 'mapping.overview', { tenantId: T }), false);
    assert.equal(can(actor(['coordinator']), 'mapping.form.read', { tenantId: 'another' }), false, 'never across tenants');
  });

  it('lets leaders propose areas and coordinators keep the vocabulary and decide', () => {
    assert.equal(can(actor([], ['r/a']), 'mapping.propose', { tenantId: T }), true);
    assert.equal(can(actor([], [], ['r/a']), 'mapping.propose', { tenantId: T }), false);
    assert.equal(can(actor([], ['r/a']), 'mapping.vocabulary', { tenantId: T }), false);
    assert.equal(can(actor(['coordinator']), 'mapping.vocabulary', { tenantId: T }), true);
    assert.equal(can(actor(['executive']), 'mapping.form.decide', { tenantId: T }), false);
    assert.equal(can(actor(['coordinator']), 'mapping.form.decide', { tenantId: T }), true);
    assert.equal(can(actor([], ['r/a']), 'mapping.unit.write', sub), true);
    assert.equal(can(actor([], ['r/a']), 'mapping.unit.write', sibling), false);
  });
});
