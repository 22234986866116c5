// Review finding on password reset: a made-up link must be refused before the costly argon2
// hash of the new password, so anonymous requests cannot burn CPU and memory for nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resetPassword } from '../../core/auth/reset-password.ts';
import { hashPassword } from '../../core/auth/password.ts';
import { AppError } from '../../core/shared/app-error.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

describe('review: password reset cost', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
  });
  after(() => db.close());

  it('refuses unknown links without hashing the new password', async () => {
    const tries = 8;
    // Warm up both paths, then compare with the time of half as many argon2 hashes.
    await hashPassword('warm-up-password-123');
    await resetPassword({ database: db.database, token: 'x'.repeat(43), password: 'a-long-new-password', now: new Date() }).catch(() => undefined);
    let start = performance.now();
    for (let i = 0; i < tries / 2; i++) await hashPassword(`some-password-${i}-xx`);
    const halfAsManyHashes = performance.now() - start;
    start = performance.now();
    for (let i = 0; i < tries; i++) {
      await assert.rejects(resetPassword({ database: db.database, token: `made-up-token-${i}-${'y'.repeat(30)}`, password: 'a-long-new-password', now: new Date() }), (e: unknown) => AppError.is(e, 'CONFLICT') && e.messageKey === 'auth.reset.invalid');
    }
    const refusals = performance.now() - start;
    assert.ok(refusals < halfAsManyHashes, `${tries} refusals took ${Math.round(refusals)} ms, ${tries / 2} hashes ${Math.round(halfAsManyHashes)} ms`);
  });
});
