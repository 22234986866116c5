// Who is acting. Built once per request (session or API token) by the HTTP adapter, then
// passed to every use case; core never looks at a Request.

export const ROLES = [
  'employee',
  'unit_leader',
  'coordinator',
  'executive',
  'union_rep',
  'mentor',
  'tenant_admin',
  'platform_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles an admin may grant explicitly (employee and unit_leader follow from person and unit data). */
export const ASSIGNABLE_ROLES = ['coordinator', 'executive', 'union_rep', 'mentor', 'tenant_admin', 'platform_admin'] as const satisfies readonly Role[];

export const API_SCOPES = ['org:read', 'people:read', 'people:write', 'import:write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export interface AccountActor {
  kind: 'account';
  tenantId: string;
  accountId: string;
  /** The person this account belongs to, if any (employees). */
  personId: string | null;
  roles: ReadonlySet<Role>;
  /** Materialised paths of units the person leads; scope covers each unit and its descendants. */
  leaderUnitPaths: readonly string[];
  /** Materialised paths of the units the person is employed in. */
  ownUnitPaths: readonly string[];
}

export interface ApiActor {
  kind: 'api';
  tenantId: string;
  tokenId: string;
  scopes: ReadonlySet<ApiScope>;
}

export interface SystemActor {
  kind: 'system';
  tenantId: string;
  /** What the system is doing, for the audit log: 'import-job', 'seed', ... */
  purpose: string;
}

export type Actor = AccountActor | ApiActor | SystemActor;

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'account':
      return actor.accountId;
    case 'api':
      return `api:${actor.tokenId}`;
    case 'system':
      return `system:${actor.purpose}`;
  }
}

/** True when `path` (a unit's materialised path) lies in the subtree of one of `scopes`. */
export function pathWithin(path: string, scopes: readonly string[]): boolean {
  return scopes.some((scope) => path === scope || path.startsWith(`${scope}/`));
}
