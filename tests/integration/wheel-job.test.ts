// The reminder job on the real server and queue: scheduled every 15 minutes, and a run through
// pg-boss mails the step due today to the unit's leader through SMTP — once, even when the job
// is sent twice.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { wheelRemindersJob } from '../../jobs/wheel.jobs.ts';
import { createMilestone } from '../../core/annual-wheel/create-milestone.ts';
import { osloDate, reminderDay } from '../../core/annual-wheel/annual-wheel.rules.ts';
import { startTestApp, type TestApp } from '../support/server.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

describe('wheel reminder job', () => {
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
    const schedules = await t.app.services.jobs.boss.getSchedules(wheelRemindersJob.id);
    assert.equal(schedules.length, 1);
    assert.equal(schedules[0]!.cron, '*/15 * * * *');
  });

  it('mails the step due today once through the queue', async () => {
    const db = t.db.database;
    const tenantId = (await createTenant(db)).id;
    const root = await createUnit(db, tenantId, { kind: 'kommune' });
    const unit = await createUnit(db, tenantId, { parent: root, name: 'Kyrkjebø skule', kind: 'eining' });
    const leader = await createPerson(db, tenantId, { unitId: unit.id });
    await makeLeader(db, tenantId, unit.id, leader.person.id);
    await createAccount(db, tenantId, { personId: leader.person.id, email: 'rektor@kyrkjebo.no' });
    const day = reminderDay(new Date());
    await createMilestone({
      database: db,
      actor: { kind: 'system', tenantId, purpose: 'test' },
      year: Number(day.slice(0, 4)),
      language: 'nn',
      input: { title: 'Kartleggingsskjema levert', deadline: day, ownerRole: 'unit_leader', concerns: 'mapping_form', target: 'kind:eining', reminderOffsets: '0', overdueEveryDays: '0', escalateAfterDays: '' },
    });
    await t.app.services.jobs.send(wheelRemindersJob, {});
    const mail = await smtp.waitFor((m) => m.to.includes('rektor@kyrkjebo.no'), 20_000);
    // Before the reminder hour (07:00 in Oslo) the day whose steps go out is yesterday, and the
    // mail says the deadline passed yesterday; from then on it is today.
    assert.match(mail.text, day === osloDate(new Date()) ? /Fristen er i dag/ : /Fristen gjekk ut i går/);
    assert.match(mail.text, /Kyrkjebø skule/);
    const second = await t.app.services.jobs.send(wheelRemindersJob, {});
    assert.ok(second);
    // Wait until the second run has completed before counting.
    for (let i = 0; i < 100; i++) {
      const job = await t.app.services.jobs.boss.getJobById(wheelRemindersJob.id, second);
      if (job?.state === 'completed') break;
      assert.notEqual(job?.state, 'failed');
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal((await t.app.services.jobs.boss.getJobById(wheelRemindersJob.id, second))?.state, 'completed');
    assert.equal(smtp.messages.filter((m) => m.to.includes('rektor@kyrkjebo.no')).length, 1);
  });
});
