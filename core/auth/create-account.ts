// An administrator creates an account: e-mail (unique in the tenant), name, optional link to
// a person (by employee number), optional language; no password — a "set your password" link
// is mailed when asked for. Audited.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { findPersonByEmployeeNumber, insertAccount } from '../../db/repositories/account.repository.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseOrThrow } from '../shared/zod.ts';
import type { MailSender } from './auth-mail.ts';
import { normalizeEmail } from './auth.rules.ts';
import { preparePasswordLink } from './send-password-link.ts';

export const ZCreateAccountSchema = z.object({
  email: z.email().max(254),
  displayName: z.string().trim().min(1).max(200),
  employeeNumber: z.string().trim().max(50).optional(),
  language: z.enum(['nn', 'nb', 'en']).optional(),
  sendInvite: z.boolean(),
});
export type TCreateAccount = z.infer<typeof ZCreateAccountSchema>;

export interface CreateAccountOptions {
  database: Database;
  mailer: MailSender;
  actor: AccountActor;
  input: unknown;
  publicUrl: string;
  now: Date;
  requestId?: string | undefined;
}

export async function createAccount(options: CreateAccountOptions): Promise<{ id: string }> {
  const { actor } = options;
  authorize(actor, 'account.manage', { tenantId: actor.tenantId });
  const input = parseOrThrow(ZCreateAccountSchema, options.input);
  const result = await options.database.withTenant(actor.tenantId, async (tx) => {
    let personId: string | null = null;
    if (input.employeeNumber) {
      const person = await findPersonByEmployeeNumber(tx, input.employeeNumber);
      if (!person) throw new AppError(AppErrorCode.VALIDATION, { issues: [{ path: 'employeeNumber', key: 'auth.admin.create.noSuchPerson' }] });
      if (person.linkedAccountId) throw new AppError(AppErrorCode.VALIDATION, { issues: [{ path: 'employeeNumber', key: 'auth.admin.create.personHasAccount' }] });
      personId = person.id;
    }
    const row = await insertAccount(tx, { tenantId: actor.tenantId, email: normalizeEmail(input.email), displayName: input.displayName, personId, language: input.language ?? null });
    if (!row) throw new AppError(AppErrorCode.VALIDATION, { issues: [{ path: 'email', key: 'auth.admin.create.emailTaken' }] });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actor.accountId, action: 'account.create', subjectType: 'account', subjectId: row.id, requestId: options.requestId, details: { personId, invite: input.sendInvite } });
    const mail = input.sendInvite ? await preparePasswordLink(tx, { actor, accountId: row.id, publicUrl: options.publicUrl, now: options.now, requestId: options.requestId }) : null;
    return { id: row.id, mail };
  });
  if (result.mail) await options.mailer.send(result.mail);
  return { id: result.id };
}
