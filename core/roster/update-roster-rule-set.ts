// Edit a rule set of the tenant (name and rules) under its version. Periods already created
// keep the rules they copied.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findRuleSet, updateRuleSet } from '../../db/repositories/roster.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseRosterInput, ZRuleSetSchema } from './roster.rules.ts';

export const ZUpdateRuleSetSchema = z.object({
  version: z.coerce.number().int().min(1),
  name: z.string().trim().min(1, { message: 'errors.field.required' }).max(100),
  rules: ZRuleSetSchema,
});

export interface UpdateRosterRuleSetOptions {
  database: Database;
  actor: Actor;
  ruleSetId: string;
  input: unknown;
  requestId?: string;
}

export async function updateRosterRuleSet({ database, actor, ruleSetId, input, requestId }: UpdateRosterRuleSetOptions): Promise<{ version: number }> {
  authorize(actor, 'rosterRules.write', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(ruleSetId).success) throw notFound();
  const values = parseRosterInput(ZUpdateRuleSetSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const current = await findRuleSet(tx, ruleSetId);
    if (!current) throw notFound();
    if (current.version !== values.version) throw staleVersion();
    const updated = await updateRuleSet(tx, ruleSetId, values.version, { name: values.name, rules: values.rules });
    if (!updated) throw staleVersion();
    const changed = Object.keys(values.rules).filter((k) => (current.rules as Record<string, number>)[k] !== values.rules[k as keyof typeof values.rules]);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'roster.ruleset.update', subjectType: 'roster_rule_set', subjectId: ruleSetId, requestId, details: { fields: changed } });
    return { version: updated.version };
  });
}
