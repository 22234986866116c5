// The leader sends the roster (forhandlingsturnus) to the union representatives for approval.
// Refused while any hard rule is broken: they approve a roster that keeps the law.
import type { Database } from '../../db/client.ts';
import type { Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { transitionRoster } from './change-roster-status.ts';
import { loadContext, periodGrid } from './roster-period.ts';
import { hardIssues, validateRoster } from './roster.rules.ts';

export interface SubmitRosterPeriodOptions {
  database: Database;
  actor: Actor;
  periodId: string;
  input: { version: unknown };
  requestId?: string;
}

export async function submitRosterPeriod({ database, actor, periodId, input, requestId }: SubmitRosterPeriodOptions) {
  return transitionRoster({
    database,
    actor,
    periodId,
    version: input.version,
    transition: 'submit',
    action: 'roster.manage',
    requestId,
    check: async (tx, period) => {
      if (!period.roster) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'roster.errors.noRoster' });
      const { ctx } = await loadContext(tx, period);
      const broken = hardIssues(validateRoster(ctx, periodGrid(period, ctx)));
      if (broken.length) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'roster.errors.submitBroken', params: { count: broken.length } });
      return { reviewComment: null };
    },
  });
}
