// The solve job: builds the rostering model from the period (setup, rules, employees,
// unavailability, wishes), runs the solver with a deterministic work budget (solve-budget.ts: a
// number of iterations per search from the chosen level and the period's size, a fixed number of
// workers and a seed) while writing its progress for the progress bar, checks the result with the
// validator (weekly rest and weekly hours are rules the model cannot express; a greedy repair
// removes such breaches where it can), and stores the best roster. The solver gets two attempts
// with different seeds; the roster with fewest broken rules, then the lowest objective, wins.
// The time limit is only a safety cap per attempt (an AbortSignal): a loaded machine takes longer
// but reaches the same roster. Seed, level and budget are recorded in the solve summary, so the
// leader can see them and get the same roster again.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findPeriod, listWishes, lockPeriod, setSolveState, updatePeriod } from '../../db/repositories/roster.repository.ts';
import { solveRoster } from '../rostering/solver/portfolio.ts';
import { actorLabel, type SystemActor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { loadContext, periodResource, periodStatus } from './roster-period.ts';
import { buildInstance, gridFromRoster } from './roster.model.ts';
import { hardIssues, isEditable, repairRoster, validateRoster, ZWishSchema, type RosterGrid, type RosterWish } from './roster.rules.ts';
import { attemptSeed, DEFAULT_SOLVE_SEED, solveBudget, type TSolveLevel } from './solve-budget.ts';

export interface SolveRosterPeriodOptions {
  database: Database;
  actor: SystemActor;
  periodId: string;
  /** The work budget's level (default normal). */
  level?: TSolveLevel;
  seed?: number;
  /** Overrides of the level's budget (tests): iterations per search, workers, safety cap per attempt. */
  iterations?: number;
  workers?: number;
  capSeconds?: number;
  /** Account that asked, for the audit log. */
  onBehalfOf: string;
}

export type SolveOutcome = { status: 'done'; hardIssues: number; objective: number } | { status: 'failed'; failure: string };

const PROGRESS_EVERY_MS = 400;

export async function solveRosterPeriod(options: SolveRosterPeriodOptions): Promise<SolveOutcome> {
  const { database, actor, periodId } = options;
  if (!z.uuid().safeParse(periodId).success) throw notFound();
  const prepared = await database.withTenant(actor.tenantId, async (tx) => {
    const period = await findPeriod(tx, periodId);
    if (!period) throw notFound();
    authorize(actor, 'roster.manage', periodResource(actor, period));
    if (!isEditable(periodStatus(period))) return null;
    const started = await setSolveState(tx, periodId, { solveStatus: 'running', solveStartedAt: new Date(), solveFraction: 0 }, ['queued']);
    if (!started) return null;
    const { ctx } = await loadContext(tx, period);
    const wishRows = await listWishes(tx, periodId);
    const wishes = new Map(wishRows.map((w) => [w.personId, z.array(ZWishSchema).catch([]).parse(w.wishes) as RosterWish[]]));
    return { ctx, wishes, version: period.version };
  });
  if (!prepared) return { status: 'failed', failure: 'roster.solve.notQueued' };
  const { ctx, wishes, version } = prepared;
  const instance = buildInstance(ctx, wishes, periodId);
  const level = options.level ?? 'normal';
  const budget = {
    ...solveBudget(level, options.seed ?? DEFAULT_SOLVE_SEED, { employees: instance.employees.length, days: instance.horizonDays, shiftTypes: instance.shiftTypes.length }),
    ...(options.iterations !== undefined ? { iterations: options.iterations } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.capSeconds !== undefined ? { capSeconds: options.capSeconds } : {}),
  };
  const ATTEMPTS = budget.attempts;
  let iterationsDone = 0;
  let capped = false;
  let lastAttemptMs: number | null = null;
  let best: { grid: RosterGrid; hard: number; objective: number } | null = null;
  let lastWrite = 0;
  let bestObjective: number | null = null;
  const writeProgress = async (fraction: number) => {
    lastWrite = Date.now();
    await database.withTenant(actor.tenantId, (tx) => setSolveState(tx, periodId, { solveFraction: Math.min(1, fraction), solveObjective: bestObjective }, ['running']));
  };
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      let pending: Promise<unknown> = Promise.resolve();
      const capMs = budget.capSeconds * 1000;
      const cap = AbortSignal.timeout(capMs);
      // Progress within an attempt: its share of the previous attempt's duration (the same budget
      // takes about as long), or of the cap for the first; never shown as complete before it is.
      const expectedMs = lastAttemptMs ?? capMs;
      const started = Date.now();
      const result = await solveRoster(instance, {
        timeLimitMs: capMs,
        seed: attemptSeed(budget.seed, attempt),
        iterations: budget.iterations,
        workers: budget.workers,
        signal: cap,
        onProgress: (p) => {
          if (bestObjective === null || p.objective < bestObjective) bestObjective = p.objective;
          if (Date.now() - lastWrite >= PROGRESS_EVERY_MS) pending = pending.then(() => writeProgress((attempt + Math.min(0.95, p.elapsedMs / expectedMs)) / ATTEMPTS));
        },
      });
      await pending;
      lastAttemptMs = Date.now() - started;
      iterationsDone += result.iterations;
      if (cap.aborted) capped = true;
      if (result.roster) {
        const { grid } = repairRoster(ctx, gridFromRoster(ctx, result.roster));
        const hard = hardIssues(validateRoster(ctx, grid)).length;
        if (!best || hard < best.hard || (hard === best.hard && result.objective < best.objective)) best = { grid, hard, objective: result.objective };
      }
      await writeProgress((attempt + 1) / ATTEMPTS);
    }
  } catch (error) {
    await database.withTenant(actor.tenantId, (tx) => setSolveState(tx, periodId, { solveStatus: 'failed', solveFinishedAt: new Date(), solveSummary: { failure: 'roster.solve.crashed' } }));
    throw error;
  }
  const found = best;
  return database.withTenant(actor.tenantId, async (tx): Promise<SolveOutcome> => {
    await lockPeriod(tx, periodId);
    const period = await findPeriod(tx, periodId);
    const fail = async (failure: string): Promise<SolveOutcome> => {
      await setSolveState(tx, periodId, { solveStatus: 'failed', solveFinishedAt: new Date(), solveSummary: { failure } });
      return { status: 'failed', failure };
    };
    if (!period) return fail('roster.solve.changed');
    if (!found) return fail('roster.solve.infeasible');
    // The setup changed while the solver ran: its roster answers an old question.
    if (period.version !== version || !isEditable(periodStatus(period))) return fail('roster.solve.changed');
    const issues = validateRoster(ctx, found.grid);
    const updated = await updatePeriod(tx, periodId, version, { roster: found.grid });
    if (!updated) return fail('roster.solve.changed');
    const summary = {
      hardIssues: found.hard,
      softIssues: issues.length - found.hard,
      objective: found.objective,
      // What it takes to get this roster again: the same setup and wishes, this level and seed.
      level: budget.level,
      seed: budget.seed,
      iterations: budget.iterations,
      workers: budget.workers,
      attempts: budget.attempts,
      iterationsDone,
      capSeconds: budget.capSeconds,
      capped,
    };
    await setSolveState(tx, periodId, { solveStatus: 'done', solveFraction: 1, solveObjective: found.objective, solveFinishedAt: new Date(), solveSummary: summary });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'roster.solved', subjectType: 'roster_period', subjectId: periodId, details: { onBehalfOf: options.onBehalfOf, ...summary } });
    return { status: 'done', hardIssues: found.hard, objective: found.objective };
  });
}
