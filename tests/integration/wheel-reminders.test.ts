// Wheel reminders through the real mailer and a real SMTP server: each step reaches each
// responsible person exactly once when the job runs twice, concurrently (on PostgreSQL from two
// separate connection pools, as two instances would) and again later; escalation to the
// executives; the daily digest; the in-app notifications; and recovery of a claim left unsent
// by a crash.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '../../db/client.ts';
import { wheelReminders } from '../../db/schema/index.ts';
import { createMailer } from '../../server/mail.ts';
import { createLogger } from '../../server/logger.ts';
import type { AccountActor } from '../../core/shared/actor.ts';
import { createMilestone } from '../../core/annual-wheel/create-milestone.ts';
import { setUnitStatus } from '../../core/annual-wheel/set-unit-status.ts';
import { sendDueReminders } from '../../core/annual-wheel/send-due-reminders.ts';
import { runWheelReminders } from '../../core/annual-wheel/run-wheel-reminders.ts';
import { listNotifications } from '../../core/annual-wheel/list-notifications.ts';
import { markNotificationsRead } from '../../core/annual-wheel/mark-notifications-read.ts';
import { updateWheelSettings } from '../../core/annual-wheel/update-wheel-settings.ts';
import { listReminderLog } from '../../core/annual-wheel/list-reminder-log.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { actorFor, createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

/** 08:00 in Norway on `date` (CET in winter). */
const at = (date: string) => new Date(`${date}T07:00:00Z`);

describe('annual wheel reminders', () => {
  let t: TestDatabase;
  let second: Database;
  let smtp: TestSmtp;
  let outboxDir: string;
  let tenantId: string;
  let coordinator: AccountActor;
  let leaderA: AccountActor;
  let leaderB: AccountActor;
  let unitA: Awaited<ReturnType<typeof createUnit>>;
  const mailerFor = (database: Database) => createMailer({ database, smtpUrl: smtp.url, from: 'Rytme <rytme@example.no>', outboxDir, logger: createLogger('silent') });
  const to = (address: string) => smtp.messages.filter((m) => m.to.includes(address));
  const milestoneInput = (title: string, deadline: string) => ({ title, description: '', deadline, ownerRole: 'unit_leader', concerns: 'mapping_form', target: 'kind:eining', reminderOffsets: '14, 3, 0', overdueEveryDays: '7', escalateAfterDays: '10' });

  before(async () => {
    smtp = await startTestSmtp();
    outboxDir = mkdtempSync(path.join(tmpdir(), 'rytme-wheel-'));
    t = await createTestDatabase();
    // A second instance: its own pool on PostgreSQL; PGlite has one connection, so the same handle.
    second = t.url ? await openDatabase({ url: t.url, poolSize: 3 }) : t.database;
    const db = t.database;
    tenantId = (await createTenant(db, { name: 'Påminningvik' })).id;
    const root = await createUnit(db, tenantId, { kind: 'kommune' });
    unitA = await createUnit(db, tenantId, { parent: root, name: 'Eining A', kind: 'eining' });
    const unitB = await createUnit(db, tenantId, { parent: root, name: 'Eining B', kind: 'eining' });
    const la = await createPerson(db, tenantId, { unitId: unitA.id });
    const lb = await createPerson(db, tenantId, { unitId: unitB.id });
    await makeLeader(db, tenantId, unitA.id, la.person.id);
    await makeLeader(db, tenantId, unitB.id, lb.person.id);
    leaderA = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: la.person.id, email: 'leiar.a@example.no', displayName: 'Leiar A' }));
    leaderB = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: lb.person.id, email: 'leiar.b@example.no', displayName: 'Leiar B' }));
    await createAccount(db, tenantId, { roles: ['executive'], email: 'radmann@example.no', displayName: 'Rådmann' });
    coordinator = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['coordinator'], email: 'hr@example.no' }));
    await createMilestone({ database: db, actor: coordinator, year: 2027, input: milestoneInput('Kartleggingsskjema', '2027-03-01'), language: 'nn' });
  });
  after(async () => {
    if (second !== t.database) await second.close();
    await t.close();
    await smtp.close();
    rmSync(outboxDir, { recursive: true, force: true });
  });

  it('sends the 14-day reminder to each unit leader exactly once, however many runs there are', async () => {
    const options = { tenantId, now: at('2027-02-15'), publicUrl: 'https://rytme.example.no' };
    // Nothing is due the day before.
    assert.equal((await sendDueReminders({ database: t.database, mailer: mailerFor(t.database), ...options, now: at('2027-02-14') })).claimed, 0);
    // Nor in the night: the day's reminders start at 07:00 Norwegian time.
    assert.equal((await sendDueReminders({ database: t.database, mailer: mailerFor(t.database), ...options, now: new Date('2027-02-15T05:30:00Z') })).claimed, 0);
    const [one, two] = await Promise.all([
      sendDueReminders({ database: t.database, mailer: mailerFor(t.database), ...options }),
      sendDueReminders({ database: second, mailer: mailerFor(second), ...options }),
    ]);
    assert.equal(one!.claimed + two!.claimed, 2, 'the two runs claim the two steps between them');
    await runWheelReminders({ database: t.database, mailer: mailerFor(t.database), now: at('2027-02-15'), publicUrl: options.publicUrl });
    await smtp.waitFor((m) => m.to.includes('leiar.b@example.no'));
    await new Promise((r) => setTimeout(r, 300)); // let any duplicate arrive before counting
    assert.equal(to('leiar.a@example.no').length, 1);
    assert.equal(to('leiar.b@example.no').length, 1);
    const mail = to('leiar.a@example.no')[0]!;
    assert.match(mail.header('subject') ?? '', /Kartleggingsskjema/);
    assert.match(mail.text, /14 dagar til fristen \(2027-03-01\)/);
    assert.match(mail.text, /https:\/\/rytme\.example\.no\/wheel\/milestones\//);
    const rows = await t.database.withTenant(tenantId, (tx) => tx.select().from(wheelReminders));
    assert.deepEqual(rows.map((r) => [r.step, r.status, r.attempts]), [['before:14', 'sent', 1], ['before:14', 'sent', 1]]);
    const inbox = await listNotifications({ database: t.database, actor: leaderA });
    assert.equal(inbox.notifications.length, 1);
    assert.equal(inbox.unread, 1);
    assert.match(inbox.notifications[0]!.body, /Eining A: 14 dagar til fristen/);
    assert.equal(await markNotificationsRead({ database: t.database, actor: leaderA }), 1);
    assert.equal((await listNotifications({ database: t.database, actor: leaderA })).unread, 0);
  });

  it('reminds only units not done, and escalates to the executives once after the set days', async () => {
    const list = await t.database.withTenant(tenantId, (tx) => tx.select().from(wheelReminders));
    const milestoneId = list[0]!.milestoneId!;
    await setUnitStatus({ database: t.database, actor: leaderA, milestoneId, input: { unitId: unitA.id, status: 'done', version: '' } });
    const before = smtp.messages.length;
    // Eleven days after the deadline: the latest reminder step is overdue:7, and the escalation is due.
    for (let i = 0; i < 2; i++) await sendDueReminders({ database: t.database, mailer: mailerFor(t.database), tenantId, now: at('2027-03-12'), publicUrl: 'https://rytme.example.no' });
    await smtp.waitFor((m) => m.to.includes('radmann@example.no'));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(smtp.messages.length - before, 2);
    assert.equal(to('leiar.a@example.no').length, 1, 'the done unit gets nothing more');
    assert.equal(to('leiar.b@example.no').length, 2);
    // The overdue:7 step goes out on day eleven and says how things stand that day.
    assert.match(to('leiar.b@example.no')[1]!.text, /Fristen gjekk ut for 11 dagar sidan/);
    const escalation = to('radmann@example.no');
    assert.equal(escalation.length, 1);
    assert.match(escalation[0]!.header('subject') ?? '', /^Over fristen: Kartleggingsskjema/);
    assert.match(escalation[0]!.text, /Eining B: Ikkje ferdig 11 dagar etter fristen/);
    assert.doesNotMatch(escalation[0]!.text, /Eining A/);
    const log = await listReminderLog({ database: t.database, actor: coordinator });
    assert.deepEqual(log.map((r) => r.step).sort(), ['before:14', 'before:14', 'escalation', 'overdue:7']);
    assert.ok(log.every((r) => r.status === 'sent'));
  });

  it('sends a person who chose the digest one mail listing every step due that day', async () => {
    await updateWheelSettings({ database: t.database, actor: leaderB, input: { delivery: 'digest', version: '' } });
    await createMilestone({ database: t.database, actor: coordinator, year: 2027, input: milestoneInput('Einingsplan', '2027-06-01'), language: 'nn' });
    await createMilestone({ database: t.database, actor: coordinator, year: 2027, input: milestoneInput('Evaluering', '2027-06-01'), language: 'nn' });
    const beforeB = to('leiar.b@example.no').length;
    const beforeA = to('leiar.a@example.no').length;
    await sendDueReminders({ database: t.database, mailer: mailerFor(t.database), tenantId, now: at('2027-05-29'), publicUrl: 'https://rytme.example.no' });
    await smtp.waitFor((m) => m.to.includes('leiar.b@example.no') && /påminningane frå årshjulet i dag/.test(m.text));
    await new Promise((r) => setTimeout(r, 300));
    const digest = to('leiar.b@example.no').slice(beforeB);
    assert.equal(digest.length, 1);
    assert.match(digest[0]!.text, /Einingsplan/);
    assert.match(digest[0]!.text, /Evaluering/);
    assert.equal(to('leiar.a@example.no').length - beforeA, 2, 'single mails: one per milestone');
  });

  it('records a failed delivery and retries it once on a later run, not at once', async () => {
    await createMilestone({ database: t.database, actor: coordinator, year: 2027, input: { ...milestoneInput('Evaluering av tiltak', '2027-08-02'), reminderOffsets: '0' }, language: 'nn' });
    const now = at('2027-08-02');
    const down = createMailer({ database: t.database, smtpUrl: 'smtp://127.0.0.1:1', from: 'Rytme <rytme@example.no>', outboxDir, logger: createLogger('silent') });
    // Catch up the earlier milestones' latest overdue steps first, so only the new one is due on the day.
    await sendDueReminders({ database: t.database, mailer: mailerFor(t.database), tenantId, now: at('2027-08-01'), publicUrl: 'https://rytme.example.no' });
    await new Promise((r) => setTimeout(r, 300));
    const beforeA = to('leiar.a@example.no').length;
    const first = await sendDueReminders({ database: t.database, mailer: down, tenantId, now, publicUrl: 'https://rytme.example.no' });
    assert.deepEqual({ claimed: first.claimed, sent: first.sent, failed: first.failed }, { claimed: 2, sent: 0, failed: 2 });
    // The next run a few minutes later leaves the failure alone; the one after 15 minutes retries it.
    const soon = await sendDueReminders({ database: t.database, mailer: mailerFor(t.database), tenantId, now: new Date(now.getTime() + 5 * 60_000), publicUrl: 'https://rytme.example.no' });
    assert.equal(soon.sent, 0);
    const later = await sendDueReminders({ database: t.database, mailer: mailerFor(t.database), tenantId, now: new Date(now.getTime() + 16 * 60_000), publicUrl: 'https://rytme.example.no' });
    assert.deepEqual({ claimed: later.claimed, sent: later.sent }, { claimed: 0, sent: 2 });
    await smtp.waitFor(() => to('leiar.a@example.no').length > beforeA);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(to('leiar.a@example.no').length - beforeA, 1);
    const rows = await queryRows<{ status: string; attempts: number }>(t.database.db, sql`select r.status, r.attempts from wheel_reminders r join wheel_milestones m on m.id = r.milestone_id where m.title = 'Evaluering av tiltak'`);
    assert.deepEqual(rows.map((r) => [r.status, r.attempts]), [['sent', 2], ['sent', 2]]);
  });

  it('sends a claim left unsent by a crash exactly once, and leaves a fresh send in progress alone', async () => {
    const milestoneId = (await t.database.withTenant(tenantId, (tx) => tx.select().from(wheelReminders)))[0]!.milestoneId;
    const now = at('2027-03-20');
    await t.database.withTenant(tenantId, (tx) =>
      tx.insert(wheelReminders).values([
        // Claimed, then the process died before mailing.
        { tenantId, accountId: leaderA.accountId, milestoneId, unitKey: unitA.id, step: 'test:pending', stepDate: '2027-03-20', status: 'pending' },
        // Another instance is mailing this right now.
        { tenantId, accountId: leaderA.accountId, milestoneId, unitKey: unitA.id, step: 'test:busy', stepDate: '2027-03-20', status: 'sending', attempts: 1, attemptedAt: new Date(now.getTime() - 60_000) },
      ]),
    );
    const beforeA = to('leiar.a@example.no').length;
    await Promise.all([
      sendDueReminders({ database: t.database, mailer: mailerFor(t.database), tenantId, now, publicUrl: 'https://rytme.example.no' }),
      sendDueReminders({ database: second, mailer: mailerFor(second), tenantId, now, publicUrl: 'https://rytme.example.no' }),
    ]);
    await smtp.waitFor(() => to('leiar.a@example.no').length > beforeA);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(to('leiar.a@example.no').length - beforeA, 1);
    const rows = await queryRows<{ step: string; status: string; attempts: number }>(t.database.db, sql`select step, status, attempts from wheel_reminders where step like 'test:%' order by step`);
    assert.deepEqual(rows, [
      { step: 'test:busy', status: 'sending', attempts: 1 },
      { step: 'test:pending', status: 'sent', attempts: 1 },
    ]);
    // Fifteen minutes later the stuck send is taken over once.
    await sendDueReminders({ database: t.database, mailer: mailerFor(t.database), tenantId, now: new Date(now.getTime() + 16 * 60_000), publicUrl: 'https://rytme.example.no' });
    const busy = await t.database.withTenant(tenantId, (tx) => tx.select().from(wheelReminders).where(eq(wheelReminders.step, 'test:busy')));
    assert.equal(busy[0]!.status, 'sent');
    assert.equal(busy[0]!.attempts, 2);
  });
});
