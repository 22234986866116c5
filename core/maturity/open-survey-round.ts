// Open a self-assessment survey round for a year (one round per year). Coordinators and tenant
// admins. Refused with CONFLICT when the year already has a round.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { insertRound } from '../../db/repositories/maturity.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseMaturityInput, ZOpenRoundSchema } from './maturity.rules.ts';

export interface OpenSurveyRoundOptions {
  database: Database;
  actor: Actor;
  input: unknown;
  requestId?: string;
}

export async function openSurveyRound({ database, actor, input, requestId }: OpenSurveyRoundOptions): Promise<{ id: string; year: number }> {
  authorize(actor, 'maturity.manage', { tenantId: actor.tenantId });
  const values = parseMaturityInput(ZOpenRoundSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const round = await insertRound(tx, { tenantId: actor.tenantId, year: values.year, title: values.title, minGroupSize: values.minGroupSize });
    if (!round) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'maturity.errors.roundExists', params: { year: values.year } });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'maturity.round.open', subjectType: 'maturity_survey_round', subjectId: round.id, requestId, details: { year: values.year, minGroupSize: values.minGroupSize } });
    return { id: round.id, year: round.year };
  });
}
