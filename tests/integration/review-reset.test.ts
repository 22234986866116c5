// Review finding on password reset: a made-up link must be refused before the costly argon2
// hash of the new password, so anonymous requests cannot burn CPU and memory for nothing.
// The hash is counted (the real argon2 hash behind a counter), never timed: timings belong in
// the benchmarks, not in tests.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resetPassword } from '../../core/auth/reset-password.ts';
import { hashPassword } from '../../core/auth/password.ts';
import { requestPasswordReset } from '../../core/auth/request-password-reset.ts';
import { AppError } from '../../core/shared/app-error.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createAccount, createTenant } from '../support/factories.ts';

describe('review: password reset cost', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
  });
  after(() => db.close());

  it('refuses unknown links without hashing the new password', async () => {
    let hashes = 0;
    const countingHash = (password: string) => {
      hashes += 1;
      return hashPassword(password);
    };
    for (let i = 0; i < 8; i++) {
      await assert.rejects(
        resetPassword({ database: db.database, token: `made-up-token-${i}-${'y'.repeat(30)}`, password: 'a-long-new-password', now: new Date(), hash: countingHash }),
        (e: unknown) => AppError.is(e, 'CONFLICT') && e.messageKey === 'auth.reset.invalid',
      );
    }
    assert.equal(hashes, 0);

    // A real link from "forgot password" does reach the hash, exactly once.
    const tenant = await createTenant(db.database);
    const account = await createAccount(db.database, tenant.id, { email: 'reset-me@example.no' });
    const sent: string[] = [];
    const mailer = { send: async (m: { text: string }) => (sent.push(m.text), { id: 'x', status: 'sent' as const }) };
    await requestPasswordReset({ database: db.database, mailer, tenantSlug: tenant.slug, email: account.email, publicUrl: 'http://localhost:3000', now: new Date() });
    const token = /\/password\/reset\/([A-Za-z0-9_-]+)/.exec(sent[0] ?? '')?.[1];
    assert.ok(token, 'the mail holds a reset link');
    await resetPassword({ database: db.database, token, password: 'a-long-new-password', now: new Date(), hash: countingHash });
    assert.equal(hashes, 1);
  });
});
