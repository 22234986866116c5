import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountThrottleKey, emailFingerprint, isLocked, normalizeEmail, safeNextPath } from './auth.rules.ts';

describe('safeNextPath', () => {
  it('keeps same-site relative paths with query and hash', () => {
    assert.equal(safeNextPath('/org/units?x=1#top'), '/org/units?x=1#top');
    assert.equal(safeNextPath('/'), '/');
  });
  it('refuses absolute, scheme-relative, backslash and control-character tricks', () => {
    for (const bad of ['https://evil.example/', '//evil.example/x', '/\\evil.example', '\\\\evil', 'javascript:alert(1)', '/a\nb', '', undefined, 42, 'org']) {
      assert.equal(safeNextPath(bad), '/', String(bad));
    }
  });
  it('refuses paths that become scheme-relative once dot segments are resolved', () => {
    for (const bad of ['/.//evil.example', '/a/..//evil.example/x', '/%2e//evil.example', '/%2e%2e//evil.example?x=1']) {
      assert.equal(safeNextPath(bad), '/', bad);
    }
  });
  it('never returns to the sign-in pages themselves', () => {
    assert.equal(safeNextPath('/login?next=/x'), '/');
    assert.equal(safeNextPath('/auth/oidc/callback'), '/');
    assert.equal(safeNextPath('/password/reset/abc'), '/');
  });
});

describe('throttling', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  it('locks at the limit inside the window and unlocks when the window has passed', () => {
    const start = new Date(now.getTime() - 5 * 60_000);
    assert.equal(isLocked({ failures: 4, windowStart: start }, 5, now), false);
    assert.equal(isLocked({ failures: 5, windowStart: start }, 5, now), true);
    assert.equal(isLocked({ failures: 5, windowStart: new Date(now.getTime() - 16 * 60_000) }, 5, now), false);
    assert.equal(isLocked(undefined, 5, now), false);
  });
  it('keys accounts by a fingerprint of the normalised address, never the address itself', () => {
    assert.equal(normalizeEmail('  Kari@Example.NO '), 'kari@example.no');
    assert.equal(emailFingerprint('Kari@example.no'), emailFingerprint(' kari@EXAMPLE.no'));
    const key = accountThrottleKey('t1', 'kari@example.no');
    assert.doesNotMatch(key, /kari/);
    assert.match(key, /^acct:t1:[0-9a-f]{32}$/);
  });
});
