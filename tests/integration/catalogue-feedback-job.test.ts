// The feedback-reminder job on the real server and queue: scheduled every 15 minutes, and a run
// through pg-boss asks the attendee of a measure that ended yesterday for feedback through SMTP —
// once, even when the job is sent twice.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { feedbackRemindersJob } from '../../jobs/catalogue.jobs.ts';
import { addDays, reminderDay } from '../../core/annual-wheel/annual-wheel.rules.ts';
import { startTestApp, type TestApp } from '../support/server.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { createAccount, createPerson, createPublishedMeasure, createTenant, createUnit } from '../support/factories.ts';

describe('feedback reminder job', () => {
  let t: TestApp;
  let smtp: TestSmtp;

  before(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://rytme.example.no', MAIL_FROM: 'Rytme <rytme@example.no>' });
  });
  after(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('is scheduled every 15 minutes', async () => {
    const schedules = await t.app.services.jobs.boss.getSchedules(feedbackRemindersJob.id);
    assert.equal(schedules.length, 1);
    assert.equal(schedules[0]!.cron, '*/15 * * * *');
  });

  it('asks the attendee once through the queue', async () => {
    const db = t.db.database;
    const tenantId = (await createTenant(db)).id;
    const root = await createUnit(db, tenantId, { kind: 'kommune' });
    const person = await createPerson(db, tenantId, { unitId: root.id });
    await createAccount(db, tenantId, { personId: person.person.id, email: 'deltakar@example.no' });
    const yesterday = addDays(reminderDay(new Date()), -1);
    const measureId = await createPublishedMeasure(db, tenantId, { title: 'Velferdsteknologi', startDate: addDays(yesterday, -1), endDate: yesterday, attendee: { personId: person.person.id, unitId: root.id } });
    await t.app.services.jobs.send(feedbackRemindersJob, {});
    const mail = await smtp.waitFor((m) => m.to.includes('deltakar@example.no'), 20_000);
    assert.ok(mail.text.includes(`https://rytme.example.no/catalogue/measures/${measureId}/feedback`), mail.text);
    const second = await t.app.services.jobs.send(feedbackRemindersJob, {});
    assert.ok(second);
    for (let i = 0; i < 100; i++) {
      const job = await t.app.services.jobs.boss.getJobById(feedbackRemindersJob.id, second);
      if (job?.state === 'completed') break;
      assert.notEqual(job?.state, 'failed');
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal((await t.app.services.jobs.boss.getJobById(feedbackRemindersJob.id, second))?.state, 'completed');
    assert.equal(smtp.messages.filter((m) => m.to.includes('deltakar@example.no')).length, 1);
  });
});
