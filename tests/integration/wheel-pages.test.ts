// The annual wheel's pages over HTTP on the built server: the wheel renders as accessible SVG
// with holidays and a text list, a leader's status form only for their own unit (and a forged
// POST for another unit is refused), employees cannot create milestones, CSRF is required,
// and the calendar feed answers valid iCalendar only for a live secret link.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyWheelTemplate } from '../../core/annual-wheel/apply-wheel-template.ts';
import { createCalendarFeed } from '../../core/annual-wheel/manage-calendar-feed.ts';
import { getWheelYear } from '../../core/annual-wheel/get-wheel-year.ts';
import type { AccountActor } from '../../core/shared/actor.ts';
import { signInAs, startTestApp, type Client, type TestApp } from '../support/server.ts';
import { actorFor, createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

describe('annual wheel pages (HTTP)', () => {
  let t: TestApp;
  let tenantId: string;
  let leader: Client;
  let employee: Client;
  let leaderActor: AccountActor;
  let ownUnitId: string;
  let otherUnitId: string;
  let milestoneId: string;
  const year = new Date().getFullYear();

  before(async () => {
    t = await startTestApp();
    const db = t.db.database;
    tenantId = (await createTenant(db)).id;
    const root = await createUnit(db, tenantId, { kind: 'kommune' });
    const own = await createUnit(db, tenantId, { parent: root, name: 'Eigen skule', kind: 'eining' });
    const other = await createUnit(db, tenantId, { parent: root, name: 'Anna skule', kind: 'eining' });
    ownUnitId = own.id;
    otherUnitId = other.id;
    const l = await createPerson(db, tenantId, { unitId: own.id });
    await makeLeader(db, tenantId, own.id, l.person.id);
    const e = await createPerson(db, tenantId, { unitId: own.id });
    const leaderAccount = await createAccount(db, tenantId, { personId: l.person.id });
    leaderActor = await actorFor(db, tenantId, leaderAccount);
    const employeeAccount = await createAccount(db, tenantId, { personId: e.person.id });
    const sys = { kind: 'system' as const, tenantId, purpose: 'test' };
    await applyWheelTemplate({ database: db, actor: sys, input: { template: 'gloppen', year }, language: 'nn' });
    milestoneId = (await getWheelYear({ database: db, actor: sys, year, language: 'nn' })).milestones[2]!.id; // rollover, every eining
    leader = await signInAs(t, tenantId, leaderAccount.id);
    employee = await signInAs(t, tenantId, employeeAccount.id);
  });
  after(() => t.close());

  it('renders the wheel as an image with title and description, holidays and the milestone list', async () => {
    const res = await employee.get(`/wheel?year=${year}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<svg[^>]*role="img"[^>]*aria-labelledby="wheel-title wheel-desc"/);
    assert.match(html, new RegExp(`<title id="wheel-title">Årshjulet for ${year}</title>`));
    assert.match(html, /<desc id="wheel-desc">[^<]*4 milepælar/);
    assert.ok((html.match(/stroke="#8a1c1c"/g) ?? []).length >= 10, 'public holidays drawn on the rim');
    for (const month of ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des']) assert.ok(html.includes(`>${month}</text>`), month);
    assert.match(html, /Kartleggingsskjema rullert/);
    assert.match(html, /Grunnlovsdagen/);
    // The English wheel names its months in English.
    employee.cookies.set('rytme_lang', 'en');
    const en = await (await employee.get(`/wheel?year=${year}`)).text();
    employee.cookies.delete('rytme_lang');
    assert.ok(en.includes('>Jan</text>') && en.includes('>Dec</text>'));
    assert.match(en, /Constitution Day/);
  });

  it('shows a leader the status form for their own unit only, and refuses a forged one for another', async () => {
    const html = await (await leader.get(`/wheel/milestones/${milestoneId}`)).text();
    assert.ok(html.includes(`id="status-${ownUnitId}"`));
    assert.ok(!html.includes(`id="status-${otherUnitId}"`));
    const forged = await leader.postForm(`/wheel/milestones/${milestoneId}`, { unitId: otherUnitId, status: 'done', version: '' });
    assert.equal(forged.status, 403);
    const noCsrf = await leader.fetch(`/wheel/milestones/${milestoneId}`, { method: 'POST', body: new URLSearchParams({ unitId: ownUnitId, status: 'done', version: '' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(noCsrf.status, 403);
    const ok = await leader.postForm(`/wheel/milestones/${milestoneId}`, { unitId: ownUnitId, status: 'done', version: '' });
    assert.equal(ok.status, 200);
    const year2 = await getWheelYear({ database: t.db.database, actor: leaderActor, year, language: 'nn' });
    const statuses = Object.fromEntries(year2.milestones[2]!.units.map((u) => [u.unitId, u.status]));
    assert.deepEqual(statuses, { [ownUnitId]: 'done', [otherUnitId]: 'not_started' });
  });

  it('does not let an employee create milestones or apply templates', async () => {
    const fields = { title: 'X', deadline: `${year}-10-01`, ownerRole: 'coordinator', concerns: 'other', target: 'none', reminderOffsets: '0', overdueEveryDays: '0', escalateAfterDays: '' };
    assert.equal((await employee.postForm(`/wheel/milestones/new?year=${year}`, fields)).status, 403);
    assert.equal((await employee.postForm('/wheel/templates', { template: 'flora', year: String(year + 1) })).status, 403);
    assert.equal((await getWheelYear({ database: t.db.database, actor: leaderActor, year: year + 1, language: 'nn' })).cycle, null);
  });

  it('serves the calendar feed as text/calendar for a live link and 404 otherwise', async () => {
    const { token } = await createCalendarFeed({ database: t.db.database, actor: leaderActor });
    const anonymous = await fetch(`${t.url}/wheel/feed/${token}`);
    assert.equal(anonymous.status, 200);
    assert.match(anonymous.headers.get('content-type') ?? '', /^text\/calendar/);
    const body = await anonymous.text();
    assert.ok(body.startsWith('BEGIN:VCALENDAR\r\n') && body.endsWith('END:VCALENDAR\r\n'));
    assert.match(body, /SUMMARY:Kartleggingsskjema rullert/);
    assert.equal((await fetch(`${t.url}/wheel/feed/rytmecal_${'x'.repeat(43)}`)).status, 404);
  });
});
