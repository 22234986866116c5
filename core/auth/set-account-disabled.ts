// Disable or enable an account. Disabling ends every session of the account at once (the user
// is signed out on their next request) and makes open password links worthless. An
// administrator cannot disable themself. Optimistic locking; audited.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { bumpAccountVersion, findAccountById } from '../../db/repositories/account.repository.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { invalidateOpenResetTokens } from '../../db/repositories/password-reset.repository.ts';
import { deleteSessionsOfAccount } from '../../db/repositories/session.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseOrThrow } from '../shared/zod.ts';
import { assertMayManage } from './get-account-for-admin.ts';

export const ZSetAccountDisabledSchema = z.object({
  accountId: z.uuid(),
  version: z.coerce.number().int().positive(),
  disabled: z.boolean(),
});

export async function setAccountDisabled(options: { database: Database; actor: AccountActor; input: unknown; now: Date; requestId?: string | undefined }): Promise<{ sessionsEnded: number }> {
  const { actor, now } = options;
  authorize(actor, 'account.manage', { tenantId: actor.tenantId });
  const input = parseOrThrow(ZSetAccountDisabledSchema, options.input);
  if (input.disabled && input.accountId === actor.accountId) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'auth.admin.cannotDisableSelf' });
  return options.database.withTenant(actor.tenantId, async (tx) => {
    const account = await findAccountById(tx, input.accountId);
    if (!account) throw notFound();
    await assertMayManage(tx, actor, account.id);
    if (!(await bumpAccountVersion(tx, account.id, input.version, { disabledAt: input.disabled ? now : null }))) throw staleVersion();
    let sessionsEnded = 0;
    if (input.disabled) {
      sessionsEnded = await deleteSessionsOfAccount(tx, account.id);
      await invalidateOpenResetTokens(tx, account.id, now);
    }
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actor.accountId, action: input.disabled ? 'account.disable' : 'account.enable', subjectType: 'account', subjectId: account.id, requestId: options.requestId, details: { sessionsEnded } });
    return { sessionsEnded };
  });
}
