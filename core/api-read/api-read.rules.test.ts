import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { AppError } from '../shared/app-error.ts';
import { decodeCursor, encodeCursor, pageOf } from './api-read.rules.ts';

describe('api cursors', () => {
  it('round-trips an id and refuses foreign cursors', () => {
    const id = randomUUID();
    assert.equal(decodeCursor(encodeCursor(id)), id);
    assert.equal(decodeCursor(undefined), null);
    assert.throws(() => decodeCursor('bm9uc2Vuc2U'), (e) => AppError.is(e, 'VALIDATION') && e.issues[0]!.path === 'query.cursor');
  });

  it('pages: a next cursor only when more rows came back than asked for', () => {
    const rows = [1, 2, 3].map(() => ({ id: randomUUID() }));
    assert.deepEqual(pageOf(rows, 3), { items: rows, nextCursor: null });
    const two = pageOf(rows, 2);
    assert.equal(two.items.length, 2);
    assert.equal(decodeCursor(two.nextCursor), rows[1]!.id);
  });
});
