import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeConfig, loadEnv } from './env.ts';

describe('configuration', () => {
  it('has working defaults for the embedded database', () => {
    const env = loadEnv({});
    assert.equal(env.PORT, 3000);
    assert.equal(env.DATABASE_URL, undefined);
    assert.equal(env.TRUST_PROXY, 'loopback');
  });

  it('fails fast with the name of a bad variable', () => {
    assert.throws(() => loadEnv({ PORT: 'eighty' }), /PORT/);
    assert.throws(() => loadEnv({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
  });

  it('requires SESSION_SECRET in production with a PostgreSQL server', () => {
    assert.throws(() => loadEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/rytme' }), /SESSION_SECRET/);
    assert.doesNotThrow(() => loadEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/rytme', SESSION_SECRET: 'x'.repeat(32) }));
    assert.doesNotThrow(() => loadEnv({ NODE_ENV: 'production' }));
  });

  it('masks secrets in the start-up description', () => {
    const described = describeConfig(loadEnv({ DATABASE_URL: 'postgres://u:secret@db:5432/rytme', SESSION_SECRET: 's'.repeat(32), METRICS_TOKEN: 'm'.repeat(20) }));
    assert.equal(described.DATABASE_URL, '***');
    assert.equal(described.SESSION_SECRET, '***');
    assert.equal(described.METRICS_TOKEN, '***');
    assert.doesNotMatch(JSON.stringify(described), /secret@/);
  });
});
