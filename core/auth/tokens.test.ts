import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hashSecret, newSecret, safeEqual, sealValue, unsealValue } from './tokens.ts';

describe('tokens', () => {
  it('makes 256-bit url-safe secrets and stores only their hash', () => {
    const a = newSecret();
    assert.match(a, /^[\w-]{43}$/);
    assert.notEqual(a, newSecret());
    assert.match(hashSecret(a), /^[0-9a-f]{64}$/);
    assert.ok(safeEqual('abc', 'abc'));
    assert.ok(!safeEqual('abc', 'abd'));
    assert.ok(!safeEqual('abc', 'abcd'));
  });

  it('seals a value so that tampering, another key or expiry make it unreadable', () => {
    const now = new Date('2026-01-01T10:00:00Z');
    const sealed = sealValue('k'.repeat(32), { state: 's1', next: '/x' }, now, 600);
    assert.deepEqual(unsealValue('k'.repeat(32), sealed, now), { state: 's1', next: '/x' });
    assert.equal(unsealValue('j'.repeat(32), sealed, now), null, 'another key');
    const [body, mac] = sealed.split('.');
    const forged = Buffer.from(JSON.stringify({ v: { state: 'evil' }, exp: now.getTime() + 600_000 })).toString('base64url');
    assert.equal(unsealValue('k'.repeat(32), `${forged}.${mac}`, now), null, 'altered body');
    assert.equal(unsealValue('k'.repeat(32), `${body}.x${mac}`, now), null, 'altered mac');
    assert.equal(unsealValue('k'.repeat(32), sealed, new Date(now.getTime() + 601_000)), null, 'expired');
    assert.equal(unsealValue('k'.repeat(32), undefined, now), null);
    assert.equal(unsealValue('k'.repeat(32), 'garbage', now), null);
  });
});
