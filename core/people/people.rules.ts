// Pure helpers for people: the policy resource of a person and readable unit path names.
import type { Resource } from '../shared/policy.ts';

/** A person as a policy resource: the units of their active employments, and who they are. */
export function personResource(tenantId: string, personId: string, unitPaths: readonly string[]): Resource {
  return { tenantId, personId, unitPaths };
}

/** Every unit id on the given paths (for one name lookup). */
export function idsOnPaths(paths: readonly string[]): string[] {
  return [...new Set(paths.flatMap((p) => p.split('/')))];
}

/** Names along a path, root first: ['Fjordvik kommune', 'Helse og omsorg', 'Fjordheimen']. */
export function pathNames(path: string, names: ReadonlyMap<string, { name: string }>): string[] {
  return path.split('/').map((id) => names.get(id)?.name ?? '?');
}

/** Display name. */
export function fullName(person: { givenName: string; familyName: string }): string {
  return `${person.givenName} ${person.familyName}`;
}
