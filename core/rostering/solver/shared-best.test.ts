// The portfolio's shared best roster: keeps only improvements, hands a better roster to a
// search that asks, and a search given a shared roster better than anything it finds returns
// that roster (and it passes the checker).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSolution } from '../checker/check.ts';
import { rosterToAssignments } from '../curtois-qu/solution-csv.ts';
import { anneal } from './anneal.ts';
import { compile } from './compiled.ts';
import { randomInstance } from './fixtures.ts';
import { SharedBest } from './shared-best.ts';

test('the shared best keeps only improvements and hands over only better rosters', () => {
  const shared = new SharedBest(3);
  const into = Int32Array.from([0, 0, 0]);
  assert.equal(shared.takeIfBetter(Infinity, into), null); // empty: nothing is better than anything
  assert.equal(shared.publish(10, Int32Array.from([1, 2, 3])), true);
  assert.equal(shared.publish(12, Int32Array.from([9, 9, 9])), false);
  assert.equal(shared.takeIfBetter(10, into), null);
  assert.deepEqual(Array.from(into), [0, 0, 0]);
  assert.equal(shared.takeIfBetter(11, into), 10);
  assert.deepEqual(Array.from(into), [1, 2, 3]);
  // a second view on the same memory (as a worker thread builds it) sees the same roster
  const view = new SharedBest(3, shared.buffers);
  const seen = Int32Array.from([0, 0, 0]);
  assert.equal(view.takeIfBetter(Infinity, seen), 10);
  assert.deepEqual(Array.from(seen), [1, 2, 3]);
  assert.throws(() => new SharedBest(4, shared.buffers));
});

test('a search adopts a better shared roster when it goes back to its best', () => {
  // find a good roster with a long search, then give it to a very short one through the pool
  let found = false;
  for (let seed = 1; seed <= 20 && !found; seed++) {
    const inst = randomInstance(seed, { employees: 5, weeks: 2, shiftTypes: 2 });
    const c = compile(inst);
    const strong = anneal(c, { seed, timeLimitMs: 1e9, iterations: 400_000 });
    const weak = anneal(c, { seed: seed + 1, timeLimitMs: 1e9, iterations: 20_000, params: { restoreMin: 1000, restoreFactor: 0 } });
    if (!strong.best || !weak.best || !(strong.objective < weak.objective)) continue;
    found = true;
    const shared = new SharedBest(c.E * c.H);
    shared.publish(strong.objective, strong.best);
    const helped = anneal(c, { seed: seed + 1, timeLimitMs: 1e9, iterations: 20_000, params: { restoreMin: 1000, restoreFactor: 0 }, shared });
    assert.ok(helped.best);
    assert.notEqual(helped.firstFeasibleMs, null);
    assert.ok(helped.objective <= strong.objective, `${helped.objective} > ${strong.objective}`);
    const H = inst.horizonDays;
    const roster = inst.employees.map((_, e) => Array.from(helped.best!.subarray(e * H, (e + 1) * H)));
    const check = checkSolution(inst, rosterToAssignments(inst, roster));
    assert.deepEqual(check.violations, []);
    assert.equal(check.objective, helped.objective);
  }
  assert.ok(found, 'no instance where the long search beat the short one');
});
