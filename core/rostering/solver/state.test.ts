// The incremental search state must always agree with a full recomputation, and the row DP
// must only return rows that respect the sequence rules.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { violatingEmployee } from './anneal.ts';
import { compile } from './compiled.ts';
import { randomInstance } from './fixtures.ts';
import { Random } from './random.ts';
import { RowOptimizer } from './row-dp.ts';
import { SearchState } from './state.ts';

test('incremental counters equal a full recomputation after random moves and undos', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 4 }), (seed, shifts) => {
      const c = compile(randomInstance(seed, { employees: 5, weeks: 2, shiftTypes: shifts, competence: true }));
      const st = new SearchState(c);
      const rnd = new Random(seed);
      const vals = new Int32Array(c.H);
      for (let i = 0; i < 300; i++) {
        const e = rnd.int(c.E), a = rnd.int(c.H), b = Math.min(c.H - 1, a + rnd.int(4));
        const kind = rnd.int(3);
        if (kind === 0) st.applyCell(e, a, rnd.int(c.S + 1) - 1);
        else if (kind === 1) { for (let d = a; d <= b; d++) vals[d - a] = rnd.int(c.S + 1) - 1; st.applyBlock(e, a, b, vals); }
        else st.applySwap(e, (e + 1 + rnd.int(c.E - 1)) % c.E, a, b);
        if (rnd.next() < 0.3) st.undo();
        const snapshot = [st.soft, st.hardUnits, st.hardMinutes];
        st.recompute();
        assert.deepEqual([st.soft, st.hardUnits, st.hardMinutes], snapshot);
      }
    }),
    { numRuns: 40 },
  );
});

test('row DP returns rows without sequence violations', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
      const c = compile(randomInstance(seed, { employees: 4, weeks: 2, shiftTypes: 3 }));
      const st = new SearchState(c);
      const dp = new RowOptimizer(st);
      for (let e = 0; e < c.E; e++) {
        if (!dp.optimize(e, 1000, 8)) continue;
        st.applyBlock(e, 0, c.H - 1, dp.row);
        assert.equal(st.localHard(e, 0, c.H - 1), 0);
        for (let d = 0; d < c.H; d++) {
          const s = st.x[e * c.H + d]!;
          if (s >= 0) assert.ok(!c.fixedOff[e * c.H + d] && c.maxPerType[e * c.S + s]! > 0);
        }
      }
    }),
    { numRuns: 40 },
  );
});

test('violatingEmployee finds exactly the employees whose own row breaks a rule', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
      const c = compile(randomInstance(seed, { employees: 5, weeks: 2, shiftTypes: 3 }));
      const st = new SearchState(c);
      const rnd = new Random(seed);
      for (let i = 0; i < 40; i++) st.applyCell(rnd.int(c.E), rnd.int(c.H), rnd.int(c.S + 1) - 1);
      const own = (e: number): boolean => {
        if (st.minuteDev(e, st.minutes[e]!) > 0 || st.weekendsWorked[e]! > c.maxWeekends[e]! || st.localHard(e, 0, c.H - 1) > 0) return true;
        for (let s = 0; s < c.S; s++) if (st.typeCount[e * c.S + s]! > c.maxPerType[e * c.S + s]!) return true;
        return false;
      };
      for (let from = 0; from < c.E; from++) {
        const got = violatingEmployee(st, from, -1);
        let expected = -1;
        for (let k = 0; k < c.E; k++) if (own((from + k) % c.E)) { expected = (from + k) % c.E; break; }
        assert.equal(got, expected);
      }
    }),
    { numRuns: 60 },
  );
});
