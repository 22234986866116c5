// Solves a rostering instance with the HiGHS MIP solver (WASM, single-threaded) from the
// LP-text formulation, with a time limit; reports the incumbent roster.
import loadHighs from 'highs';
import type { Roster, RosteringInstance } from '../model.ts';
import { OFF } from '../model.ts';
import { buildLp } from './formulation.ts';

export interface HighsResult {
  readonly roster: Roster | null;
  /** Objective reported by HiGHS plus the formulation constant (Infinity if no incumbent). */
  readonly objective: number;
  readonly status: string;
  readonly firstFeasibleMs: number | null;
  readonly buildMs: number;
}

export async function solveWithHighs(
  inst: RosteringInstance,
  opts: { timeLimitMs: number; onImprove?: (objective: number, elapsedMs: number) => void },
): Promise<HighsResult> {
  const start = performance.now();
  const highs = await loadHighs();
  const lp = buildLp(inst);
  const buildMs = performance.now() - start;
  let firstFeasibleMs: number | null = null;
  const model = highs.createModel({ format: 'lp', data: lp.text });
  try {
    const remaining = Math.max(1, (opts.timeLimitMs - (performance.now() - start)) / 1000);
    model.options.set({ output_flag: false, time_limit: remaining, mip_rel_gap: 0 });
    model.run({
      [highs.constants.callbackType.mipImprovingSolution](event) {
        const t = performance.now() - start;
        if (firstFeasibleMs === null) firstFeasibleMs = t;
        const v = event.data.objective_function_value;
        if (typeof v === 'number') opts.onImprove?.(v + lp.constant, t);
      },
    });
    const statusCode = model.getModelStatus();
    const status =
      Object.entries(highs.constants.modelStatus).find(([, v]) => v === statusCode)?.[0] ?? String(statusCode);
    const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
    if (!hasSolution) return { roster: null, objective: Infinity, status, firstFeasibleMs, buildMs };
    const values = model.getSolution().colValue;
    const index = new Map<string, number>();
    for (let i = 0; i < values.length; i++) index.set(model.getColName(i), i);
    const roster: Roster = inst.employees.map((_, e) =>
      Array.from({ length: inst.horizonDays }, (_, d) => {
        for (let s = 0; s < inst.shiftTypes.length; s++) {
          const name = lp.xName(e, d, s);
          const i = name === null ? undefined : index.get(name);
          if (i !== undefined && values[i]! > 0.5) return s;
        }
        return OFF;
      }),
    );
    if (firstFeasibleMs === null) firstFeasibleMs = performance.now() - start;
    return { roster, objective: model.getObjectiveValue() + lp.constant, status, firstFeasibleMs, buildMs };
  } finally {
    model.dispose();
  }
}
