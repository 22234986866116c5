// Feedback reminders after a measure ends, through the real mailer and a real SMTP server: each
// attendee who has not answered gets one mail and one in-app notification linking to the form,
// however many runs there are (also two at once); not before the end, not to someone absent or
// who already answered, not for a measure that ended long ago; and a failed mail is retried
// once the SMTP server is back, still only once delivered. Another tenant's run never touches them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { enrolments } from '../../db/schema/index.ts';
import { createMailer } from '../../server/mail.ts';
import { createLogger } from '../../server/logger.ts';
import type { AccountActor } from '../../core/shared/actor.ts';
import { giveFeedback } from '../../core/catalogue/give-feedback.ts';
import { listNotifications } from '../../core/annual-wheel/list-notifications.ts';
import { FEEDBACK_STALE_MINUTES, runFeedbackReminders, sendFeedbackReminders } from '../../core/catalogue/send-feedback-reminders.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { actorFor, createAccount, createPerson, createPublishedMeasure, createTenant, createUnit } from '../support/factories.ts';

/** 08:00 in Norway on `date` (CET). */
const at = (date: string) => new Date(`${date}T07:00:00Z`);

describe('feedback reminders after a measure ends', () => {
  let t: TestDatabase;
  let smtp: TestSmtp;
  let outboxDir: string;
  let tenantId: string;
  let otherTenantId: string;
  let measureId: string;
  const people: Record<'attended' | 'answered' | 'absent', AccountActor> = {} as never;
  const to = (address: string) => smtp.messages.filter((m) => m.to.includes(address));
  const publicUrl = 'https://rytme.example.no';

  before(async () => {
    smtp = await startTestSmtp();
    outboxDir = mkdtempSync(path.join(tmpdir(), 'rytme-feedback-'));
    t = await createTestDatabase();
    const db = t.database;
    tenantId = (await createTenant(db, { name: 'Tilbakevik' })).id;
    const root = await createUnit(db, tenantId, { kind: 'kommune' });
    const unit = await createUnit(db, tenantId, { parent: root, name: 'Heimetenesta', kind: 'eining' });
    // Ends 2027-02-10: the reminder is due from 07:00 on 2027-02-11.
    measureId = await createPublishedMeasure(db, tenantId, { title: 'Demensomsorg i praksis', startDate: '2027-02-09', endDate: '2027-02-10' });
    // Ended more than 30 days before the run: no reminder, even though attended and unanswered.
    const oldMeasure = await createPublishedMeasure(db, tenantId, { title: 'Gamalt kurs', startDate: '2026-11-01', endDate: '2026-11-02' });
    for (const key of ['attended', 'answered', 'absent'] as const) {
      const p = await createPerson(db, tenantId, { unitId: unit.id, givenName: key });
      people[key] = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: p.person.id, email: `${key}@example.no`, displayName: key }));
      await db.withTenant(tenantId, (tx) => tx.insert(enrolments).values({ tenantId, measureId, personId: p.person.id, unitId: unit.id, status: 'approved', attended: key !== 'absent' }));
      if (key === 'attended') await db.withTenant(tenantId, (tx) => tx.insert(enrolments).values({ tenantId, measureId: oldMeasure, personId: p.person.id, unitId: unit.id, status: 'approved', attended: true }));
    }
    await giveFeedback({ database: db, actor: people.answered, measureId, input: { learned: 'Mykje', usefulness: '5', sharing: 'På personalmøtet' }, now: at('2027-02-11') });
    // Another tenant with an ended measure and an attendee of its own.
    otherTenantId = (await createTenant(db, { name: 'Annavik' })).id;
    const otherRoot = await createUnit(db, otherTenantId, { kind: 'kommune' });
    const op = await createPerson(db, otherTenantId, { unitId: otherRoot.id });
    await createAccount(db, otherTenantId, { personId: op.person.id, email: 'annan@example.no' });
    await createPublishedMeasure(db, otherTenantId, { startDate: '2027-02-09', endDate: '2027-02-10', attendee: { personId: op.person.id, unitId: otherRoot.id } });
  });
  after(async () => {
    await t.close();
    await smtp.close();
    rmSync(outboxDir, { recursive: true, force: true });
  });

  const mailerTo = (url: string) => createMailer({ database: t.database, smtpUrl: url, from: 'Rytme <rytme@example.no>', outboxDir, logger: createLogger('silent') });

  it('sends nothing before the measure has ended (nor before 07:00 the day after)', async () => {
    const mailer = mailerTo(smtp.url);
    assert.equal((await sendFeedbackReminders({ database: t.database, mailer, tenantId, now: at('2027-02-10'), publicUrl })).claimed, 0);
    assert.equal((await sendFeedbackReminders({ database: t.database, mailer, tenantId, now: new Date('2027-02-11T05:00:00Z'), publicUrl })).claimed, 0);
    assert.equal(to('attended@example.no').length, 0);
  });

  it('asks the attendee who has not answered, once, by mail and notification, linking to the form', async () => {
    const mailer = mailerTo(smtp.url);
    const [one, two] = await Promise.all([
      sendFeedbackReminders({ database: t.database, mailer, tenantId, now: at('2027-02-11'), publicUrl }),
      sendFeedbackReminders({ database: t.database, mailer, tenantId, now: at('2027-02-11'), publicUrl }),
    ]);
    assert.equal(one.claimed + two.claimed, 1);
    assert.equal(one.sent + two.sent, 1);
    // Later runs, days later, send nothing more.
    assert.equal((await sendFeedbackReminders({ database: t.database, mailer, tenantId, now: at('2027-02-14'), publicUrl })).claimed, 0);
    const mails = to('attended@example.no');
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.header('subject'), 'Gje tilbakemelding: Demensomsorg i praksis');
    assert.ok(mails[0]!.text.includes(`${publicUrl}/catalogue/measures/${measureId}/feedback`), mails[0]!.text);
    assert.equal(to('answered@example.no').length, 0);
    assert.equal(to('absent@example.no').length, 0);
    // The old measure (ended 2026-11-02) brought none.
    assert.ok(!smtp.messages.some((m) => /Gamalt kurs/.test(m.text)));
    const notes = await listNotifications({ database: t.database, actor: people.attended });
    assert.deepEqual(
      notes.notifications.map((n) => [n.title, n.link]),
      [['Gje tilbakemelding: Demensomsorg i praksis', `/catalogue/measures/${measureId}/feedback`]],
    );
    assert.equal((await listNotifications({ database: t.database, actor: people.answered })).notifications.length, 0);
    // Only this tenant's run so far: the other tenant's attendee has nothing.
    assert.equal(to('annan@example.no').length, 0);
    const otherRows = await t.database.withTenant(otherTenantId, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from feedback_reminders`));
    assert.equal(otherRows[0]!.n, 0);
  });

  it('retries a mail that failed and delivers it once when the SMTP server is back', async () => {
    const p = await createPerson(t.database, tenantId, { unitId: (await createUnit(t.database, tenantId, { name: 'Sein' })).id, givenName: 'Sein' });
    await createAccount(t.database, tenantId, { personId: p.person.id, email: 'sein@example.no' });
    // Attendance recorded late: the reminder still comes within the window.
    await t.database.withTenant(tenantId, (tx) => tx.insert(enrolments).values({ tenantId, measureId, personId: p.person.id, unitId: p.employment.unitId, status: 'approved', attended: true }));
    const down = await sendFeedbackReminders({ database: t.database, mailer: mailerTo('smtp://127.0.0.1:1'), tenantId, now: at('2027-02-15'), publicUrl });
    assert.deepEqual([down.claimed, down.sent, down.failed], [1, 0, 1]);
    assert.equal(to('sein@example.no').length, 0);
    const later = new Date(at('2027-02-15').getTime() + (FEEDBACK_STALE_MINUTES + 1) * 60_000);
    const back = await runFeedbackReminders({ database: t.database, mailer: mailerTo(smtp.url), now: later, publicUrl });
    assert.equal(to('sein@example.no').length, 1);
    // The run over every tenant also asked the other tenant's attendee, once.
    assert.equal(to('annan@example.no').length, 1);
    assert.equal(back.sent, 2);
    await runFeedbackReminders({ database: t.database, mailer: mailerTo(smtp.url), now: new Date(later.getTime() + 60 * 60_000), publicUrl });
    assert.equal(to('sein@example.no').length, 1);
    assert.equal(to('annan@example.no').length, 1);
    assert.equal(to('attended@example.no').length, 1);
  });
});
