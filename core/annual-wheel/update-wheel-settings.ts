// The signed-in person's reminder settings: single mails or one daily digest.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { saveWheelSettings } from '../../db/repositories/wheel.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import { staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { DELIVERIES, parseWheelInput } from './annual-wheel.rules.ts';

export const ZWheelSettingsSchema = z.object({
  delivery: z.enum(DELIVERIES),
  version: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), z.coerce.number().int().min(1).nullable()),
});

export async function updateWheelSettings({ database, actor, input }: { database: Database; actor: AccountActor; input: unknown }): Promise<{ version: number }> {
  authorize(actor, 'wheel.read', { tenantId: actor.tenantId });
  const values = parseWheelInput(ZWheelSettingsSchema, input);
  const version = await database.withTenant(actor.tenantId, (tx) =>
    saveWheelSettings(tx, { tenantId: actor.tenantId, accountId: actor.accountId, expectedVersion: values.version, delivery: values.delivery }),
  );
  if (version === null) throw staleVersion();
  return { version };
}
