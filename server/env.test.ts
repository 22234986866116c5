import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeConfig, loadEnv, processCount } from './env.ts';

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

  it('runs an HTTP process per core but one on PostgreSQL, exactly one on the embedded database', () => {
    const pg = 'postgres://u:p@db:5432/rytme';
    const base = { NODE_ENV: 'test' };
    assert.equal(processCount(loadEnv({ ...base, DATABASE_URL: pg }), 4), 3);
    assert.equal(processCount(loadEnv({ ...base, DATABASE_URL: pg }), 1), 1);
    assert.equal(processCount(loadEnv({ ...base, DATABASE_URL: pg, WEB_CONCURRENCY: '2' }), 8), 2);
    assert.equal(processCount(loadEnv({}), 8), 1);
    assert.throws(() => loadEnv({ WEB_CONCURRENCY: '2' }), /WEB_CONCURRENCY.*one process/);
    assert.throws(() => loadEnv({ ...base, DATABASE_URL: pg, WEB_CONCURRENCY: '0' }), /WEB_CONCURRENCY/);
  });

  it('masks secrets in the start-up description', () => {
    const described = describeConfig(loadEnv({ DATABASE_URL: 'postgres://u:secret@db:5432/rytme', SESSION_SECRET: 's'.repeat(32), METRICS_TOKEN: 'm'.repeat(20) }));
    assert.equal(described.DATABASE_URL, '***');
    assert.equal(described.SESSION_SECRET, '***');
    assert.equal(described.METRICS_TOKEN, '***');
    assert.doesNotMatch(JSON.stringify(described), /secret@/);
  });
});
