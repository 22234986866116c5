// A new rule set of the tenant, copied from an existing one (for a local agreement, say), to
// be edited on the rule-set page and chosen in a period's setup.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findRuleSet, insertRuleSet } from '../../db/repositories/roster.repository.ts';
import { translate, type Language } from '../../locales/index.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { ZRuleSetSchema } from './roster.rules.ts';

export interface CopyRosterRuleSetOptions {
  database: Database;
  actor: Actor;
  ruleSetId: string;
  language: Language;
  requestId?: string;
}

export async function copyRosterRuleSet({ database, actor, ruleSetId, language, requestId }: CopyRosterRuleSetOptions): Promise<{ id: string }> {
  authorize(actor, 'rosterRules.write', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(ruleSetId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const source = await findRuleSet(tx, ruleSetId);
    if (!source) throw notFound();
    const name = translate(language, 'roster.ruleSets.copyName', { name: source.name }).slice(0, 100);
    const copy = await insertRuleSet(tx, { tenantId: actor.tenantId, name, rules: ZRuleSetSchema.parse(source.rules), isDefault: false });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'roster.ruleset.create', subjectType: 'roster_rule_set', subjectId: copy.id, requestId, details: { from: source.id } });
    return { id: copy.id };
  });
}
