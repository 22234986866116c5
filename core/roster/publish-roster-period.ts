// The leader publishes an approved roster: at least the period's lead time (four weeks by
// default) before it starts — later is refused, as the agreements require.
import type { Database } from '../../db/client.ts';
import type { Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { transitionRoster } from './change-roster-status.ts';
import { osloToday } from './roster-period.ts';
import { canPublishOn, publishDeadline } from './roster.rules.ts';

export interface PublishRosterPeriodOptions {
  database: Database;
  actor: Actor;
  periodId: string;
  input: { version: unknown };
  requestId?: string;
  today?: string;
}

export async function publishRosterPeriod({ database, actor, periodId, input, requestId, today = osloToday() }: PublishRosterPeriodOptions) {
  return transitionRoster({
    database,
    actor,
    periodId,
    version: input.version,
    transition: 'publish',
    action: 'roster.manage',
    requestId,
    check: async (_tx, period) => {
      if (!canPublishOn(today, period.startDate, period.publishLeadDays))
        throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'roster.errors.publishTooLate', params: { by: publishDeadline(period.startDate, period.publishLeadDays), days: period.publishLeadDays } });
      return { publishedAt: new Date() };
    },
  });
}
