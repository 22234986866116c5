import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { actorKind, auditCsv, csvCell, describeAction, detailsText, filterFromSearchParams, ZAuditFilterSchema } from './audit.rules.ts';

describe('audit rules', () => {
  it('parses the filter, treating empty fields as absent and refusing odd values', () => {
    const parsed = ZAuditFilterSchema.parse({ before: '120', action: 'auth', actor: '', from: '2026-01-01', to: '' });
    assert.equal(parsed.before, 120);
    assert.equal(parsed.action, 'auth');
    assert.equal(parsed.actor, undefined);
    assert.equal(parsed.from, '2026-01-01');
    assert.equal(parsed.to, undefined);
    assert.equal(ZAuditFilterSchema.safeParse({ action: "auth%' or 1=1" }).success, false);
    assert.equal(ZAuditFilterSchema.safeParse({ from: '01.02.2026' }).success, false);
    assert.equal(ZAuditFilterSchema.safeParse({ before: '-3' }).success, false);
    assert.deepEqual(filterFromSearchParams(new URLSearchParams('action=person&x=1&to=')), { action: 'person' });
  });

  it('tells the kinds of actors apart', () => {
    assert.equal(actorKind('api:123', false, null), 'api');
    assert.equal(actorKind('system:import-job', false, null), 'system');
    assert.equal(actorKind('anonymous', false, null), 'anonymous');
    assert.equal(actorKind('9f1c…', false, { platform: true }), 'platform');
    assert.equal(actorKind('9f1c…', true, { platform: true }), 'account');
  });

  it('describes known actions in each language and falls back to the code', () => {
    assert.equal(describeAction('nn', 'auth.login'), 'Logga inn');
    assert.equal(describeAction('nb', 'auth.login'), 'Logget inn');
    assert.equal(describeAction('en', 'platform.tenant.suspend'), 'Suspended the municipality (platform)');
    assert.equal(describeAction('en', 'something.new'), 'something.new');
  });

  it('writes CSV cells safely', () => {
    assert.equal(csvCell('a"b'), '"a""b"');
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell(null), '""');
    const csv = auditCsv('en', [{ id: 7, at: new Date('2026-03-01T10:00:00Z'), actor: 'a1', actorName: 'Kari; Nordmann', action: 'auth.login', subjectType: null, subjectId: null, requestId: 'r1', details: null }]);
    assert.ok(csv.startsWith('\uFEFF"No";"Time (UTC)"'));
    const lines = csv.slice(1).trimEnd().split('\r\n');
    assert.equal(lines.length, 2);
    assert.equal(lines[1], '"7";"2026-03-01T10:00:00.000Z";"Kari; Nordmann";"a1";"auth.login";"Signed in";"";"";"r1";""');
  });

  it('shows details as short key: value text', () => {
    assert.equal(detailsText(null), null);
    assert.equal(detailsText({}), null);
    assert.equal(detailsText({ rows: 10, filter: { actor: 'x' }, skipped: undefined }), 'rows: 10, filter: {"actor":"x"}');
    assert.equal(detailsText({ text: 'y'.repeat(50) }, 20)!.length, 20);
  });
});
