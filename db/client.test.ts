import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inlineLiteral, literalsClosed, openingStatement, quoteLiteral } from './client.ts';

describe('inlineLiteral (statements sent in one round trip)', () => {
  it('writes ids, hashes, numbers, booleans, dates and null as literals', () => {
    assert.equal(inlineLiteral('0f3a9c'), "'0f3a9c'");
    assert.equal(inlineLiteral('6a1f0c2e-1b2c-4d5e-8f90-123456789abc'), "'6a1f0c2e-1b2c-4d5e-8f90-123456789abc'");
    assert.equal(inlineLiteral(42), '42');
    assert.equal(inlineLiteral(false), 'false');
    assert.equal(inlineLiteral(null), 'null');
    assert.equal(inlineLiteral(new Date('2026-12-02T06:00:00Z')), "'2026-12-02T06:00:00.000Z'");
  });

  it('refuses anything that would need escaping', () => {
    for (const bad of ["x' or 1=1 --", 'back\\slash', 'semi;colon', 'line\nbreak', Number.NaN, { a: 1 }, ['a'], 'æøå']) {
      assert.throws(() => inlineLiteral(bad), /only plain scalar/, JSON.stringify(bad));
    }
  });
});

describe('quoteLiteral (statements sent with the commit)', () => {
  it('dollar-quotes text so no value can end the literal early', () => {
    assert.equal(quoteLiteral("it's"), "$q$it's$q$");
    assert.equal(quoteLiteral('a $q$ b'), '$q0$a $q$ b$q0$');
    assert.equal(quoteLiteral('ends in $q'), '$q0$ends in $q$q0$');
    assert.equal(quoteLiteral({ a: 1 }), '$q${"a":1}$q$');
    assert.equal(quoteLiteral(new Date('2026-01-01T00:00:00Z')), '$q$2026-01-01T00:00:00.000Z$q$');
    assert.equal(quoteLiteral(7), '7');
    assert.equal(quoteLiteral(null), 'null');
  });

  it('refuses what cannot be stored', () => {
    assert.throws(() => quoteLiteral(Number.POSITIVE_INFINITY), /finite/);
    assert.throws(() => quoteLiteral('nul\0byte'), /NUL/);
  });
});

describe('openingStatement (a unit of work opened with its first statement)', () => {
  it('sends only a statement whose literals, quoted names, dollar quotes and comments all end within it', () => {
    assert.equal(literalsClosed(`select 'a;b', "x""y", $t$ it's $t$, $1 /* c */ from t -- end`), true);
    assert.equal(literalsClosed(`select 'it''s' as a where x = $1`), true);
    assert.equal(literalsClosed(`select 'open where x = $1`), false);
    assert.equal(literalsClosed(`select "open where x = $1`), false);
    assert.equal(literalsClosed(`select $body$ open where x = $1`), false);
    assert.equal(literalsClosed(`select 1 /* open where x = $1`), false);
  });
  it('prepares and executes, never writes the values into the statement, and leaves out what PREPARE cannot take', () => {
    const conn = {};
    const first = openingStatement('begin', `select $1::text as v`, ["x'); drop table t; --"], conn)!;
    assert.match(first.text, /^begin\n; prepare o[0-9a-f]+ as select \$1::text as v\n; execute o[0-9a-f]+\(\$q\$x'\); drop table t; --\$q\$\)$/);
    assert.equal(openingStatement('begin', `select 'unterminated $1`, ['x'], conn), null);
    assert.equal(openingStatement('begin', `select $1 into t`, ['x'], conn), null);
    assert.equal(openingStatement('begin', `explain select $1`, ['x'], conn), null);
    assert.equal(openingStatement('begin', `select 1; select $1`, ['x'], conn), null);
    assert.equal(openingStatement('begin', `select 1`, [], conn), null, 'no parameters: the opening goes on its own');
  });
});
