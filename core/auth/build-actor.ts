// Build the acting user from an account and the facts about it: explicitly assigned roles,
// 'employee' when linked to a person, 'unit_leader' when that person leads a unit.
import { ROLES, type AccountActor, type Role } from '../shared/actor.ts';

export interface BuildActorOptions {
  tenantId: string;
  accountId: string;
  personId: string | null;
  assignedRoles: readonly string[];
  leaderUnitPaths: readonly string[];
  ownUnitPaths: readonly string[];
}

export function buildActor(options: BuildActorOptions): AccountActor {
  const roles = new Set<Role>();
  for (const r of options.assignedRoles) if ((ROLES as readonly string[]).includes(r)) roles.add(r as Role);
  if (options.personId) roles.add('employee');
  if (options.leaderUnitPaths.length > 0) roles.add('unit_leader');
  return {
    kind: 'account',
    tenantId: options.tenantId,
    accountId: options.accountId,
    personId: options.personId,
    roles,
    leaderUnitPaths: [...options.leaderUnitPaths],
    ownUnitPaths: [...options.ownUnitPaths],
  };
}
