// Results of a year's round side by side per group (appendix 2): mean and distribution per
// question per group. Shown only when the round is closed, and per group only from the round's
// minimum number of responses (maturity.rules.ts, aggregateResults).
import type { Database } from '../../db/client.ts';
import { findRoundByYear, listResponses, listRounds } from '../../db/repositories/maturity.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { maturityPermissions, yearOf, type MaturityPermissions } from './maturity-access.ts';
import { aggregateResults, SURVEY_QUESTIONS, type GroupResult, type SurveyQuestion } from './maturity.rules.ts';

export interface GetSurveyResultsOptions {
  database: Database;
  actor: Actor;
  year?: unknown;
  now?: Date;
}

export interface SurveyResults extends MaturityPermissions {
  year: number;
  years: number[];
  round: { id: string; title: string; status: string; minGroupSize: number } | null;
  /** Null while the round is open (or there is none). */
  groups: GroupResult[] | null;
  questions: readonly SurveyQuestion[];
}

export async function getSurveyResults({ database, actor, year: rawYear, now }: GetSurveyResultsOptions): Promise<SurveyResults> {
  authorize(actor, 'maturity.results', { tenantId: actor.tenantId });
  const year = yearOf(rawYear, now);
  return database.withTenant(actor.tenantId, async (tx) => {
    const round = await findRoundByYear(tx, year);
    const years = (await listRounds(tx)).map((r) => r.year);
    const groups = round && round.status === 'closed' ? aggregateResults(await listResponses(tx, round.id), round.minGroupSize) : null;
    return {
      year,
      years,
      round: round ? { id: round.id, title: round.title, status: round.status, minGroupSize: round.minGroupSize } : null,
      groups,
      questions: SURVEY_QUESTIONS,
      ...maturityPermissions(actor),
    };
  });
}
