// The tenant's rule sets (from the Working Environment Act, with defaults): open to everyone
// they apply to; coordinators and tenant administrators may edit them. The default set is
// created on first use. A period copies the rules when created, so edits apply to new periods.
import type { Database } from '../../db/client.ts';
import { listRuleSets } from '../../db/repositories/roster.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize, can } from '../shared/policy.ts';
import { defaultRuleSet } from './roster-period.ts';
import { DEFAULT_RULES, ZRuleSetSchema } from './roster.rules.ts';

export interface ListRosterRuleSetsOptions {
  database: Database;
  actor: Actor;
}

export async function listRosterRuleSets({ database, actor }: ListRosterRuleSetsOptions) {
  authorize(actor, 'rosterRules.read', { tenantId: actor.tenantId });
  return database.withTenant(actor.tenantId, async (tx) => {
    await defaultRuleSet(tx, actor.tenantId);
    const sets = await listRuleSets(tx);
    return {
      sets: sets.map((s) => ({ id: s.id, name: s.name, isDefault: s.isDefault, version: s.version, rules: ZRuleSetSchema.catch(DEFAULT_RULES).parse(s.rules) })),
      defaults: DEFAULT_RULES,
      canWrite: can(actor, 'rosterRules.write', { tenantId: actor.tenantId }),
    };
  });
}
