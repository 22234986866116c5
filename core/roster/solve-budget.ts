// The roster job's work budget: a fixed number of search steps (iterations) per search, chosen
// from a level and the size of the period, so the same period, setup, wishes, level and seed give
// the same roster on any machine, however loaded. A time limit per attempt is only a safety cap;
// a run stopped by it is marked (its roster cannot be reproduced exactly).
import { z } from 'zod';

export const SOLVE_LEVELS = ['quick', 'normal', 'thorough'] as const;
export type TSolveLevel = (typeof SOLVE_LEVELS)[number];

/** Steps per decision slot (employee × day × (shift types + off)) and the safety cap per attempt. */
const LEVELS: Record<TSolveLevel, { stepsPerSlot: number; capSeconds: number }> = {
  quick: { stepsPerSlot: 60, capSeconds: 30 },
  normal: { stepsPerSlot: 250, capSeconds: 120 },
  thorough: { stepsPerSlot: 1000, capSeconds: 300 },
};

/** Independent searches run one after the other; the roster with fewest broken rules, then lowest objective, wins. */
export const SOLVE_ATTEMPTS = 2;
/** Parallel searches per attempt (fixed, not the machine's core count: the result depends on it). */
export const SOLVE_WORKERS = 2;
export const DEFAULT_SOLVE_SEED = 1;
const MIN_ITERATIONS = 50_000;
const MAX_ITERATIONS = 20_000_000;

export const ZSolveSeedSchema = z.coerce.number().int().min(1).max(2_147_483_647);

export interface SolveBudget {
  level: TSolveLevel;
  seed: number;
  /** Iterations per search (each worker of each attempt). */
  iterations: number;
  workers: number;
  attempts: number;
  /** Safety cap per attempt. */
  capSeconds: number;
}

export function solveBudget(level: TSolveLevel, seed: number, size: { employees: number; days: number; shiftTypes: number }): SolveBudget {
  const { stepsPerSlot, capSeconds } = LEVELS[level];
  const slots = Math.max(1, size.employees) * Math.max(1, size.days) * (size.shiftTypes + 1);
  const iterations = Math.min(MAX_ITERATIONS, Math.max(MIN_ITERATIONS, Math.round((stepsPerSlot * slots) / 1000) * 1000));
  return { level, seed, iterations, workers: SOLVE_WORKERS, attempts: SOLVE_ATTEMPTS, capSeconds };
}

/** The seed of attempt `a`, worker `w` (the portfolio gives worker w the seed + w). */
export function attemptSeed(seed: number, attempt: number): number {
  return seed + attempt * 1000;
}
