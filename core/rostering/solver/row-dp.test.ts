// Row DP rules: rows respect the resources the DP tracks exactly (total minutes, weekends), and
// on tiny rows the DP's optimum equals the brute-force optimum over all rows satisfying every
// hard rule of that employee (with the other employees fixed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { compile } from './compiled.ts';
import { randomInstance } from './fixtures.ts';
import { RowOptimizer } from './row-dp.ts';
import { SearchState } from './state.ts';

function weekendsWorked(c: ReturnType<typeof compile>, row: ArrayLike<number>): number {
  let n = 0, last = -1;
  for (let d = 0; d < c.H; d++) {
    const w = c.weekendOf[d]!;
    if (row[d]! >= 0 && w >= 0 && w !== last) { n++; last = w; }
  }
  return n;
}

test('rows stay within the minutes window and weekend maximum whenever the DP tracks them exactly', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 3 }), (seed, shifts) => {
      const c = compile(randomInstance(seed, { employees: 4, weeks: 3, shiftTypes: shifts, competence: true }));
      const st = new SearchState(c);
      const dp = new RowOptimizer(st);
      for (let e = 0; e < c.E; e++) {
        if (!dp.optimize(e, 1000, 8)) continue;
        const exact = dp.exactFor(e);
        if (exact.weekends) assert.ok(weekendsWorked(c, dp.row) <= c.maxWeekends[e]!);
        if (exact.minutes) {
          let m = 0;
          for (let d = 0; d < c.H; d++) if (dp.row[d]! >= 0) m += c.length[dp.row[d]!]!;
          assert.ok(m >= c.minMinutes[e]! && m <= c.maxMinutes[e]!, `minutes ${m}`);
        }
        st.applyBlock(e, 0, c.H - 1, dp.row);
      }
    }),
    { numRuns: 40 },
  );
});

test('on one-week rows the DP finds the brute-force optimum over hard-feasible rows', () => {
  let compared = 0;
  for (let seed = 1; seed <= 60; seed++) {
    const inst = randomInstance(seed, { employees: 3, weeks: 1, shiftTypes: 2, competence: true });
    // per-type maxima are priced, not exact: make them non-binding for this comparison
    const employees = inst.employees.map((emp) => ({ ...emp, maxShiftsPerType: emp.maxShiftsPerType.map((m) => (m > 0 ? 7 : 0)) }));
    const c = compile({ ...inst, employees });
    const st = new SearchState(c);
    // fix employees 1.. to something arbitrary, optimise employee 0
    for (let e = 1; e < c.E; e++) for (let d = 0; d < c.H; d++) if (!c.fixedOff[e * c.H + d] && (d + e) % 3 === 0) st.applyCell(e, d, c.allowedShifts[e]![0] ?? -1);
    for (let d = 0; d < c.H; d++) st.applyCell(0, d, -1);
    const dp = new RowOptimizer(st);
    const exact = dp.exactFor(0);
    if (!exact.minutes || !exact.weekends) continue;
    const hardBefore = st.hardUnits + st.hardMinutes - st.localHard(0, 0, c.H - 1) - (st.minuteDev(0, st.minutes[0]!));
    // brute force over all (S+1)^7 rows
    const row = new Int32Array(c.H);
    let best = Infinity;
    const total = (c.S + 1) ** c.H;
    for (let code = 0; code < total; code++) {
      let x = code;
      let onFixedOff = false;
      for (let d = 0; d < c.H; d++) {
        row[d] = (x % (c.S + 1)) - 1; x = Math.floor(x / (c.S + 1));
        if (row[d]! >= 0 && c.fixedOff[d]) onFixedOff = true; // fixed days off are not counted by the state
      }
      if (onFixedOff) continue;
      st.applyBlock(0, 0, c.H - 1, row);
      const own = st.hardUnits + st.hardMinutes - hardBefore;
      if (own === 0 && st.hardUnits + st.hardMinutes === hardBefore) best = Math.min(best, st.soft);
      st.undo();
    }
    const found = dp.optimize(0, 1e6, 8);
    if (best === Infinity) continue; // no hard-feasible row for this employee
    assert.ok(found, `seed ${seed}`);
    st.applyBlock(0, 0, c.H - 1, dp.row);
    assert.equal(st.hardUnits + st.hardMinutes, hardBefore, `seed ${seed}: DP row breaks a hard rule`);
    assert.ok(Math.abs(st.soft - best) < 1e-9, `seed ${seed}: DP ${st.soft} vs brute force ${best}`);
    compared++;
  }
  assert.ok(compared >= 10, `only ${compared} instances compared`);
});

test('retyping keeps the days worked, respects successions and allowed shifts, and is the cheapest row hitting the minutes window', () => {
  let compared = 0;
  for (let seed = 1; seed <= 80; seed++) {
    const inst = randomInstance(seed, { employees: 3, weeks: 1, shiftTypes: 3 });
    // per-type maxima are priced, not exact: make them non-binding here
    const employees = inst.employees.map((emp) => ({ ...emp, maxShiftsPerType: emp.maxShiftsPerType.map((m) => (m > 0 ? 7 : 0)) }));
    const c = compile({ ...inst, employees });
    const st = new SearchState(c);
    for (let e = 1; e < c.E; e++) for (let d = 0; d < c.H; d++) if (!c.fixedOff[e * c.H + d] && (d + e) % 3 === 0) st.applyCell(e, d, c.allowedShifts[e]![0] ?? -1);
    const allowed = c.allowedShifts[0]!;
    if (allowed.length < 2) continue;
    // a pattern: work on days allowed for employee 0, every day but every third
    const pattern = new Int32Array(c.H).fill(-1);
    for (let d = 0; d < c.H; d++) if (!c.fixedOff[d] && d % 3 !== 2) pattern[d] = allowed[0]!;
    const worked = Array.from(pattern.keys()).filter((d) => pattern[d]! >= 0);
    // brute force over all shift types on the worked days
    let best = Infinity;
    const row = new Int32Array(c.H);
    const total = allowed.length ** worked.length;
    const minutesOf = (r: Int32Array): number => r.reduce((m, s) => m + (s >= 0 ? c.length[s]! : 0), 0);
    const succOk = (r: Int32Array): boolean => { for (let d = 1; d < c.H; d++) if (r[d - 1]! >= 0 && r[d]! >= 0 && c.forbidden[r[d - 1]! * c.S + r[d]!]) return false; return true; };
    for (let code = 0; code < total; code++) {
      row.fill(-1);
      let x = code;
      for (const d of worked) { row[d] = allowed[x % allowed.length]!; x = Math.floor(x / allowed.length); }
      const m = minutesOf(row);
      if (m < c.minMinutes[0]! || m > c.maxMinutes[0]! || !succOk(row)) continue;
      st.applyBlock(0, 0, c.H - 1, row);
      best = Math.min(best, st.soft);
      st.undo();
    }
    const dp = new RowOptimizer(st);
    const out = Int32Array.from(pattern);
    const ok = dp.retypeRow(0, out, 1000);
    const m0 = minutesOf(pattern);
    if (m0 >= c.minMinutes[0]! && m0 <= c.maxMinutes[0]!) { assert.ok(ok); continue; } // already inside: left alone
    if (best === Infinity) { assert.equal(ok, false, `seed ${seed}: retyped although no row exists`); continue; }
    assert.ok(ok, `seed ${seed}: no retyped row found`);
    for (let d = 0; d < c.H; d++) {
      assert.equal(out[d]! >= 0, pattern[d]! >= 0, `seed ${seed}: day ${d} changed between work and off`);
      if (out[d]! >= 0) assert.ok(c.maxPerType[out[d]!]! > 0, `seed ${seed}: shift not allowed`);
    }
    assert.ok(succOk(out), `seed ${seed}: forbidden succession`);
    const m = minutesOf(out);
    assert.ok(m >= c.minMinutes[0]! && m <= c.maxMinutes[0]!, `seed ${seed}: minutes ${m}`);
    st.applyBlock(0, 0, c.H - 1, out);
    assert.ok(Math.abs(st.soft - best) < 1e-9, `seed ${seed}: retyped ${st.soft} vs brute force ${best}`);
    st.undo();
    compared++;
  }
  assert.ok(compared >= 5, `only ${compared} instances compared`);
});

test('on year-long rows where weekends are priced, not tracked, the DP still keeps to the weekend maximum', () => {
  let checked = 0;
  for (let seed = 1; seed <= 12; seed++) {
    const inst = randomInstance(seed, { employees: 3, weeks: 52, shiftTypes: 8 });
    // no lower bound on minutes, so the weekend maximum is the binding row-level rule
    const employees = inst.employees.map((emp) => ({ ...emp, minTotalMinutes: 0, maxTotalMinutes: 364 * 720, maxWeekends: Math.min(emp.maxWeekends, 20) }));
    const c = compile({ ...inst, employees });
    const st = new SearchState(c);
    const dp = new RowOptimizer(st);
    for (let e = 0; e < c.E; e++) {
      if (dp.exactFor(e).weekends) continue;
      if (!dp.optimize(e, 1e4, 8)) continue;
      assert.ok(weekendsWorked(c, dp.row) <= c.maxWeekends[e]!, `seed ${seed} employee ${e}: ${weekendsWorked(c, dp.row)} weekends > ${c.maxWeekends[e]}`);
      checked++;
    }
  }
  assert.ok(checked >= 5, `only ${checked} rows checked`);
});
