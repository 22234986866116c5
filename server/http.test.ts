import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loggablePath, securityHeaders } from './http.ts';

describe('http hardening', () => {
  it('sends HSTS only with secure cookies outside development', () => {
    assert.equal(securityHeaders('n', false, true)['Strict-Transport-Security'], 'max-age=31536000; includeSubDomains');
    assert.equal(securityHeaders('n', false, false)['Strict-Transport-Security'], undefined);
    assert.equal(securityHeaders('n', true, true)['Strict-Transport-Security'], undefined);
  });

  it('builds a CSP with the nonce and without eval in production', () => {
    const csp = securityHeaders('abc123', false, true)['Content-Security-Policy']!;
    assert.match(csp, /script-src 'self' 'nonce-abc123'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
    assert.match(securityHeaders('abc123', true, false)['Content-Security-Policy']!, /unsafe-eval/);
  });

  it('masks reset tokens and caps long paths in logs', () => {
    assert.equal(loggablePath('/password/reset/abcDEF-123'), '/password/reset/***');
    assert.equal(loggablePath('/people/42'), '/people/42');
    assert.equal(loggablePath(`/x/${'a'.repeat(400)}`).length, 301);
  });
});
