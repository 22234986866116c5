import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger, withoutQueryParams } from './logger.ts';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('logger', () => {
  it('drops the parameters of a failed query from error logs', async () => {
    assert.equal(withoutQueryParams('Failed query: select 1 where email = $1\nparams: kari@example.no'), 'Failed query: select 1 where email = $1\nparams: ***');
    const { lines, logger } = capture();
    const error = Object.assign(new Error('Failed query: insert into persons (given_name) values ($1)\nparams: Kari,Nordmann'), { params: ['Kari', 'Nordmann'] });
    logger.error({ err: error }, 'use case failed');
    logger.flush();
    await new Promise((r) => setImmediate(r));
    const text = JSON.stringify(lines);
    assert.doesNotMatch(text, /Nordmann/);
    assert.match(text, /Failed query: insert into persons/);
    assert.match(String((lines[0]!.err as { stack: string }).stack), /\n {4}at /, 'the stack frames stay');
  });

  it('masks secrets and passwords', async () => {
    const { lines, logger } = capture();
    logger.info({ input: { password: 'hunter2', token: 'abc', clientSecret: 's3' } }, 'x');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(lines[0]!.input, { password: '***', token: '***', clientSecret: '***' });
  });
});
