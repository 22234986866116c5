// Close (or reopen) a survey round. Results are shown only for a closed round, so nobody can
// tell one person's answer from the difference between two looks at the results.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findRound, setRoundStatus } from '../../db/repositories/maturity.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseMaturityInput } from './maturity.rules.ts';

const ZSetRoundStatusSchema = z.object({ status: z.enum(['open', 'closed']), version: z.coerce.number().int().min(1) });

export interface SetSurveyRoundStatusOptions {
  database: Database;
  actor: Actor;
  roundId: string;
  input: unknown;
  requestId?: string;
}

export async function setSurveyRoundStatus({ database, actor, roundId, input, requestId }: SetSurveyRoundStatusOptions): Promise<{ version: number }> {
  authorize(actor, 'maturity.manage', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(roundId).success) throw notFound();
  const values = parseMaturityInput(ZSetRoundStatusSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    if (!(await findRound(tx, roundId))) throw notFound();
    const version = await setRoundStatus(tx, roundId, values.version, values.status);
    if (version === null) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: values.status === 'closed' ? 'maturity.round.close' : 'maturity.round.reopen', subjectType: 'maturity_survey_round', subjectId: roundId, requestId });
    return { version };
  });
}
