// Roster jobs: solving a period. The handler calls the core use case as the system on behalf
// of the leader who asked; the use case writes progress and the result into the period.
// Not retried: a retry would only solve the same question again, and the leader can ask anew.
import { z } from 'zod';
import { solveRosterPeriod } from '../core/roster/solve-roster-period.ts';
import { DEFAULT_SOLVE_SEED, SOLVE_LEVELS, ZSolveSeedSchema } from '../core/roster/solve-budget.ts';
import type { SystemActor } from '../core/shared/actor.ts';
import type { AppServices } from '../server/services.ts';
import type { JobDefinition } from './queue.ts';

// v2: a work budget (level + seed) instead of seconds; a v1 job still in the queue runs at the normal level with seed 1.
const ZRosterSolveJobSchema = z.object({
  tenantId: z.uuid(),
  periodId: z.uuid(),
  requestedBy: z.string().min(1).max(200),
  level: z.enum(SOLVE_LEVELS).default('normal'),
  seed: ZSolveSeedSchema.default(DEFAULT_SOLVE_SEED),
  seconds: z.number().int().min(1).max(300).optional(),
});

export const rosterSolveJob: JobDefinition<typeof ZRosterSolveJobSchema> = { id: 'roster.solve', version: 2, schema: ZRosterSolveJobSchema, retryLimit: 0, expireInSeconds: 15 * 60 };

const systemActor = (tenantId: string): SystemActor => ({ kind: 'system', tenantId, purpose: 'roster-job' });

export async function registerRosterJobs(services: AppServices): Promise<void> {
  await services.jobs.work(rosterSolveJob, async (payload) => {
    const result = await solveRosterPeriod({ database: services.database, actor: systemActor(payload.tenantId), periodId: payload.periodId, level: payload.level, seed: payload.seed, onBehalfOf: payload.requestedBy });
    if (result.status === 'failed') services.logger.warn({ periodId: payload.periodId, reason: result.failure }, 'roster solve ended without a roster');
  });
}
