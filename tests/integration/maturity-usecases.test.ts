// Maturity use cases against the real database: survey rounds and invitations, anonymous answers
// (answering twice refused, no account reachable from a response row, results hidden below the
// minimum and while the round is open), the checklist with the leader's scope and optimistic
// locking, and the measured stage from the wheel's on-time share.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { AppError } from '../../core/shared/app-error.ts';
import type { AccountActor } from '../../core/shared/actor.ts';
import { createMilestone } from '../../core/annual-wheel/create-milestone.ts';
import { setUnitStatus } from '../../core/annual-wheel/set-unit-status.ts';
import { getWheelYear } from '../../core/annual-wheel/get-wheel-year.ts';
import { openSurveyRound } from '../../core/maturity/open-survey-round.ts';
import { setSurveyRoundStatus } from '../../core/maturity/close-survey-round.ts';
import { inviteRespondents } from '../../core/maturity/invite-respondents.ts';
import { getSurveyAdmin } from '../../core/maturity/get-survey-admin.ts';
import { getSurveyForm } from '../../core/maturity/get-survey-form.ts';
import { submitSurveyResponse } from '../../core/maturity/submit-survey-response.ts';
import { getSurveyResults } from '../../core/maturity/get-survey-results.ts';
import { getMaturity } from '../../core/maturity/get-maturity.ts';
import { applyChecklistTemplate } from '../../core/maturity/apply-checklist-template.ts';
import { addChecklistItem } from '../../core/maturity/add-checklist-item.ts';
import { archiveChecklistItem } from '../../core/maturity/archive-checklist-item.ts';
import { getChecklistOverview } from '../../core/maturity/get-checklist-overview.ts';
import { getChecklistForm } from '../../core/maturity/get-checklist-form.ts';
import { saveChecklist } from '../../core/maturity/save-checklist.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { actorFor, createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

async function rejects(promise: Promise<unknown>, code: string, key?: string): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, `expected AppError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (key) assert.ok(error.issues.some((i) => i.key === key) || error.messageKey === key, `expected ${key}, got ${JSON.stringify(error.issues)} ${error.messageKey}`);
    return error;
  }
  assert.fail(`expected ${code}`);
}

describe('maturity use cases', () => {
  let t: TestDatabase;
  let tenantId: string;
  let unitA: Awaited<ReturnType<typeof createUnit>>;
  let unitB: Awaited<ReturnType<typeof createUnit>>;
  let deptA: Awaited<ReturnType<typeof createUnit>>;
  let coordinator: AccountActor;
  let executive: AccountActor;
  let leaderA: AccountActor;
  let leaderB: AccountActor;
  let unionReps: AccountActor[];
  let employee: AccountActor;
  let middle: AccountActor[];
  let foreignCoordinator: AccountActor;
  let roundId: string;
  const language = 'nn' as const;

  before(async () => {
    t = await createTestDatabase();
    const db = t.database;
    tenantId = (await createTenant(db)).id;
    const root = await createUnit(db, tenantId, { name: 'Fjordvik kommune', kind: 'kommune' });
    unitA = await createUnit(db, tenantId, { parent: root, name: 'Fjordheimen', kind: 'eining' });
    unitB = await createUnit(db, tenantId, { parent: root, name: 'Sentrum skule', kind: 'eining' });
    deptA = await createUnit(db, tenantId, { parent: unitA, name: 'Avdeling A', kind: 'avdeling' });
    const la = await createPerson(db, tenantId, { unitId: unitA.id });
    await makeLeader(db, tenantId, unitA.id, la.person.id);
    const lb = await createPerson(db, tenantId, { unitId: unitB.id });
    await makeLeader(db, tenantId, unitB.id, lb.person.id);
    const e = await createPerson(db, tenantId, { unitId: unitA.id });
    coordinator = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['coordinator'] }));
    executive = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['executive'] }));
    leaderA = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: la.person.id }));
    leaderB = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: lb.person.id }));
    employee = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: e.person.id }));
    unionReps = [];
    for (let i = 0; i < 2; i += 1) unionReps.push(await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['union_rep'] })));
    middle = [leaderA, leaderB, employee];
    const other = await createTenant(db);
    await createUnit(db, other.id, { kind: 'kommune' });
    foreignCoordinator = await actorFor(db, other.id, await createAccount(db, other.id, { roles: ['coordinator'] }));
  });
  after(() => t.close());

  it('opens one round per year, only for coordinators, and invites groups by role or by name', async () => {
    const input = { year: '2026', title: 'Sjølvvurdering 2026', minGroupSize: '' };
    await rejects(openSurveyRound({ database: t.database, actor: employee, input }), 'FORBIDDEN');
    await rejects(openSurveyRound({ database: t.database, actor: coordinator, input: { ...input, minGroupSize: '2' } }), 'VALIDATION');
    roundId = (await openSurveyRound({ database: t.database, actor: coordinator, input })).id;
    await rejects(openSurveyRound({ database: t.database, actor: coordinator, input }), 'CONFLICT', 'maturity.errors.roundExists');

    assert.equal((await inviteRespondents({ database: t.database, actor: coordinator, roundId, input: { group: 'leaders', source: 'roles' } })).added, 2);
    assert.equal((await inviteRespondents({ database: t.database, actor: coordinator, roundId, input: { group: 'union', source: 'roles' } })).added, 2);
    // Middle managers as an explicit list; the coordinator is already in the leader group and keeps it.
    const ids = [...middle.map((a) => a.accountId), coordinator.accountId];
    assert.equal((await inviteRespondents({ database: t.database, actor: coordinator, roundId, input: { group: 'middle', source: 'accounts', accountIds: ids } })).added, 3);
    await rejects(inviteRespondents({ database: t.database, actor: leaderA, roundId, input: { group: 'middle', source: 'roles' } }), 'FORBIDDEN');

    const admin = await getSurveyAdmin({ database: t.database, actor: coordinator, year: 2026 });
    assert.deepEqual(admin.progress, [
      { group: 'leaders', invited: 2, answered: 0 },
      { group: 'union', invited: 2, answered: 0 },
      { group: 'middle', invited: 3, answered: 0 },
    ]);
    assert.equal(admin.round?.minGroupSize, 3);
  });

  it('takes one anonymous answer per invited account and refuses a second', async () => {
    const form = await getSurveyForm({ database: t.database, actor: leaderA });
    assert.deepEqual(form.rounds.map((r) => [r.year, r.answered]), [[2026, false]]);
    await submitSurveyResponse({ database: t.database, actor: leaderA, roundId, input: { municipalityPriority: '4', sectorPriority: '6', systemOverview: 'no' } });
    await rejects(submitSurveyResponse({ database: t.database, actor: leaderA, roundId, input: { municipalityPriority: '9' } }), 'CONFLICT', 'maturity.errors.alreadyAnswered');
    assert.equal((await getSurveyForm({ database: t.database, actor: leaderA })).rounds[0]!.answered, true);
    // Not invited: the round does not exist for them.
    const outsider = await actorFor(t.database, tenantId, await createAccount(t.database, tenantId, { roles: ['mentor'] }));
    await rejects(submitSurveyResponse({ database: t.database, actor: outsider, roundId, input: { municipalityPriority: '5' } }), 'NOT_FOUND');
    await rejects(submitSurveyResponse({ database: t.database, actor: leaderB, roundId, input: { municipalityPriority: '11' } }), 'VALIDATION', 'maturity.errors.scale');
    const rows = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from maturity_survey_responses`);
    assert.equal(rows[0]!.n, 1, 'the refused answers stored nothing');
  });

  it('stores responses with no account, no time and fresh ids, and the marker with no link to a response', async () => {
    const columns = async (table: string) =>
      (await queryRows<{ column_name: string; data_type: string }>(t.database.db, sql`select column_name, data_type from information_schema.columns where table_name = ${table} order by column_name`)).map((c) => `${c.column_name}:${c.data_type}`);
    assert.deepEqual(await columns('maturity_survey_responses'), ['answers:jsonb', 'id:uuid', 'respondent_group:text', 'round_id:uuid', 'tenant_id:uuid']);
    assert.deepEqual(await columns('maturity_survey_participations'), ['account_id:uuid', 'round_id:uuid', 'tenant_id:uuid']);
    const fks = await queryRows<{ table_name: string; foreign_table: string }>(
      t.database.db,
      sql`select tc.table_name, ccu.table_name as foreign_table from information_schema.table_constraints tc
          join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
          where tc.constraint_type = 'FOREIGN KEY' and tc.table_name in ('maturity_survey_responses', 'maturity_survey_participations') order by 1, 2`,
    );
    assert.deepEqual(fks.map((f) => `${f.table_name}->${f.foreign_table}`), ['maturity_survey_participations->accounts', 'maturity_survey_participations->maturity_survey_rounds', 'maturity_survey_responses->maturity_survey_rounds']);
    // Each answer rewrites the round's responses with new ids: an earlier row's id is gone.
    const beforeIds = (await queryRows<{ id: string }>(t.database.db, sql`select id from maturity_survey_responses`)).map((r) => r.id);
    await submitSurveyResponse({ database: t.database, actor: leaderB, roundId, input: { municipalityPriority: '6', sectorPriority: '7', systemOverview: 'yes' } });
    const afterIds = (await queryRows<{ id: string }>(t.database.db, sql`select id from maturity_survey_responses`)).map((r) => r.id);
    assert.equal(afterIds.length, 2);
    assert.ok(beforeIds.every((id) => !afterIds.includes(id)));
  });

  it('shows results only for a closed round and only for groups at the minimum size', async () => {
    await submitSurveyResponse({ database: t.database, actor: employee, roundId, input: { municipalityPriority: '8', sectorPriority: '5', systemOverview: 'yes' } });
    await submitSurveyResponse({ database: t.database, actor: unionReps[0]!, roundId, input: { municipalityPriority: '2' } });
    await submitSurveyResponse({ database: t.database, actor: coordinator, roundId, input: { municipalityPriority: '7' } });
    await rejects(getSurveyResults({ database: t.database, actor: leaderA, year: 2026 }), 'FORBIDDEN');
    const open = await getSurveyResults({ database: t.database, actor: coordinator, year: 2026 });
    assert.equal(open.groups, null, 'nothing while the round is open');
    const admin = await getSurveyAdmin({ database: t.database, actor: coordinator, year: 2026 });
    assert.deepEqual(admin.progress.map((p) => p.answered), [1, 1, 3]);
    await rejects(setSurveyRoundStatus({ database: t.database, actor: coordinator, roundId, input: { status: 'closed', version: '9' } }), 'STALE_VERSION');
    await setSurveyRoundStatus({ database: t.database, actor: coordinator, roundId, input: { status: 'closed', version: String(admin.round!.version) } });
    await rejects(submitSurveyResponse({ database: t.database, actor: unionReps[1]!, roundId, input: { municipalityPriority: '3' } }), 'CONFLICT', 'maturity.errors.roundClosed');

    const results = await getSurveyResults({ database: t.database, actor: unionReps[0]!, year: 2026 });
    const [leaders, union, mid] = results.groups!;
    assert.deepEqual([leaders!.shown, union!.shown, mid!.shown], [false, false, true]);
    assert.deepEqual(leaders!.questions, [], 'a hidden group gives nothing away');
    const c = mid!.questions.find((q) => q.key === 'municipalityPriority');
    assert.ok(c && c.kind === 'scale');
    assert.equal(c.mean, 6);
    assert.deepEqual(c.distribution, [0, 0, 0, 1, 0, 1, 0, 1, 0, 0]);
    const g1 = mid!.questions.find((q) => q.key === 'systemOverview');
    assert.ok(g1 && g1.kind === 'yesNo');
    assert.deepEqual([g1.yes, g1.no], [2, 1]);
    // Another tenant sees no round.
    assert.equal((await getSurveyResults({ database: t.database, actor: foreignCoordinator, year: 2026 })).round, null);
  });

  it('keeps the checklist template once, lets the tenant adjust it, and lets a leader fill only own units', async () => {
    await rejects(applyChecklistTemplate({ database: t.database, actor: leaderA }), 'FORBIDDEN');
    assert.equal((await applyChecklistTemplate({ database: t.database, actor: coordinator })).items, 12);
    await rejects(applyChecklistTemplate({ database: t.database, actor: coordinator }), 'CONFLICT', 'maturity.errors.checklistExists');
    const own = await addChecklistItem({ database: t.database, actor: coordinator, input: { text: 'Vi har ein plan for nytilsette' } });
    let overview = await getChecklistOverview({ database: t.database, actor: coordinator, year: 2026 });
    assert.equal(overview.items.length, 13);
    const dropped = overview.items.find((i) => i.seedKey === 'substitutes')!;
    await archiveChecklistItem({ database: t.database, actor: coordinator, input: { itemId: dropped.id, version: String(dropped.version) } });
    await rejects(archiveChecklistItem({ database: t.database, actor: coordinator, input: { itemId: dropped.id, version: String(dropped.version) } }), 'NOT_FOUND');

    // The year needs a wheel cycle: a mapping-form milestone creates it (and feeds the stage below).
    await rejects(saveChecklist({ database: t.database, actor: leaderA, year: 2026, unitId: unitA.id, input: {} }), 'CONFLICT', 'maturity.errors.noCycle');
    const { id: milestoneId } = await createMilestone({
      database: t.database,
      actor: coordinator,
      year: 2026,
      input: { title: 'Kartleggingsskjema levert', description: '', deadline: '2026-12-20', ownerRole: 'unit_leader', concerns: 'mapping_form', target: 'units', targetUnitIds: [unitA.id, unitB.id], reminderOffsets: '3', overdueEveryDays: '0', escalateAfterDays: '' },
      language,
    });

    const form = await getChecklistForm({ database: t.database, actor: leaderA, year: 2026, unitId: unitA.id });
    assert.equal(form.items.length, 12);
    assert.equal(form.canWrite, true);
    const input: Record<string, unknown> = { version: '' };
    form.items.forEach((item, i) => {
      input[`answer.${item.id}`] = i < 6 ? 'yes' : i < 9 ? 'partly' : 'no';
    });
    input[`comment.${own.id}`] = 'Kjem i vår';
    await rejects(saveChecklist({ database: t.database, actor: leaderA, year: 2026, unitId: unitB.id, input }), 'FORBIDDEN');
    await rejects(saveChecklist({ database: t.database, actor: employee, year: 2026, unitId: unitA.id, input }), 'FORBIDDEN');
    await rejects(saveChecklist({ database: t.database, actor: leaderA, year: 2026, unitId: unitA.id, input: { ...input, [`answer.${own.id}`]: '' } }), 'VALIDATION', 'errors.field.required');
    const { version } = await saveChecklist({ database: t.database, actor: leaderA, year: 2026, unitId: unitA.id, input });
    assert.equal(version, 1);
    await rejects(saveChecklist({ database: t.database, actor: coordinator, year: 2026, unitId: unitA.id, input }), 'STALE_VERSION');
    // A leader also fills the departments under the unit.
    assert.equal((await getChecklistForm({ database: t.database, actor: leaderA, year: 2026, unitId: deptA.id })).canWrite, true);
    await rejects(getChecklistForm({ database: t.database, actor: leaderB, year: 2026, unitId: unitA.id }), 'FORBIDDEN');

    const leaderView = await getChecklistOverview({ database: t.database, actor: leaderA, year: 2026 });
    assert.deepEqual(leaderView.units.map((u) => u.name), ['Fjordheimen', 'Avdeling A']);
    overview = await getChecklistOverview({ database: t.database, actor: coordinator, year: 2026 });
    assert.deepEqual(overview.units.map((u) => u.name).sort(), ['Avdeling A', 'Fjordheimen', 'Sentrum skule']);
    const a = overview.units.find((u) => u.id === unitA.id)!;
    assert.deepEqual([a.summary.yes, a.summary.partly, a.summary.no, a.summary.unanswered], [6, 3, 3, 0]);
    assert.equal(overview.municipality!.submitted, 1);
    assert.equal(overview.municipality!.units, 3);
    assert.equal(overview.municipality!.score, 7.5 / 12);
    await rejects(getChecklistOverview({ database: t.database, actor: employee, year: 2026 }), 'FORBIDDEN');
    const audited = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where action = 'maturity.checklist.save'`);
    assert.equal(audited[0]!.n, 1);

    // Leader A hands in the mapping form now (before the deadline); B does not.
    const wheel = await getWheelYear({ database: t.database, actor: leaderA, year: 2026, language });
    assert.ok(wheel.milestones.some((m) => m.id === milestoneId));
    await setUnitStatus({ database: t.database, actor: leaderA, milestoneId, input: { unitId: unitA.id, status: 'done', version: '' } });
  });

  it('measures the stage from the on-time share and shows the rest as not measured, next to the self-image', async () => {
    const beforeDeadline = await getMaturity({ database: t.database, actor: executive, year: 2026, now: new Date('2026-12-02T10:00:00Z') });
    assert.equal(beforeDeadline.measured.stage, null, 'no deadline has passed yet');
    const m = await getMaturity({ database: t.database, actor: executive, year: 2026, now: new Date('2027-01-05T10:00:00Z') });
    const onTime = m.indicators.find((i) => i.key === 'mappingOnTime')!;
    assert.equal(onTime.status, 'measured');
    assert.equal(onTime.share, 0.5);
    assert.deepEqual(
      m.indicators.filter((i) => i.status === 'not_measured').map((i) => i.key),
      ['needsLinkedToGoals', 'measuresEvaluated', 'planLinkedToBudget'],
    );
    assert.equal(m.measured.stage, 'systematic');
    assert.equal(m.measured.measured, 1);
    const mid = m.selfImage.find((g) => g.group === 'middle')!;
    assert.equal(mid.mean, 6);
    assert.equal(mid.position, 5 / 9);
    assert.equal(m.selfImage.find((g) => g.group === 'union')!.position, null);
    await rejects(getMaturity({ database: t.database, actor: employee, year: 2026 }), 'FORBIDDEN');
  });
  it('row-level security keeps every maturity table to its tenant', async () => {
    const { id: foreignRound } = await openSurveyRound({ database: t.database, actor: foreignCoordinator, input: { year: 2026, title: 'Andre', minGroupSize: 3 } });
    await inviteRespondents({ database: t.database, actor: foreignCoordinator, roundId: foreignRound, input: { group: 'leaders', source: 'roles' } });
    await submitSurveyResponse({ database: t.database, actor: foreignCoordinator, roundId: foreignRound, input: { municipalityPriority: '5' } });
    await applyChecklistTemplate({ database: t.database, actor: foreignCoordinator });
    const tables = ['maturity_survey_rounds', 'maturity_survey_invitations', 'maturity_survey_participations', 'maturity_survey_responses', 'maturity_checklist_items', 'maturity_checklists'];
    for (const table of tables) {
      const all = await t.database.withPlatform((tx) => queryRows<{ tenant_id: string }>(tx, sql.raw(`select tenant_id::text from ${table}`)));
      const seen = await t.database.withTenant(tenantId, (tx) => queryRows<{ tenant_id: string }>(tx, sql.raw(`select tenant_id::text from ${table}`)));
      assert.ok(seen.length > 0 && seen.every((r) => r.tenant_id === tenantId), `${table} shows only the tenant's own rows`);
      if (table !== 'maturity_checklists') assert.ok(all.some((r) => r.tenant_id === foreignCoordinator.tenantId), `${table} has the other tenant's rows to hide`);
    }
    // The other tenant's round cannot be answered from this tenant, and a row for it cannot be written.
    await rejects(submitSurveyResponse({ database: t.database, actor: coordinator, roundId: foreignRound, input: { municipalityPriority: '5' } }), 'NOT_FOUND');
    const message = await t.database
      .withTenant(tenantId, (tx) => tx.execute(sql`insert into maturity_survey_responses (tenant_id, round_id, respondent_group, answers) values (${foreignCoordinator.tenantId}, ${foreignRound}, 'leaders', '{}'::jsonb)`))
      .then(
        () => 'inserted',
        (error: { cause?: { message?: string }; message: string }) => error.cause?.message ?? error.message,
      );
    assert.match(message, /row-level security/);
  });
});
