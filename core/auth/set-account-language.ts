// Remember an account's preferred language.
import type { Database } from '../../db/client.ts';
import { updateAccountLanguage } from '../../db/repositories/account.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import type { Language } from '../../locales/index.ts';

export async function setAccountLanguage(options: { database: Database; actor: AccountActor; language: Language }): Promise<void> {
  await options.database.withTenant(options.actor.tenantId, (tx) => updateAccountLanguage(tx, options.actor.accountId, options.language));
}
