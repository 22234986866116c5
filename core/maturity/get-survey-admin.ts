// The survey admin page: the rounds, and for the chosen year's round its status and per-group
// progress (invited / answered counts, never names), plus the accounts one may invite by name.
import type { Database } from '../../db/client.ts';
import { countProgress, findRoundByYear, listActiveAccounts, listRounds } from '../../db/repositories/maturity.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { maturityPermissions, yearOf, type MaturityPermissions } from './maturity-access.ts';
import { RESPONDENT_GROUPS, type TRespondentGroup } from './maturity.rules.ts';

export interface GetSurveyAdminOptions {
  database: Database;
  actor: Actor;
  year?: unknown;
  now?: Date;
}

export interface SurveyAdmin extends MaturityPermissions {
  year: number;
  rounds: Array<{ id: string; year: number; title: string; status: string }>;
  round: { id: string; year: number; title: string; status: string; minGroupSize: number; version: number } | null;
  progress: Array<{ group: TRespondentGroup; invited: number; answered: number }>;
  accounts: Array<{ id: string; label: string }>;
}

export async function getSurveyAdmin({ database, actor, year: rawYear, now }: GetSurveyAdminOptions): Promise<SurveyAdmin> {
  authorize(actor, 'maturity.manage', { tenantId: actor.tenantId });
  const year = yearOf(rawYear, now);
  return database.withTenant(actor.tenantId, async (tx) => {
    const rounds = await listRounds(tx);
    const round = await findRoundByYear(tx, year);
    const counts = round ? await countProgress(tx, round.id) : [];
    const accounts = await listActiveAccounts(tx, 500);
    return {
      year,
      rounds: rounds.map((r) => ({ id: r.id, year: r.year, title: r.title, status: r.status })),
      round: round ? { id: round.id, year: round.year, title: round.title, status: round.status, minGroupSize: round.minGroupSize, version: round.version } : null,
      progress: RESPONDENT_GROUPS.map((group) => {
        const c = counts.find((x) => x.group === group);
        return { group, invited: c?.invited ?? 0, answered: c?.answered ?? 0 };
      }),
      accounts: accounts.map((a) => ({ id: a.id, label: `${a.displayName} (${a.email})` })),
      ...maturityPermissions(actor),
    };
  });
}
