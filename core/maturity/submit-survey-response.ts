// Answer a survey round, anonymously. In one transaction, with the round row locked:
//   1. the round must be open and the account invited (its group comes from the invitation);
//   2. the participation marker (round, account) is inserted; if it exists, the answer is
//      refused (CONFLICT) — nobody answers twice;
//   3. the round's responses are rewritten with the new one in random order and fresh random
//      ids, without account, timestamp or link to the marker.
// No audit entry is written for the answer: an entry with actor and time is exactly the link
// the design avoids. The marker itself is the record that the person took part.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { findInvitation, insertParticipation, listResponses, lockRound, replaceResponses } from '../../db/repositories/maturity.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, forbidden, notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseSurveyAnswers, shuffled } from './maturity.rules.ts';

export interface SubmitSurveyResponseOptions {
  database: Database;
  actor: Actor;
  roundId: string;
  input: unknown;
}

export async function submitSurveyResponse({ database, actor, roundId, input }: SubmitSurveyResponseOptions): Promise<void> {
  authorize(actor, 'maturity.answer', { tenantId: actor.tenantId });
  if (actor.kind !== 'account') throw forbidden();
  if (!z.uuid().safeParse(roundId).success) throw notFound();
  const answers = parseSurveyAnswers(input);
  await database.withTenant(actor.tenantId, async (tx) => {
    const round = await lockRound(tx, roundId);
    if (!round) throw notFound();
    const invitation = await findInvitation(tx, roundId, actor.accountId);
    if (!invitation) throw notFound();
    if (round.status !== 'open') throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'maturity.errors.roundClosed' });
    const first = await insertParticipation(tx, { tenantId: actor.tenantId, roundId, accountId: actor.accountId });
    if (!first) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'maturity.errors.alreadyAnswered' });
    const all = [...(await listResponses(tx, roundId)), { group: invitation.group, answers }];
    await replaceResponses(tx, actor.tenantId, roundId, shuffled(all, (n) => randomInt(n)));
  });
}
