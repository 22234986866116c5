// Solver tests: every roster the solver returns passes the independent checker with the same
// objective (property test over random instances); runs are reproducible for a seed and an
// iteration budget; the worker-thread portfolio works; on small instances the solver reaches
// the optimum proven by HiGHS.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkSolution } from '../checker/check.ts';
import { parseCurtoisQu } from '../curtois-qu/parse.ts';
import { rosterToAssignments } from '../curtois-qu/solution-csv.ts';
import { solveWithHighs } from '../highs/solve.ts';
import type { Roster, RosteringInstance } from '../model.ts';
import { anneal } from './anneal.ts';
import { compile } from './compiled.ts';
import { randomInstance } from './fixtures.ts';
import { solveRoster } from './portfolio.ts';

const benchDir = new URL('../../../../shared/bench/rostering/curtois-qu/', import.meta.url);

function toRoster(inst: RosteringInstance, flat: Int32Array): Roster {
  const H = inst.horizonDays;
  return inst.employees.map((_, e) => Array.from(flat.subarray(e * H, (e + 1) * H)));
}

test('every roster returned passes the independent checker with the same objective', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 1e9 }),
      fc.integer({ min: 2, max: 6 }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 3 }),
      fc.boolean(),
      (seed, employees, weeks, shiftTypes, competence) => {
        const inst = randomInstance(seed, { employees, weeks, shiftTypes, competence });
        const r = anneal(compile(inst), { seed, timeLimitMs: 1e9, iterations: 20_000 });
        if (r.best === null) return; // a random instance may have no feasible roster
        const check = checkSolution(inst, rosterToAssignments(inst, toRoster(inst, r.best)));
        assert.deepEqual(check.violations, []);
        assert.equal(check.objective, r.objective);
      },
    ),
    { numRuns: 60 },
  );
});

test('same seed and iteration budget give the same roster', () => {
  const inst = randomInstance(7, { employees: 6, weeks: 2, shiftTypes: 2, competence: true });
  const a = anneal(compile(inst), { seed: 3, timeLimitMs: 1e9, iterations: 30_000 });
  const b = anneal(compile(inst), { seed: 3, timeLimitMs: 1e9, iterations: 30_000 });
  assert.ok(a.best && b.best);
  assert.deepEqual(Array.from(a.best), Array.from(b.best));
  assert.equal(a.iterations, b.iterations);
});

test('worker portfolio solves Instance1 to its proven optimum 607, reproducibly', async () => {
  const inst = parseCurtoisQu(readFileSync(new URL('instances/Instance1.txt', benchDir), 'utf8'), 'Instance1');
  const progress: number[] = [];
  const opts = { timeLimitMs: 60_000, seed: 1, iterations: 1_000_000, workers: 2 };
  const a = await solveRoster(inst, { ...opts, onProgress: (p) => progress.push(p.objective) });
  const b = await solveRoster(inst, opts);
  assert.equal(a.workers, 2);
  assert.ok(a.roster && b.roster);
  assert.deepEqual(a.roster, b.roster);
  assert.equal(a.objective, 607);
  const check = checkSolution(inst, rosterToAssignments(inst, a.roster));
  assert.deepEqual(check.violations, []);
  assert.equal(check.objective, 607);
  assert.ok(progress.length > 0 && progress.every((v, i) => i === 0 || v < progress[i - 1]!));
});

test('a time-limited portfolio (workers sharing their best roster) returns a roster the checker accepts', async () => {
  const inst = parseCurtoisQu(readFileSync(new URL('instances/Instance2.txt', benchDir), 'utf8'), 'Instance2');
  const progress: number[] = [];
  const r = await solveRoster(inst, { timeLimitMs: 3000, seed: 1, workers: 2, onProgress: (p) => progress.push(p.objective) });
  assert.equal(r.workers, 2);
  assert.ok(r.roster);
  assert.notEqual(r.firstFeasibleMs, null);
  const check = checkSolution(inst, rosterToAssignments(inst, r.roster));
  assert.deepEqual(check.violations, []);
  assert.equal(check.objective, r.objective);
  // the result is the best that was reported, and it is no worse than the best known by much
  assert.equal(Math.min(...progress), r.objective);
  assert.ok(r.objective < 828 * 1.1, `objective ${r.objective}`);
});

test('on tiny random instances the solver reaches the optimum proven by HiGHS', async () => {
  let compared = 0;
  for (const seed of [11, 12, 13, 14, 15, 16]) {
    const inst = randomInstance(seed, { employees: 3, weeks: 1, shiftTypes: 2, competence: true });
    const h = await solveWithHighs(inst, { timeLimitMs: 20_000 });
    const r = anneal(compile(inst), { seed: 1, timeLimitMs: 1e9, iterations: 200_000 });
    if (h.status === 'infeasible') {
      assert.equal(r.best, null, `seed ${seed}: HiGHS proves infeasible`);
      continue;
    }
    assert.equal(h.status, 'optimal', `seed ${seed}`);
    assert.ok(h.roster && r.best, `seed ${seed}`);
    const hc = checkSolution(inst, rosterToAssignments(inst, h.roster));
    assert.deepEqual(hc.violations, [], `seed ${seed}`);
    assert.ok(Math.abs(hc.objective - h.objective) < 1e-6, `seed ${seed}: checker ${hc.objective} vs HiGHS ${h.objective}`);
    assert.equal(r.objective, hc.objective, `seed ${seed}`);
    compared++;
  }
  assert.ok(compared >= 3, `only ${compared} feasible instances compared`);
});
