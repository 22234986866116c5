// A region's shared wheel: a coordinator of a member municipality adds and edits the region's
// milestones; every member sees them on its own wheel, marked with the region's name, and tracks
// its own units on them; a municipality outside the region sees nothing; one member never sees
// another's statuses (RLS, tested with raw SQL too); the reminders reach each municipality's own
// unit leaders exactly once, through the real mailer and SMTP server.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { regions } from '../../db/schema/index.ts';
import { createMailer } from '../../server/mail.ts';
import { createLogger } from '../../server/logger.ts';
import { AppError } from '../../core/shared/app-error.ts';
import type { AccountActor } from '../../core/shared/actor.ts';
import { createRegionMilestone } from '../../core/annual-wheel/create-region-milestone.ts';
import { updateRegionMilestone } from '../../core/annual-wheel/update-region-milestone.ts';
import { getRegionMilestone, getRegionWheel } from '../../core/annual-wheel/get-region-wheel.ts';
import { getWheelYear } from '../../core/annual-wheel/get-wheel-year.ts';
import { getWheelOverview } from '../../core/annual-wheel/get-wheel-overview.ts';
import { getMilestone } from '../../core/annual-wheel/get-milestone.ts';
import { setUnitStatus } from '../../core/annual-wheel/set-unit-status.ts';
import { updateMilestone } from '../../core/annual-wheel/update-milestone.ts';
import { runWheelReminders } from '../../core/annual-wheel/run-wheel-reminders.ts';
import { listNotifications } from '../../core/annual-wheel/list-notifications.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { actorFor, createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

const at = (date: string) => new Date(`${date}T07:00:00Z`);
const input = (over: Record<string, string> = {}) => ({ year: '2027', title: 'Felles kompetanseplan', description: 'Same frist i heile regionen', deadline: '2027-03-01', ownerRole: 'unit_leader', concerns: 'unit_plan', target: 'kind:eining', reminderOffsets: '3, 0', overdueEveryDays: '0', escalateAfterDays: '', ...over });

describe('regional wheel', () => {
  let t: TestDatabase;
  let smtp: TestSmtp;
  let outboxDir: string;
  type Member = { tenantId: string; coordinator: AccountActor; leader: AccountActor; admin: AccountActor; unitId: string; leaderEmail: string };
  const m: Record<'a' | 'b' | 'c', Member> = {} as never;
  let regionalId: string;

  before(async () => {
    smtp = await startTestSmtp();
    outboxDir = mkdtempSync(path.join(tmpdir(), 'rytme-region-'));
    t = await createTestDatabase();
    const db = t.database;
    const [sunnfjord, nordfjord] = await db.withPlatform((tx) => tx.insert(regions).values([{ name: 'Sunnfjord' }, { name: 'Nordfjord' }]).returning());
    // A and B are in Sunnfjord; C is in another region.
    for (const [key, regionId] of [['a', sunnfjord!.id], ['b', sunnfjord!.id], ['c', nordfjord!.id]] as const) {
      const tenant = await createTenant(db, { name: `Kommune ${key.toUpperCase()}`, regionId });
      const root = await createUnit(db, tenant.id, { kind: 'kommune' });
      const unit = await createUnit(db, tenant.id, { parent: root, name: `Skule ${key.toUpperCase()}`, kind: 'eining' });
      const p = await createPerson(db, tenant.id, { unitId: unit.id });
      await makeLeader(db, tenant.id, unit.id, p.person.id);
      const leaderEmail = `leiar.${key}@example.no`;
      m[key] = {
        tenantId: tenant.id,
        unitId: unit.id,
        leaderEmail,
        coordinator: await actorFor(db, tenant.id, await createAccount(db, tenant.id, { roles: ['coordinator'] })),
        admin: await actorFor(db, tenant.id, await createAccount(db, tenant.id, { roles: ['tenant_admin'] })),
        leader: await actorFor(db, tenant.id, await createAccount(db, tenant.id, { personId: p.person.id, email: leaderEmail, displayName: `Leiar ${key}` })),
      };
    }
  });
  after(async () => {
    await t.close();
    await smtp.close();
    rmSync(outboxDir, { recursive: true, force: true });
  });

  const wheel = (key: 'a' | 'b' | 'c', actor?: AccountActor) => getWheelYear({ database: t.database, actor: actor ?? m[key].leader, year: 2027, language: 'nn', now: at('2027-01-10') });

  it('lets only a coordinator of a member municipality create regional milestones, with translated errors for bad input', async () => {
    await assert.rejects(createRegionMilestone({ database: t.database, actor: m.a.leader, input: input(), language: 'nn' }), (e) => AppError.is(e, 'FORBIDDEN'));
    await assert.rejects(createRegionMilestone({ database: t.database, actor: m.a.admin, input: input(), language: 'nn' }), (e) => AppError.is(e, 'FORBIDDEN'));
    await assert.rejects(createRegionMilestone({ database: t.database, actor: m.a.coordinator, input: input({ target: 'units' }), language: 'nn' }), (e) => AppError.is(e, 'VALIDATION') && e.issues.some((i) => i.key === 'wheel.errors.regionNoChosenUnits'));
    await assert.rejects(createRegionMilestone({ database: t.database, actor: m.a.coordinator, input: input({ deadline: '2027-02-30' }), language: 'nn' }), (e) => AppError.is(e, 'VALIDATION'));
    // Nothing was stored by the refused attempts.
    assert.deepEqual((await getRegionWheel({ database: t.database, actor: m.a.coordinator, year: 2027 })).milestones, []);
    regionalId = (await createRegionMilestone({ database: t.database, actor: m.a.coordinator, input: input(), language: 'nn' })).id;
    const region = await getRegionWheel({ database: t.database, actor: m.b.leader, year: 2027 });
    assert.equal(region.region?.name, 'Sunnfjord');
    assert.deepEqual(region.milestones.map((x) => x.title), ['Felles kompetanseplan']);
    assert.equal(region.canWriteRegion, false);
    assert.equal((await getRegionWheel({ database: t.database, actor: m.b.coordinator, year: 2027 })).canWriteRegion, true);
    assert.equal(region.milestones[0]!.byOwnMunicipality, false);
  });

  it('shows the milestone on every member’s own wheel, marked with the region, and nothing outside the region', async () => {
    // The wheel page of B, before anything else of B's has run: its one read finds the region's
    // milestone not yet copied, copies it and shows it with the region's name.
    const overview = await getWheelOverview({ database: t.database, actor: m.b.leader, year: 2027, language: 'nn', now: at('2027-01-10') });
    assert.deepEqual(overview.milestones.map((x) => [x.title, x.regionName, x.unitCount]), [['Felles kompetanseplan', 'Sunnfjord', 1]]);
    assert.deepEqual((await getWheelOverview({ database: t.database, actor: m.c.leader, year: 2027, language: 'nn', now: at('2027-01-10') })).milestones, []);
    for (const key of ['a', 'b'] as const) {
      const year = await wheel(key);
      assert.deepEqual(year.milestones.map((x) => [x.title, x.regionName, x.units.map((u) => u.unitName)]), [['Felles kompetanseplan', 'Sunnfjord', [`Skule ${key.toUpperCase()}`]]]);
    }
    const c = await wheel('c');
    assert.deepEqual(c.milestones, []);
    assert.deepEqual((await getRegionWheel({ database: t.database, actor: m.c.coordinator, year: 2027 })).milestones, []);
    // C cannot open or edit A's region milestone: RLS makes it "not found".
    await assert.rejects(getRegionMilestone({ database: t.database, actor: m.c.coordinator, regionMilestoneId: regionalId }), (e) => AppError.is(e, 'NOT_FOUND'));
    await assert.rejects(updateRegionMilestone({ database: t.database, actor: m.c.coordinator, regionMilestoneId: regionalId, input: { ...input({ title: 'Kapra' }), version: '1' }, language: 'nn' }), (e) => AppError.is(e, 'NOT_FOUND'));
    assert.equal((await getRegionMilestone({ database: t.database, actor: m.b.coordinator, regionMilestoneId: regionalId })).milestone.title, 'Felles kompetanseplan');
  });

  it('keeps each municipality’s statuses its own', async () => {
    const a = (await wheel('a')).milestones[0]!;
    const b = (await wheel('b')).milestones[0]!;
    assert.notEqual(a.id, b.id);
    await setUnitStatus({ database: t.database, actor: m.a.leader, milestoneId: a.id, input: { unitId: m.a.unitId, status: 'done', version: '' } });
    assert.equal((await wheel('a')).milestones[0]!.units[0]!.status, 'done');
    assert.equal((await wheel('b')).milestones[0]!.units[0]!.status, 'not_started');
    // B cannot address A's copy at all, nor set a status for A's unit on its own copy.
    await assert.rejects(getMilestone({ database: t.database, actor: m.b.coordinator, milestoneId: a.id }), (e) => AppError.is(e, 'NOT_FOUND'));
    await assert.rejects(setUnitStatus({ database: t.database, actor: m.b.coordinator, milestoneId: a.id, input: { unitId: m.a.unitId, status: 'in_progress', version: '' } }), (e) => AppError.is(e, 'NOT_FOUND'));
    await assert.rejects(setUnitStatus({ database: t.database, actor: m.b.coordinator, milestoneId: b.id, input: { unitId: m.a.unitId, status: 'in_progress', version: '' } }), (e) => AppError.is(e, 'NOT_FOUND'));
    // Below the policy: under B's tenant setting the database returns none of A's statuses or copies.
    const seenByB = await t.database.withTenant(m.b.tenantId, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from wheel_unit_statuses where tenant_id = ${m.a.tenantId}`));
    assert.equal(seenByB[0]!.n, 0);
    const copiesSeenByB = await t.database.withTenant(m.b.tenantId, (tx) => queryRows<{ tenant_id: string }>(tx, sql`select tenant_id from wheel_milestones where region_milestone_id = ${regionalId}`));
    assert.deepEqual(copiesSeenByB.map((r) => r.tenant_id), [m.b.tenantId]);
    const regionSeenByC = await t.database.withTenant(m.c.tenantId, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from region_milestones`));
    assert.equal(regionSeenByC[0]!.n, 0);
  });

  it('refuses a write that names another region or another tenant as its author (RLS WITH CHECK)', async () => {
    const ids = await t.database.withPlatform((tx) => queryRows<{ id: string; name: string }>(tx, sql`select id, name from regions`));
    const regionId = (name: string) => ids.find((r) => r.name === name)!.id;
    const insert = (region: string) => sql`insert into region_milestones (region_id, year, title, deadline, owner_role, concerns, created_by_tenant_id, updated_by_tenant_id) values (${regionId(region)}, 2026, 'x', '2026-01-01', 'coordinator', 'other', ${m.a.tenantId}, ${m.a.tenantId})`;
    await assert.rejects(t.database.withTenant(m.a.tenantId, (tx) => tx.execute(insert('Nordfjord'))));
    // The same statement for A's own region goes through (rolled back by the throw), so the refusal above is RLS.
    await assert.rejects(
      t.database.withTenant(m.a.tenantId, async (tx) => {
        await tx.execute(insert('Sunnfjord'));
        throw new Error('rollback');
      }),
      /rollback/,
    );
    await assert.rejects(t.database.withTenant(m.a.tenantId, (tx) => tx.execute(sql`update region_milestones set title = 'x', updated_by_tenant_id = ${m.b.tenantId} where id = ${regionalId}`)));
    assert.equal((await getRegionMilestone({ database: t.database, actor: m.a.coordinator, regionMilestoneId: regionalId })).milestone.title, 'Felles kompetanseplan');
  });

  it('edits the regional milestone under an optimistic lock, every member’s copy follows and keeps its statuses; copies cannot be edited locally', async () => {
    const copyA = (await wheel('a')).milestones[0]!;
    await assert.rejects(updateMilestone({ database: t.database, actor: m.a.coordinator, milestoneId: copyA.id, input: { ...input({ title: 'Lokal' }), version: String(copyA.version) } }), (e) => AppError.is(e, 'CONFLICT') && e.messageKey === 'wheel.errors.regionalCopy');
    // B's coordinator moves the deadline; A's coordinator, still holding version 1, is refused.
    assert.deepEqual(await updateRegionMilestone({ database: t.database, actor: m.b.coordinator, regionMilestoneId: regionalId, input: { ...input({ deadline: '2027-03-08' }), version: '1' }, language: 'nn' }), { version: 2 });
    await assert.rejects(updateRegionMilestone({ database: t.database, actor: m.a.coordinator, regionMilestoneId: regionalId, input: { ...input({ title: 'Overskrive' }), version: '1' }, language: 'nn' }), (e) => AppError.is(e, 'STALE_VERSION'));
    for (const key of ['a', 'b'] as const) assert.deepEqual((await wheel(key)).milestones.map((x) => [x.title, x.deadline]), [['Felles kompetanseplan', '2027-03-08']]);
    assert.equal((await wheel('a')).milestones[0]!.units[0]!.status, 'done');
    assert.equal((await getRegionWheel({ database: t.database, actor: m.a.coordinator, year: 2027 })).milestones[0]!.byOwnMunicipality, false);
  });

  it('reminds each municipality’s own unit leaders exactly once, and the region’s done member not at all', async () => {
    const mailer = createMailer({ database: t.database, smtpUrl: smtp.url, from: 'Rytme <rytme@example.no>', outboxDir, logger: createLogger('silent') });
    // Deadline 2027-03-08, reminder 3 days before: 2027-03-05. Run twice (as two job runs would).
    const first = await runWheelReminders({ database: t.database, mailer, now: at('2027-03-05'), publicUrl: 'https://rytme.example.no' });
    const again = await runWheelReminders({ database: t.database, mailer, now: at('2027-03-05'), publicUrl: 'https://rytme.example.no' });
    assert.equal(first.claimed, 1);
    assert.equal(again.claimed, 0);
    const to = (address: string) => smtp.messages.filter((x) => x.to.includes(address));
    // A's unit is done: no reminder. B's leader gets one; C is outside the region.
    assert.equal(to(m.a.leaderEmail).length, 0);
    assert.equal(to(m.b.leaderEmail).length, 1);
    assert.match(to(m.b.leaderEmail)[0]!.text, /Felles kompetanseplan/);
    assert.equal(to(m.c.leaderEmail).length, 0);
    const notes = await listNotifications({ database: t.database, actor: m.b.leader });
    assert.equal(notes.notifications.filter((n) => n.title === 'Felles kompetanseplan').length, 1);
  });
});
