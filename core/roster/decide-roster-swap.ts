// The leader approves or rejects a proposed swap. Approving re-checks every rule on the
// roster as it is now (it may have changed since the proposal) and applies the swap only if
// both cells are still what was proposed; the period's version is bumped.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { decideSwap, findPeriod, findSwap, lockPeriod, updatePeriod } from '../../db/repositories/roster.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { loadContext, periodGrid, periodResource, periodStatus } from './roster-period.ts';
import { acceptsSwaps, parseRosterInput, swapCells, swapIssues } from './roster.rules.ts';

export const ZDecideRosterSwapSchema = z.object({
  swapId: z.uuid(),
  version: z.coerce.number().int().min(1),
  decision: z.enum(['approve', 'reject']),
});

export interface DecideRosterSwapOptions {
  database: Database;
  actor: Actor;
  periodId: string;
  input: unknown;
  requestId?: string;
}

export async function decideRosterSwap({ database, actor, periodId, input, requestId }: DecideRosterSwapOptions): Promise<{ status: 'approved' | 'rejected' }> {
  if (!z.uuid().safeParse(periodId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const period = await findPeriod(tx, periodId);
    if (!period) throw notFound();
    authorize(actor, 'roster.manage', periodResource(actor, period));
    const values = parseRosterInput(ZDecideRosterSwapSchema, input);
    await lockPeriod(tx, periodId);
    const swap = await findSwap(tx, values.swapId);
    if (!swap || swap.periodId !== periodId) throw notFound();
    if (swap.version !== values.version || swap.status !== 'proposed') throw staleVersion();
    const status = values.decision === 'approve' ? 'approved' : 'rejected';
    if (status === 'approved') {
      if (!acceptsSwaps(periodStatus(period))) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'roster.errors.notPublished' });
      const { ctx } = await loadContext(tx, period);
      if (!ctx.employees.some((e) => e.personId === swap.requesterPersonId) || !ctx.employees.some((e) => e.personId === swap.counterpartPersonId)) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'roster.errors.notInUnit' });
      const grid = periodGrid(period, ctx);
      if ((grid[swap.requesterPersonId]![swap.day] ?? null) !== swap.requesterShift || (grid[swap.counterpartPersonId]![swap.day] ?? null) !== swap.counterpartShift)
        throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'roster.errors.swapOutdated' });
      const { hard } = swapIssues(ctx, grid, swap.requesterPersonId, swap.counterpartPersonId, swap.day);
      if (hard.length) throw new AppError(AppErrorCode.VALIDATION, { messageKey: 'roster.errors.swapRefused', issues: hard.map((i) => ({ path: 'swap', key: i.key, params: i.params })) });
      const updated = await updatePeriod(tx, periodId, period.version, { roster: swapCells(grid, swap.requesterPersonId, swap.counterpartPersonId, swap.day) });
      if (!updated) throw staleVersion();
    }
    const decided = await decideSwap(tx, swap.id, values.version, { status, decidedBy: actorLabel(actor), comment: swap.comment });
    if (!decided) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: `roster.swap.${values.decision}`, subjectType: 'roster_period', subjectId: periodId, requestId, details: { swapId: swap.id, day: swap.day } });
    return { status };
  });
}
