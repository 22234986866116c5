// Roster jobs: solving a period. The handler calls the core use case as the system on behalf
// of the leader who asked; the use case writes progress and the result into the period.
// Not retried: a retry would only solve the same question again, and the leader can ask anew.
import { z } from 'zod';
import { solveRosterPeriod } from '../core/roster/solve-roster-period.ts';
import type { SystemActor } from '../core/shared/actor.ts';
import type { AppServices } from '../server/services.ts';
import type { JobDefinition } from './queue.ts';

const ZRosterSolveJobSchema = z.object({
  tenantId: z.uuid(),
  periodId: z.uuid(),
  requestedBy: z.string().min(1).max(200),
  seconds: z.number().int().min(1).max(300),
});

export const rosterSolveJob: JobDefinition<typeof ZRosterSolveJobSchema> = { id: 'roster.solve', version: 1, schema: ZRosterSolveJobSchema, retryLimit: 0, expireInSeconds: 15 * 60 };

const systemActor = (tenantId: string): SystemActor => ({ kind: 'system', tenantId, purpose: 'roster-job' });

export async function registerRosterJobs(services: AppServices): Promise<void> {
  await services.jobs.work(rosterSolveJob, async (payload) => {
    const result = await solveRosterPeriod({ database: services.database, actor: systemActor(payload.tenantId), periodId: payload.periodId, seconds: payload.seconds, onBehalfOf: payload.requestedBy });
    if (result.status === 'failed') services.logger.warn({ periodId: payload.periodId, reason: result.failure }, 'roster solve ended without a roster');
  });
}
