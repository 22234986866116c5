// The leader asks for a roster: the period is marked queued and a solve job is sent (after
// the transaction has committed). Only while the roster is editable and no solve is running
// (one queued or running for longer than the job may live counts as lost).
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findPeriod, lockPeriod, queueSolve } from '../../db/repositories/roster.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { loadContext, periodResource, periodStatus } from './roster-period.ts';
import { isEditable, parseRosterInput } from './roster.rules.ts';
import { DEFAULT_SOLVE_SEED, SOLVE_LEVELS, ZSolveSeedSchema, type TSolveLevel } from './solve-budget.ts';

/** A solve queued or running longer than the job's expiry (15 min) is treated as lost. */
export const STALE_SOLVE_MS = 15 * 60_000;

/** The level of the work budget, and optionally a seed (blank = the default, 1). */
export const ZRequestRosterSolveSchema = z.object({
  level: z.enum(SOLVE_LEVELS).default('normal'),
  seed: z.preprocess((v) => (v === '' || v === null ? undefined : v), ZSolveSeedSchema.optional()),
});

export interface RequestRosterSolveOptions {
  database: Database;
  actor: Actor;
  periodId: string;
  input: unknown;
  /** Send the job (called after the commit). */
  enqueue: (job: { periodId: string; level: TSolveLevel; seed: number }) => Promise<unknown>;
  requestId?: string;
}

export async function requestRosterSolve({ database, actor, periodId, input, enqueue, requestId }: RequestRosterSolveOptions): Promise<void> {
  if (!z.uuid().safeParse(periodId).success) throw notFound();
  const { level, seed } = await database.withTenant(actor.tenantId, async (tx) => {
    const period = await findPeriod(tx, periodId);
    if (!period) throw notFound();
    authorize(actor, 'roster.manage', periodResource(actor, period));
    const values = parseRosterInput(ZRequestRosterSolveSchema, input);
    await lockPeriod(tx, periodId);
    if (!isEditable(periodStatus(period))) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'roster.errors.notEditable' });
    const { ctx } = await loadContext(tx, period);
    if (ctx.employees.length === 0) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'roster.errors.noEmployees' });
    const moved = await queueSolve(tx, periodId, new Date(Date.now() - STALE_SOLVE_MS));
    if (!moved) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'roster.errors.solveRunning' });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'roster.solve.request', subjectType: 'roster_period', subjectId: periodId, requestId, details: { level: values.level, seed: values.seed ?? DEFAULT_SOLVE_SEED } });
    return { level: values.level, seed: values.seed ?? DEFAULT_SOLVE_SEED };
  });
  await enqueue({ periodId, level, seed });
}
