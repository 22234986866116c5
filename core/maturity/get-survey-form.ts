// The answer page: the open rounds the actor is invited to, whether each is answered, and the
// questions. Nothing here reads or reveals any response.
import type { Database } from '../../db/client.ts';
import { listOpenRoundsForAccount } from '../../db/repositories/maturity.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { maturityPermissions, type MaturityPermissions } from './maturity-access.ts';
import { SCALE_MAX, SCALE_MIN, SURVEY_QUESTIONS, type SurveyQuestion } from './maturity.rules.ts';

export interface GetSurveyFormOptions {
  database: Database;
  actor: Actor;
}

export interface SurveyForm extends MaturityPermissions {
  rounds: Array<{ id: string; year: number; title: string; answered: boolean }>;
  questions: readonly SurveyQuestion[];
  scale: { min: number; max: number };
}

export async function getSurveyForm({ database, actor }: GetSurveyFormOptions): Promise<SurveyForm> {
  authorize(actor, 'maturity.answer', { tenantId: actor.tenantId });
  if (actor.kind !== 'account') return { rounds: [], questions: SURVEY_QUESTIONS, scale: { min: SCALE_MIN, max: SCALE_MAX }, ...maturityPermissions(actor) };
  const rounds = await database.withTenant(actor.tenantId, (tx) => listOpenRoundsForAccount(tx, actor.accountId));
  return { rounds: rounds.map((r) => ({ id: r.id, year: r.year, title: r.title, answered: Boolean(r.answered) })), questions: SURVEY_QUESTIONS, scale: { min: SCALE_MIN, max: SCALE_MAX }, ...maturityPermissions(actor) };
}
