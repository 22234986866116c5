// An employee proposes to swap what they have on one day of a published roster with a
// colleague in the same unit (vaktbyte). Checked at once against every rule, so nobody asks
// for a swap the leader would have to refuse; the leader decides (decide-roster-swap).
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findPeriod, insertSwap, listSwaps } from '../../db/repositories/roster.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, validation } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { loadContext, periodGrid, periodResource, periodStatus } from './roster-period.ts';
import { acceptsSwaps, parseRosterInput, swapIssues } from './roster.rules.ts';

export const ZProposeRosterSwapSchema = z.object({
  counterpartPersonId: z.uuid(),
  day: z.coerce.number().int().min(0),
  comment: z.string().trim().max(1000).optional(),
});

export interface ProposeRosterSwapOptions {
  database: Database;
  actor: Actor;
  periodId: string;
  input: unknown;
  requestId?: string;
}

export async function proposeRosterSwap({ database, actor, periodId, input, requestId }: ProposeRosterSwapOptions): Promise<{ id: string }> {
  if (!z.uuid().safeParse(periodId).success) throw notFound();
  const personId = actor.kind === 'account' ? actor.personId : null;
  return database.withTenant(actor.tenantId, async (tx) => {
    const period = await findPeriod(tx, periodId);
    if (!period || !personId) throw notFound();
    authorize(actor, 'roster.wish', periodResource(actor, period, personId));
    const values = parseRosterInput(ZProposeRosterSwapSchema, input);
    if (!acceptsSwaps(periodStatus(period))) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'roster.errors.notPublished' });
    const { ctx } = await loadContext(tx, period);
    if (values.counterpartPersonId === personId || !ctx.employees.some((e) => e.personId === values.counterpartPersonId)) throw validation([{ path: 'counterpartPersonId', key: 'roster.errors.notInUnit' }]);
    if (values.day >= ctx.days) throw validation([{ path: 'day', key: 'errors.field.invalid' }]);
    const grid = periodGrid(period, ctx);
    const mine = grid[personId]![values.day] ?? null;
    const theirs = grid[values.counterpartPersonId]![values.day] ?? null;
    if (mine === theirs) throw validation([{ path: 'day', key: 'roster.errors.swapSame' }]);
    const open = await listSwaps(tx, periodId, personId);
    if (open.some((s) => s.status === 'proposed' && s.day === values.day)) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'roster.errors.swapOpen' });
    const { hard } = swapIssues(ctx, grid, personId, values.counterpartPersonId, values.day);
    if (hard.length) throw new AppError(AppErrorCode.VALIDATION, { messageKey: 'roster.errors.swapRefused', issues: hard.map((i) => ({ path: 'day', key: i.key, params: i.params })) });
    const swap = await insertSwap(tx, { tenantId: actor.tenantId, periodId, requesterPersonId: personId, counterpartPersonId: values.counterpartPersonId, day: values.day, requesterShift: mine, counterpartShift: theirs, comment: values.comment || null });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'roster.swap.propose', subjectType: 'roster_period', subjectId: periodId, requestId, details: { swapId: swap.id, day: values.day, counterpartPersonId: values.counterpartPersonId } });
    return { id: swap.id };
  });
}
