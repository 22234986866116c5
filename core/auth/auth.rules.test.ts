import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { accountThrottleKey, describeUserAgent, emailFingerprint, isLocked, normalizeEmail, safeNextPath } from './auth.rules.ts';

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

test('describeUserAgent names browser and system, never echoing a long raw string', () => {
  assert.equal(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'), 'Chrome · Windows');
  assert.equal(describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'), 'Safari · iOS');
  assert.equal(describeUserAgent(null), '–');
  assert.equal(describeUserAgent('curl/8.0 ' + 'x'.repeat(100)).length, 40);
});
