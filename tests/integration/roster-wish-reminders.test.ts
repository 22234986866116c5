// Roster wish reminders through the real mailer and a real SMTP server: employees of the period's
// unit who have entered no wish get a reminder 7 and 1 days before the wish deadline (the period's
// default), exactly once per person and step however many runs there are (concurrent ones on
// PostgreSQL from two pools, as two instances would), by e-mail and as an in-app notification;
// those who entered wishes, those without an account and other units' employees get none; a person
// on the daily digest gets one mail with the wish reminder and their wheel steps; nothing after the
// deadline; the reminder days are validated on the setup.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../../db/client.ts';
import { accounts, notifications, wheelReminders } from '../../db/schema/index.ts';
import { createMailer } from '../../server/mail.ts';
import { createLogger } from '../../server/logger.ts';
import type { AccountActor } from '../../core/shared/actor.ts';
import { AppError } from '../../core/shared/app-error.ts';
import { createMilestone } from '../../core/annual-wheel/create-milestone.ts';
import { sendDueReminders } from '../../core/annual-wheel/send-due-reminders.ts';
import { listNotifications } from '../../core/annual-wheel/list-notifications.ts';
import { updateWheelSettings } from '../../core/annual-wheel/update-wheel-settings.ts';
import { createRosterPeriod } from '../../core/roster/create-roster-period.ts';
import { getRosterSetup } from '../../core/roster/get-roster-setup.ts';
import { saveRosterWishes } from '../../core/roster/save-roster-wishes.ts';
import { updateRosterSetup } from '../../core/roster/update-roster-setup.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { actorFor, createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

/** 08:00 in Norway on `date` (CET in winter). */
const at = (date: string) => new Date(`${date}T07:00:00Z`);
const START = '2027-03-01';
const DEADLINE = '2027-02-10';

describe('roster wish reminders', () => {
  let t: TestDatabase;
  let second: Database;
  let smtp: TestSmtp;
  let outboxDir: string;
  let tenantId: string;
  let leader: AccountActor;
  let kari: AccountActor;
  let ola: AccountActor;
  let periodId: string;
  const mailerFor = (database: Database) => createMailer({ database, smtpUrl: smtp.url, from: 'Rytme <rytme@example.no>', outboxDir, logger: createLogger('silent') });
  const to = (address: string) => smtp.messages.filter((m) => m.to.includes(address));
  const run = (database: Database, date: string) => sendDueReminders({ database, mailer: mailerFor(database), tenantId, now: at(date), publicUrl: 'https://rytme.example.no' });
  const wishRows = () => t.database.withTenant(tenantId, (tx) => tx.select().from(wheelReminders).where(eq(wheelReminders.rosterPeriodId, periodId)));
  /** Wait until every claimed reminder has been mailed (the SMTP server got them). */
  const settle = async () => {
    for (let i = 0; i < 100; i++) {
      const rows = await t.database.withTenant(tenantId, (tx) => tx.select().from(wheelReminders));
      if (rows.every((r) => r.status === 'sent')) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  before(async () => {
    smtp = await startTestSmtp();
    outboxDir = mkdtempSync(path.join(tmpdir(), 'rytme-roster-reminders-'));
    t = await createTestDatabase();
    second = t.url ? await openDatabase({ url: t.url, poolSize: 3 }) : t.database;
    const db = t.database;
    tenantId = (await createTenant(db, { name: 'Ønskevik' })).id;
    const root = await createUnit(db, tenantId, { kind: 'kommune' });
    const home = await createUnit(db, tenantId, { parent: root, name: 'Ønskeheimen', kind: 'avdeling' });
    const other = await createUnit(db, tenantId, { parent: root, name: 'Eining B', kind: 'eining' });
    const boss = await createPerson(db, tenantId, { unitId: root.id });
    await makeLeader(db, tenantId, home.id, boss.person.id);
    leader = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: boss.person.id, email: 'leiar@example.no', displayName: 'Liv Leiar' }));
    const staff = [];
    for (const name of ['Kari', 'Ola', 'Siri', 'Utan']) staff.push(await createPerson(db, tenantId, { unitId: home.id, givenName: name, familyName: 'Ønske' }));
    kari = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: staff[0]!.person.id, email: 'kari@example.no', displayName: 'Kari Ønske' }));
    const olaAccount = await createAccount(db, tenantId, { personId: staff[1]!.person.id, email: 'ola@example.no', displayName: 'Ola Ønske' });
    await db.withTenant(tenantId, (tx) => tx.update(accounts).set({ language: 'en' }).where(eq(accounts.id, olaAccount.id)));
    ola = await actorFor(db, tenantId, olaAccount);
    await createAccount(db, tenantId, { personId: staff[2]!.person.id, email: 'siri@example.no', displayName: 'Siri Ønske' });
    // staff[3] has no account. An employee of another unit gets nothing about this period.
    const elsewhere = await createPerson(db, tenantId, { unitId: other.id });
    await createAccount(db, tenantId, { personId: elsewhere.person.id, email: 'anna@example.no' });
    // Ola also leads Eining B, so the wheel reminds him of a milestone on the same day.
    await makeLeader(db, tenantId, other.id, staff[1]!.person.id);
    const coordinator = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['coordinator'], email: 'hr@example.no' }));
    await createMilestone({
      database: db,
      actor: coordinator,
      year: 2027,
      input: { title: 'Einingsplan', description: '', deadline: '2027-02-17', ownerRole: 'unit_leader', concerns: 'unit_plan', target: 'kind:eining', reminderOffsets: '14', overdueEveryDays: '0', escalateAfterDays: '' },
      language: 'nn',
    });
    periodId = (await createRosterPeriod({ database: db, actor: leader, unitId: home.id, input: { name: 'Sommarturnus', startDate: START, weeks: 2, wishDeadline: DEADLINE, publishLeadDays: 28 } })).id;
  });
  after(async () => {
    if (second !== t.database) await second.close();
    await t.close();
    await smtp.close();
    rmSync(outboxDir, { recursive: true, force: true });
  });

  it('validates the reminder days on the setup and keeps 7 and 1 by default', async () => {
    const setup = await getRosterSetup({ database: t.database, actor: leader, periodId });
    assert.equal(setup.period.wishReminderDays, '7, 1');
    const input = {
      version: setup.period.version,
      period: { name: setup.period.name, startDate: START, weeks: 2, wishDeadline: DEADLINE, publishLeadDays: 28, wishReminderDays: '7, tre' },
      ruleSetId: setup.period.ruleSetId,
      shiftTypes: setup.shiftTypes,
      staffing: setup.staffing,
      unavailability: {},
    };
    for (const bad of ['7, tre', '61', '1 2 3 4 5 6']) {
      await assert.rejects(
        updateRosterSetup({ database: t.database, actor: leader, periodId, input: { ...input, period: { ...input.period, wishReminderDays: bad } } }),
        (e: unknown) => e instanceof AppError && e.issues.some((i) => i.path === 'period.wishReminderDays' && i.key === 'roster.errors.reminderDays'),
      );
    }
    const unchanged = await getRosterSetup({ database: t.database, actor: leader, periodId });
    assert.equal(unchanged.period.version, setup.period.version);
    // Saved the same days written differently: stored largest first.
    await updateRosterSetup({ database: t.database, actor: leader, periodId, input: { ...input, period: { ...input.period, wishReminderDays: '1;7' } } });
    assert.equal((await getRosterSetup({ database: t.database, actor: leader, periodId })).period.wishReminderDays, '7, 1');
  });

  it('reminds each employee without wishes once, 7 days before, by mail and notification, however many runs', async () => {
    await saveRosterWishes({ database: t.database, actor: kari, periodId, input: { version: null, wishes: [{ day: 0, kind: 'dayoff', shift: null, weight: 3 }] }, today: '2027-02-01' });
    await updateWheelSettings({ database: t.database, actor: ola, input: { delivery: 'digest', version: '' } });
    // Before the step's day nothing is due.
    await run(t.database, '2027-02-02');
    assert.equal((await wishRows()).length, 0);
    // Two instances at once, then a third run later the same day.
    await Promise.all([run(t.database, '2027-02-03'), run(second, '2027-02-03')]);
    await run(t.database, '2027-02-03');
    await settle();
    const rows = await wishRows();
    assert.deepEqual(rows.map((r) => r.step).sort(), ['wish:7', 'wish:7']);
    assert.equal(to('siri@example.no').length, 1);
    assert.equal(to('kari@example.no').length, 0, 'Kari has entered wishes');
    assert.equal(to('anna@example.no').length, 0, 'not an employee of the unit');
    const siri = to('siri@example.no')[0]!;
    // The subject is RFC 2047-encoded (æøå); decode its Q-encoded words.
    const subject = (siri.header('subject') ?? '').replace(/=\?UTF-8\?Q\?(.*?)\?=\s*/gi, (_m, q: string) => Buffer.from(q.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
    assert.match(subject, /^Hugs turnusønska dine: Sommarturnus \(frist 2027-02-10\)$/);
    assert.match(siri.text, /om 7 dagar \(2027-02-10\)/);
    assert.match(siri.text, new RegExp(`https://rytme.example.no/roster/periods/${periodId}/wishes`));
    // Ola chose the digest: one mail, in English, with the wish reminder and the wheel milestone step.
    const olaMails = to('ola@example.no');
    assert.equal(olaMails.length, 1);
    assert.match(olaMails[0]!.text, /Roster wishes: Sommarturnus/);
    assert.match(olaMails[0]!.text, /Einingsplan/);
    const notes = await listNotifications({ database: t.database, actor: ola });
    const wish = notes.notifications.find((n) => n.link === `/roster/periods/${periodId}/wishes`);
    assert.ok(wish, 'an in-app notification');
    assert.equal(wish.title, 'Roster wishes: Sommarturnus');
    assert.match(wish.body, /in 7 days/);
    const all = await t.database.withTenant(tenantId, (tx) => tx.select().from(notifications).where(eq(notifications.kind, 'roster.wishReminder')));
    assert.equal(all.length, 2);
  });

  it('sends the 1-day step once more, only to those still without wishes, and nothing after the deadline', async () => {
    await saveRosterWishes({ database: t.database, actor: ola, periodId, input: { version: null, wishes: [{ day: 3, kind: 'shift', shift: 'D', weight: 2 }] }, today: '2027-02-05' });
    const siriBefore = to('siri@example.no').length;
    const olaBefore = to('ola@example.no').length;
    await Promise.all([run(t.database, '2027-02-09'), run(second, '2027-02-09')]);
    await run(t.database, '2027-02-09');
    await settle();
    assert.equal(to('siri@example.no').length, siriBefore + 1);
    assert.match(to('siri@example.no').at(-1)!.text, /er i morgon \(2027-02-10\)/);
    assert.equal(to('ola@example.no').length, olaBefore, `Ola has entered wishes since: ${to('ola@example.no').at(-1)?.text}`);
    assert.deepEqual((await wishRows()).map((r) => r.step).sort(), ['wish:1', 'wish:7', 'wish:7']);
    // The deadline has passed: wishes are closed, nothing more is due.
    await run(t.database, '2027-02-11');
    assert.equal((await wishRows()).length, 3);
  });
});
