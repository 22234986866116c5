// The union representative (tillitsvald) approves a submitted roster, or returns it to the
// leader with comments (required when returning).
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../shared/actor.ts';
import { transitionRoster } from './change-roster-status.ts';
import { parseRosterInput } from './roster.rules.ts';

export const ZReviewRosterSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), version: z.unknown(), comment: z.string().trim().max(4000).optional() }),
  z.object({ decision: z.literal('return'), version: z.unknown(), comment: z.string().trim().min(1, { message: 'roster.errors.commentRequired' }).max(4000) }),
]);

export interface ReviewRosterPeriodOptions {
  database: Database;
  actor: Actor;
  periodId: string;
  input: unknown;
  requestId?: string;
}

export async function reviewRosterPeriod({ database, actor, periodId, input, requestId }: ReviewRosterPeriodOptions) {
  const values = parseRosterInput(ZReviewRosterSchema, input);
  return transitionRoster({
    database,
    actor,
    periodId,
    version: values.version,
    transition: values.decision,
    action: 'roster.review',
    requestId,
    check: async () => ({ reviewComment: values.comment ? values.comment : null }),
  });
}
