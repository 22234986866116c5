// The words of a reminder follow the day the mail is written, not the step's own day: a job that
// runs late after downtime (or a retry the next day) must not say "the deadline is today".
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { composeReminderMail, stepText } from './wheel-mail.ts';
import { wishReminderText } from '../roster/wish-reminder-text.ts';

describe('reminder texts', () => {
  const deadline = '2026-11-01';

  it('counts the days from the day of writing, before and after the deadline', () => {
    assert.equal(stepText('nn', 'before:14', deadline, '2026-10-18'), '14 dagar til fristen (2026-11-01)');
    // The 14-day step sent four days late says ten days.
    assert.equal(stepText('nn', 'before:14', deadline, '2026-10-22'), '10 dagar til fristen (2026-11-01)');
    assert.equal(stepText('nn', 'before:3', deadline, '2026-10-31'), 'Fristen er i morgon (2026-11-01)');
    assert.equal(stepText('nn', 'due', deadline, '2026-11-01'), 'Fristen er i dag (2026-11-01)');
    // The on-the-day step retried the next morning.
    assert.equal(stepText('nn', 'due', deadline, '2026-11-02'), 'Fristen gjekk ut i går (2026-11-01)');
    assert.equal(stepText('nb', 'overdue:7', deadline, '2026-11-09'), 'Fristen gikk ut for 8 dager siden (2026-11-01)');
    assert.equal(stepText('en', 'due', deadline, '2026-10-31'), 'The deadline is tomorrow (2026-11-01)');
  });

  it('says how long past the deadline an escalation is', () => {
    assert.match(stepText('nn', 'escalation', deadline, '2026-11-15'), /^Ikkje ferdig 14 dagar etter fristen \(2026-11-01\)/);
  });

  it('counts a wish deadline from the day of writing, never below today', () => {
    assert.equal(wishReminderText('nn', deadline, '2026-10-25'), 'Fristen for å leggje inn turnusønske er om 7 dagar (2026-11-01).');
    assert.equal(wishReminderText('nn', deadline, '2026-10-31'), 'Fristen for å leggje inn turnusønske er i morgon (2026-11-01).');
    assert.equal(wishReminderText('nn', deadline, '2026-11-01'), 'Fristen for å leggje inn turnusønske er i dag (2026-11-01).');
  });

  it('writes the digest lines with the same count', () => {
    const mail = composeReminderMail({
      language: 'en',
      name: 'Kari',
      tenantName: 'Flora',
      publicUrl: 'https://rytme.example/',
      digest: true,
      today: '2026-10-30',
      items: [
        { kind: 'milestone', milestoneId: 'm1', milestoneTitle: 'Mapping form', deadline, unitName: 'Flora skule', step: 'before:3' },
        { kind: 'wishes', periodId: 'p1', periodName: 'Spring', deadline, unitName: 'Flora omsorg', step: 'wish:1' },
      ],
    });
    assert.match(mail.text, /Mapping form – Flora skule: 2 days to the deadline \(2026-11-01\)/);
    assert.match(mail.text, /https:\/\/rytme\.example\/wheel\/milestones\/m1/);
    assert.match(mail.text, /Spring.*Flora omsorg: The deadline for entering roster wishes is in 2 days \(2026-11-01\)\./);
  });
});
