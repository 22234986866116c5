// The maturity page: the measured stage of a year from real use (indicators, measuredStage) next
// to the self-image of each respondent group from the year's closed survey round (the mean on
// question C, shown only for groups at or above the minimum size).
import type { Database } from '../../db/client.ts';
import { findRoundByYear, listResponses } from '../../db/repositories/maturity.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { today as todayOf } from '../annual-wheel/wheel-access.ts';
import { measureIndicators } from './indicators.ts';
import { maturityPermissions, yearOf, type MaturityPermissions } from './maturity-access.ts';
import {
  aggregateResults,
  indicatorShare,
  measuredStage,
  selfImagePosition,
  stageOfShare,
  SYSTEMATIC_THRESHOLD,
  SYSTEMIC_THRESHOLD,
  type IndicatorValue,
  type MeasuredStage,
  type TRespondentGroup,
  type TStage,
} from './maturity.rules.ts';

export interface GetMaturityOptions {
  database: Database;
  actor: Actor;
  year?: unknown;
  now?: Date;
}

export interface MaturityOverview extends MaturityPermissions {
  year: number;
  measured: MeasuredStage;
  indicators: Array<IndicatorValue & { share: number | null; stage: TStage | null }>;
  thresholds: { systematic: number; systemic: number };
  /** Per group from the closed round; `position` null when hidden (too few) or no round. */
  selfImage: Array<{ group: TRespondentGroup; responses: number | null; mean: number | null; position: number | null; stage: TStage | null }>;
  roundStatus: string | null;
}

export async function getMaturity({ database, actor, year: rawYear, now }: GetMaturityOptions): Promise<MaturityOverview> {
  authorize(actor, 'maturity.results', { tenantId: actor.tenantId });
  const year = yearOf(rawYear, now);
  const today = todayOf(now);
  return database.withTenant(actor.tenantId, async (tx) => {
    const indicators = await measureIndicators(tx, { year, today });
    const round = await findRoundByYear(tx, year);
    const groups = round && round.status === 'closed' ? aggregateResults(await listResponses(tx, round.id), round.minGroupSize) : null;
    const selfImage = (groups ?? aggregateResults([], 3)).map((g) => {
      const c = g.questions.find((q) => q.key === 'municipalityPriority');
      const mean = c && c.kind === 'scale' && c.shown ? c.mean : null;
      const position = mean === null ? null : selfImagePosition(mean);
      return { group: g.group, responses: groups && g.shown ? g.responses : null, mean, position, stage: position === null ? null : stageOfShare(position) };
    });
    return {
      year,
      measured: measuredStage(indicators),
      indicators: indicators.map((v) => {
        const share = indicatorShare(v);
        return { ...v, share, stage: share === null ? null : stageOfShare(share) };
      }),
      thresholds: { systematic: SYSTEMATIC_THRESHOLD, systemic: SYSTEMIC_THRESHOLD },
      selfImage,
      roundStatus: round?.status ?? null,
      ...maturityPermissions(actor),
    };
  });
}
