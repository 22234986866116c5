// Invite respondents to an open round, into one group: by role (leader group = executives and
// coordinators, union representatives = union_rep, middle managers = unit leaders) or a chosen
// list of accounts. An account already invited keeps its first group. Returns how many were added.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { filterActiveAccountIds, findRound, insertInvitations } from '../../db/repositories/maturity.repository.ts';
import { listAccountsWithRole, listUnitLeaderAccounts } from '../../db/repositories/wheel.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseMaturityInput, ZInviteSchema } from './maturity.rules.ts';

export interface InviteRespondentsOptions {
  database: Database;
  actor: Actor;
  roundId: string;
  input: unknown;
  requestId?: string;
}

export async function inviteRespondents({ database, actor, roundId, input, requestId }: InviteRespondentsOptions): Promise<{ added: number }> {
  authorize(actor, 'maturity.manage', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(roundId).success) throw notFound();
  const values = parseMaturityInput(ZInviteSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const round = await findRound(tx, roundId);
    if (!round) throw notFound();
    if (round.status !== 'open') throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'maturity.errors.roundClosed' });
    let ids: string[];
    if (values.source === 'accounts') {
      if (values.accountIds.length === 0) throw new AppError(AppErrorCode.VALIDATION, { issues: [{ path: 'accountIds', key: 'maturity.errors.noAccounts' }] });
      ids = await filterActiveAccountIds(tx, values.accountIds);
    } else if (values.group === 'leaders') {
      ids = [...(await listAccountsWithRole(tx, 'executive')), ...(await listAccountsWithRole(tx, 'coordinator'))].map((r) => r.accountId);
    } else if (values.group === 'union') {
      ids = (await listAccountsWithRole(tx, 'union_rep')).map((r) => r.accountId);
    } else {
      ids = [...(await listUnitLeaderAccounts(tx)).values()].flat().map((r) => r.accountId);
    }
    const added = await insertInvitations(tx, actor.tenantId, roundId, values.group, [...new Set(ids)]);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'maturity.round.invite', subjectType: 'maturity_survey_round', subjectId: roundId, requestId, details: { group: values.group, source: values.source, added } });
    return { added };
  });
}
