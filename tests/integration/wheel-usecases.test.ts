// Annual wheel use cases against the real database: templates (and refusing a second cycle),
// milestones with validation and optimistic locking, per-unit status with the leader's scope,
// derived overdue status, the audit trail and tenant isolation.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { AppError } from '../../core/shared/app-error.ts';
import type { AccountActor } from '../../core/shared/actor.ts';
import { applyWheelTemplate } from '../../core/annual-wheel/apply-wheel-template.ts';
import { createMilestone } from '../../core/annual-wheel/create-milestone.ts';
import { updateMilestone } from '../../core/annual-wheel/update-milestone.ts';
import { getWheelYear } from '../../core/annual-wheel/get-wheel-year.ts';
import { getWheelOverview } from '../../core/annual-wheel/get-wheel-overview.ts';
import { getMilestone } from '../../core/annual-wheel/get-milestone.ts';
import { setUnitStatus } from '../../core/annual-wheel/set-unit-status.ts';
import { createCalendarFeed, revokeCalendarFeed } from '../../core/annual-wheel/manage-calendar-feed.ts';
import { getCalendarFeed } from '../../core/annual-wheel/get-calendar-feed.ts';
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

describe('annual wheel use cases', () => {
  let t: TestDatabase;
  let tenantId: string;
  let unitA: Awaited<ReturnType<typeof createUnit>>;
  let unitB: Awaited<ReturnType<typeof createUnit>>;
  let root: Awaited<ReturnType<typeof createUnit>>;
  let coordinator: AccountActor;
  let leaderA: AccountActor;
  let employee: AccountActor;
  let foreignCoordinator: AccountActor;
  const language = 'nn' as const;

  before(async () => {
    t = await createTestDatabase();
    const db = t.database;
    tenantId = (await createTenant(db)).id;
    root = await createUnit(db, tenantId, { name: 'Fjordvik kommune', kind: 'kommune' });
    unitA = await createUnit(db, tenantId, { parent: root, name: 'Fjordheimen', kind: 'eining' });
    unitB = await createUnit(db, tenantId, { parent: root, name: 'Sentrum skule', kind: 'eining' });
    await createUnit(db, tenantId, { parent: unitA, name: 'Avdeling A', kind: 'avdeling' });
    const la = await createPerson(db, tenantId, { unitId: unitA.id });
    await makeLeader(db, tenantId, unitA.id, la.person.id);
    const e = await createPerson(db, tenantId, { unitId: unitA.id });
    coordinator = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['coordinator'] }));
    leaderA = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: la.person.id }));
    employee = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: e.person.id }));
    const other = await createTenant(db);
    await createUnit(db, other.id, { kind: 'kommune' });
    foreignCoordinator = await actorFor(db, other.id, await createAccount(db, other.id, { roles: ['coordinator'] }));
  });
  after(() => t.close());

  it('applies the Gloppen template once: four milestones, the first in the autumn before', async () => {
    await rejects(applyWheelTemplate({ database: t.database, actor: employee, input: { template: 'gloppen', year: 2027 }, language }), 'FORBIDDEN');
    const applied = await applyWheelTemplate({ database: t.database, actor: coordinator, input: { template: 'gloppen', year: '2027' }, language });
    assert.equal(applied.milestones, 4);
    await rejects(applyWheelTemplate({ database: t.database, actor: coordinator, input: { template: 'flora', year: 2027 }, language }), 'CONFLICT', 'wheel.errors.cycleExists');
    const year = await getWheelYear({ database: t.database, actor: employee, year: '2027', language, now: new Date('2026-10-01T10:00:00Z') });
    assert.deepEqual(
      year.milestones.map((m) => [m.deadline, m.title]),
      [
        ['2026-11-01', 'Kartleggingsskjema levert'],
        ['2027-01-15', 'Kompetanseplan for våren klar'],
        ['2027-04-01', 'Kartleggingsskjema rullert'],
        ['2027-05-15', 'Kompetanseplan for hausten klar'],
      ],
    );
    // Mapping forms target every eining (not the avdeling); the plans the municipality as a whole.
    assert.deepEqual(year.milestones[0]!.units.map((u) => u.unitName).sort(), ['Fjordheimen', 'Sentrum skule']);
    assert.equal(year.milestones[1]!.wholeMunicipality, true);
    assert.deepEqual(year.milestones[1]!.units.map((u) => u.unitId), [root.id]);
    assert.equal(year.canWrite, false);
    assert.ok(year.holidays.some((h) => h.date === '2027-05-17'));
    assert.ok(year.holidays.every((h) => h.date.startsWith('2027-')));
    const rows = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where action = 'wheel.template.apply'`);
    assert.equal(rows[0]!.n, 1);
  });

  it('creates and edits milestones: only coordinators, validated, never overwriting a newer version', async () => {
    const input = { title: 'Brukarundersøking', description: '', deadline: '2027-09-01', ownerRole: 'unit_leader', concerns: 'other', target: 'units', targetUnitIds: [unitB.id], reminderOffsets: '7,0', overdueEveryDays: '0', escalateAfterDays: '' };
    await rejects(createMilestone({ database: t.database, actor: employee, year: 2027, input, language }), 'FORBIDDEN');
    await rejects(createMilestone({ database: t.database, actor: leaderA, year: 2027, input, language }), 'FORBIDDEN');
    await rejects(createMilestone({ database: t.database, actor: coordinator, year: 2027, input: { ...input, target: 'none' }, language }), 'VALIDATION', 'wheel.errors.leaderNeedsUnits');
    await rejects(createMilestone({ database: t.database, actor: coordinator, year: 2027, input: { ...input, targetUnitIds: ['00000000-0000-4000-8000-000000000000'] }, language }), 'VALIDATION', 'wheel.errors.unitMissing');
    const { id } = await createMilestone({ database: t.database, actor: coordinator, year: 2027, input, language });
    const detail = await getMilestone({ database: t.database, actor: employee, milestoneId: id });
    assert.deepEqual(detail.milestone.reminderOffsets, [7, 0]);
    assert.deepEqual(detail.milestone.units.map((u) => u.unitName), ['Sentrum skule']);
    const saved = await updateMilestone({ database: t.database, actor: coordinator, milestoneId: id, input: { ...input, title: 'Brukarundersøking 2027', version: detail.milestone.version } });
    assert.equal(saved.version, detail.milestone.version + 1);
    await rejects(updateMilestone({ database: t.database, actor: coordinator, milestoneId: id, input: { ...input, title: 'Gammal', version: detail.milestone.version } }), 'STALE_VERSION');
    assert.equal((await getMilestone({ database: t.database, actor: employee, milestoneId: id })).milestone.title, 'Brukarundersøking 2027');
    // A new year gets its own cycle.
    await createMilestone({ database: t.database, actor: coordinator, year: 2028, input: { ...input, deadline: '2028-02-01' }, language });
    assert.deepEqual((await getWheelYear({ database: t.database, actor: employee, year: 2028, language })).years, [2027, 2028]);
  });

  it('lets a leader mark only units in scope, coordinators any; overdue is derived from the deadline', async () => {
    const before = await getWheelYear({ database: t.database, actor: leaderA, year: 2027, language, now: new Date('2026-10-01T10:00:00Z') });
    const forms = before.milestones[0]!;
    const detail = await getMilestone({ database: t.database, actor: leaderA, milestoneId: forms.id });
    assert.deepEqual(detail.markable, [unitA.id]);
    await setUnitStatus({ database: t.database, actor: leaderA, milestoneId: forms.id, input: { unitId: unitA.id, status: 'done', version: '' } });
    await rejects(setUnitStatus({ database: t.database, actor: leaderA, milestoneId: forms.id, input: { unitId: unitB.id, status: 'done', version: '' } }), 'FORBIDDEN');
    await rejects(setUnitStatus({ database: t.database, actor: employee, milestoneId: forms.id, input: { unitId: unitA.id, status: 'in_progress', version: '1' } }), 'FORBIDDEN');
    // A unit the milestone does not target is not found.
    await rejects(setUnitStatus({ database: t.database, actor: coordinator, milestoneId: forms.id, input: { unitId: root.id, status: 'done', version: '' } }), 'NOT_FOUND');
    await setUnitStatus({ database: t.database, actor: coordinator, milestoneId: forms.id, input: { unitId: unitB.id, status: 'in_progress', version: '' } });
    // Someone else set the first status while this form was open: refused, nothing overwritten.
    await rejects(setUnitStatus({ database: t.database, actor: coordinator, milestoneId: forms.id, input: { unitId: unitB.id, status: 'not_started', version: '' } }), 'STALE_VERSION');
    const later = await getWheelYear({ database: t.database, actor: employee, year: 2027, language, now: new Date('2026-11-02T10:00:00Z') });
    const shown = Object.fromEntries(later.milestones[0]!.units.map((u) => [u.unitName, u.shown]));
    assert.deepEqual(shown, { Fjordheimen: 'done', 'Sentrum skule': 'overdue' });
    assert.equal(later.milestones[0]!.shown, 'overdue');
    // The wheel page's overview counts in SQL what the list and board compute per unit.
    const overview = await getWheelOverview({ database: t.database, actor: employee, year: 2027, language, now: new Date('2026-11-02T10:00:00Z') });
    assert.deepEqual(
      overview.milestones.map((m) => ({ id: m.id, unitCount: m.unitCount, counts: m.counts, shown: m.shown })),
      later.milestones.map((m) => ({ id: m.id, unitCount: m.units.length, counts: m.counts, shown: m.shown })),
    );
    assert.deepEqual(overview.milestones[0]!.counts, { not_started: 0, in_progress: 0, done: 1, overdue: 1 });
    // The spring plan (15 January, the coordinator's) is tracked once, for the municipality as a whole.
    const spring = overview.milestones.find((m) => m.deadline === '2027-01-15')!;
    assert.deepEqual({ unitCount: spring.unitCount, counts: spring.counts }, { unitCount: 1, counts: { not_started: 1, in_progress: 0, done: 0, overdue: 0 } });
    const a = (await getMilestone({ database: t.database, actor: coordinator, milestoneId: forms.id })).milestone.units.find((u) => u.unitId === unitA.id)!;
    assert.equal(a.setByAccountId, leaderA.accountId);
    assert.equal(a.source, 'manual');
  });

  it('serves a personal calendar feed behind a revocable secret link, stored only as a hash', async () => {
    const now = new Date('2026-10-01T10:00:00Z');
    const feed = (token: string) => getCalendarFeed({ database: t.database, token, publicUrl: 'https://rytme.example.no', language, now });
    const { token } = await createCalendarFeed({ database: t.database, actor: leaderA });
    const stored = await queryRows<{ feed_token_hash: string }>(t.database.db, sql`select feed_token_hash from wheel_settings where account_id = ${leaderA.accountId}`);
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0]!.feed_token_hash, token);
    assert.equal(stored[0]!.feed_token_hash.length, 64);
    const ics = await feed(token);
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'));
    const summaries = [...ics.matchAll(/\r\nSUMMARY:([^\r]*)/g)].map((m) => m[1]);
    // The leader's unit's deadlines, not the coordinator's plans.
    assert.deepEqual(summaries, ['Kartleggingsskjema levert', 'Kartleggingsskjema rullert']);
    assert.match(ics, /\r\nDTSTART;VALUE=DATE:20261101\r\n/);
    assert.match(ics, /Gjeld: Fjordheimen/);
    const coordinatorFeed = await getCalendarFeed({ database: t.database, token: (await createCalendarFeed({ database: t.database, actor: coordinator })).token, publicUrl: 'https://x', language, now });
    assert.match(coordinatorFeed, /SUMMARY:Kompetanseplan for våren klar/);
    // A new link replaces the old one; revoking ends it.
    const { token: second } = await createCalendarFeed({ database: t.database, actor: leaderA });
    await rejects(feed(token), 'NOT_FOUND');
    assert.match(await feed(second), /Kartleggingsskjema rullert/);
    await revokeCalendarFeed({ database: t.database, actor: leaderA });
    await rejects(feed(second), 'NOT_FOUND');
    await rejects(feed('rytmecal_guess'), 'NOT_FOUND');
  });

  it('never shows a milestone to another municipality', async () => {
    const year = await getWheelYear({ database: t.database, actor: coordinator, year: 2027, language });
    const id = year.milestones[0]!.id;
    await rejects(getMilestone({ database: t.database, actor: foreignCoordinator, milestoneId: id }), 'NOT_FOUND');
    await rejects(setUnitStatus({ database: t.database, actor: foreignCoordinator, milestoneId: id, input: { unitId: unitA.id, status: 'done', version: '' } }), 'NOT_FOUND');
    assert.equal((await getWheelYear({ database: t.database, actor: foreignCoordinator, year: 2027, language })).cycle, null);
  });

  it('row-level security keeps every wheel table to its tenant', async () => {
    await applyWheelTemplate({ database: t.database, actor: foreignCoordinator, input: { template: 'flora', year: 2027 }, language });
    await createCalendarFeed({ database: t.database, actor: foreignCoordinator });
    for (const table of ['wheel_cycles', 'wheel_milestones', 'wheel_unit_statuses', 'wheel_reminders', 'notifications', 'wheel_settings']) {
      const all = await t.database.withPlatform((tx) => queryRows<{ tenant_id: string }>(tx, sql.raw(`select tenant_id::text from ${table}`)));
      const seen = await t.database.withTenant(tenantId, (tx) => queryRows<{ tenant_id: string }>(tx, sql.raw(`select tenant_id::text from ${table}`)));
      assert.ok(seen.every((r) => r.tenant_id === tenantId), `${table} leaked another tenant's rows`);
      if (['wheel_cycles', 'wheel_milestones', 'wheel_settings'].includes(table)) assert.ok(all.some((r) => r.tenant_id === foreignCoordinator.tenantId), `${table} has the other tenant's rows to hide`);
    }
    const [foreignCycle] = await t.database.withPlatform((tx) => queryRows<{ id: string }>(tx, sql`select id from wheel_cycles where tenant_id = ${foreignCoordinator.tenantId}`));
    const message = await t.database
      .withTenant(tenantId, (tx) => tx.execute(sql`insert into wheel_milestones (tenant_id, cycle_id, title, deadline, owner_role, concerns) values (${foreignCoordinator.tenantId}, ${foreignCycle!.id}, 'x', '2027-01-01', 'coordinator', 'other')`))
      .then(
        () => 'inserted',
        (error: { cause?: { message?: string }; message: string }) => error.cause?.message ?? error.message,
      );
    assert.match(message, /row-level security/);
  });
});
