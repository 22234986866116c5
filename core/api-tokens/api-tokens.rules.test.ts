import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ZCreateApiTokenSchema, generateApiTokenSecret, hashApiToken, knownScopes, looksLikeApiToken, normaliseScopes } from './api-tokens.rules.ts';

describe('api token rules', () => {
  it('generates distinct secrets of the documented shape', () => {
    const a = generateApiTokenSecret();
    const b = generateApiTokenSecret();
    assert.notEqual(a, b);
    assert.match(a, /^rytme_[A-Za-z0-9_-]{43}$/);
    assert.equal(looksLikeApiToken(a), true);
  });

  it('refuses strings that are not tokens', () => {
    for (const s of ['', 'rytme_', 'rytme_short', `other_${'a'.repeat(43)}`, `rytme_${'a'.repeat(42)}!`, `rytme_${'a'.repeat(44)}`]) assert.equal(looksLikeApiToken(s), false, s);
  });

  it('hashes to hex sha256 that differs from the secret', () => {
    const secret = generateApiTokenSecret();
    const hash = hashApiToken(secret);
    assert.match(hash, /^[0-9a-f]{64}$/);
    assert.equal(hashApiToken(secret), hash);
    assert.ok(!hash.includes(secret.slice(6)));
  });

  it('keeps known scopes only and orders them', () => {
    assert.deepEqual([...knownScopes(['people:read', 'nonsense', 'org:read'])].sort(), ['org:read', 'people:read']);
    assert.deepEqual(normaliseScopes(['people:write', 'org:read', 'people:write']), ['org:read', 'people:write']);
  });

  it('requires a name and at least one known scope', () => {
    assert.equal(ZCreateApiTokenSchema.safeParse({ name: '  ', scopes: ['org:read'] }).success, false);
    assert.equal(ZCreateApiTokenSchema.safeParse({ name: 'HR', scopes: [] }).success, false);
    assert.equal(ZCreateApiTokenSchema.safeParse({ name: 'HR', scopes: ['admin:all'] }).success, false);
    assert.deepEqual(ZCreateApiTokenSchema.parse({ name: ' HR ', scopes: ['org:read'] }), { name: 'HR', scopes: ['org:read'] });
  });
});
