// The access policy: one place that decides every action, deny by default. Routes, the API
// and jobs call `can` / `authorize` before calling a use case; use cases call it again for
// row-level decisions. docs/access.md documents these rules per function and data item.
import { AppError, AppErrorCode } from './app-error.ts';
import { pathWithin, type Actor, type ApiScope, type Role } from './actor.ts';

export type Action =
  // organisation
  | 'org.read' // the unit tree and unit pages with names and position titles of members
  | 'org.write' // create, rename, move, archive units; set unit leaders
  // people
  | 'person.read' // a person's profile: contact, employments (number, FTE, STYRK, dates), birth year
  | 'person.write' // edit a person and their employments
  | 'person.export' // the person's own data export
  // annual wheel
  | 'wheel.read' // the wheel, milestones, per-unit status board
  | 'wheel.write' // cycles, milestones, templates
  | 'wheel.status' // mark a unit's status on a milestone (resource: the unit's path)
  | 'wheel.log' // the log of reminders sent
  | 'wheel.region.read' // the region's shared milestones (the use case reads only the actor's own region, under RLS)
  | 'wheel.region.write' // create and edit the region's shared milestones (coordinators of a member municipality)
  // maturity (checklist, self-assessment survey, measured stage)
  | 'maturity.manage' // survey rounds and invitations, the checklist's items
  | 'maturity.results' // aggregated survey results and the maturity page (measured stage)
  | 'maturity.answer' // answer a survey round (the use case also requires an invitation)
  | 'checklist.read' // a unit's checklist (resource: the unit's path)
  | 'checklist.write' // fill in a unit's checklist (resource: the unit's path)
  // strategic competence and staffing plan (KS method)
  | 'strategicPlan.read' // plans, steps, goals, the staffing analysis (aggregates only), strategies
  | 'strategicPlan.write' // create and edit plans, steps, goals, requirements, strategies, measures
  // municipal competence plan
  | 'competencePlan.read' // a cycle's needs added up by competence area and sector (unit-level figures only); plans in every status (drøfting)
  | 'competencePlan.readPublished' // a published plan
  | 'competencePlan.write' // create a plan, its budget frame, items and order; publish; send back to draft
  | 'competencePlan.approve' // approve a draft plan
  // unit action and development plan (handlings- og utviklingsplan)
  | 'unitPlan.read' // a unit's plan in every status (resource: the unit's path)
  | 'unitPlan.readApproved' // a unit's approved plan
  | 'unitPlan.write' // start, fill, prefill and submit a unit's plan (resource: the unit's path)
  | 'unitPlan.approve' // approve a submitted plan, send it back, reopen an approved one
  // needs mapping
  | 'mapping.read' // the competence-area list, units' basis for "why", the offers list
  | 'mapping.vocabulary' // create, rename, merge, archive, approve competence areas
  | 'mapping.propose' // propose a new competence area from a form
  | 'mapping.form.read' // a submitted or approved form (resource: the unit's path)
  | 'mapping.form.readDraft' // a draft or returned form (resource: the unit's path)
  | 'mapping.form.edit' // start, roll over, fill and submit a unit's form (resource: the unit's path)
  | 'mapping.form.decide' // return a form with a comment, or approve it
  | 'mapping.overview' // every form of a cycle by status
  | 'mapping.unit.write' // a unit's basis entries and offers (resource: the unit's path)
  // combined catalogue
  | 'catalogue.read' // the published catalogue, measures, providers with ratings
  | 'catalogue.write' // providers, measures (incl. drafts and the ordering checklist), publishing a catalogue
  | 'catalogue.enrol' // enrol oneself, cancel one's own enrolment (resource: the person)
  | 'catalogue.approve' // approve or decline enrolments (resource: the enrolment's unit path)
  | 'catalogue.attendance' // the attendance list and recording attendance (resource: measure organiser, attendee's unit)
  | 'catalogue.feedback' // one's own feedback after a measure (resource: the person)
  | 'catalogue.evaluate' // year-end evaluation and report-back for a unit (resource: the unit path)
  | 'catalogue.evaluations.read' // evaluations and feedback of a unit (resource: the unit path)
  | 'catalogue.region.read' // measures other municipalities of the region share (read-only; the use case crosses tenants deliberately)
  // dashboard
  | 'dashboard.read' // the coordinator's and executive's dashboard: figures across units and cycles
  // administration
  | 'import.run' // upload, preview and commit HR imports
  | 'account.manage' // accounts, roles, disabling
  | 'apiToken.manage'
  | 'audit.read'
  | 'outbox.read'
  | 'tenant.settings' // OIDC settings, default language
  // roster (turnus)
  | 'roster.read' // a unit's roster periods: setup, the whole grid, wishes met, issues
  | 'roster.manage' // create and set up periods, solve, edit cells, submit, publish, lock
  | 'roster.review' // approve or return a submitted roster (union representative)
  | 'roster.wish' // enter one's own wishes and get one's own published roster (ICS)
  | 'rosterRules.read' // the tenant's rule sets (open to everyone they apply to)
  | 'rosterRules.write' // edit the tenant's rule sets
  // platform
  | 'platform.tenants'; // create tenants and regions

/** What an action is applied to. Unit-scoped resources carry the unit's materialised path. */
export interface Resource {
  tenantId: string;
  /** Paths of the units the resource belongs to (a person: every unit of an active employment). */
  unitPaths?: readonly string[];
  /** The person the resource is about, for "own data" rules. */
  personId?: string;
  /** The account responsible for the resource (a measure's organiser). */
  accountId?: string;
}

const TENANT_WIDE_READERS: readonly Role[] = ['coordinator', 'executive', 'tenant_admin'];

const API_SCOPE_FOR: Partial<Record<Action, ApiScope>> = {
  'org.read': 'org:read',
  'person.read': 'people:read',
  'person.write': 'people:write',
  'import.run': 'import:write',
};

function has(actor: Actor, role: Role): boolean {
  return actor.kind === 'account' && actor.roles.has(role);
}

function hasAny(actor: Actor, roles: readonly Role[]): boolean {
  return roles.some((r) => has(actor, r));
}

/** The actor is employed directly in one of the resource's units (not merely somewhere above it). */
function employedIn(actor: Actor, resource: Resource): boolean {
  if (actor.kind !== 'account' || !resource.unitPaths) return false;
  return resource.unitPaths.some((p) => actor.ownUnitPaths.includes(p));
}

/** The actor is employed in the resource's unit or a unit below it. */
function memberOfAny(actor: Actor, resource: Resource): boolean {
  if (actor.kind !== 'account' || !resource.unitPaths) return false;
  return actor.ownUnitPaths.some((own) => pathWithin(own, resource.unitPaths ?? []));
}

function leadsAny(actor: Actor, resource: Resource): boolean {
  if (actor.kind !== 'account' || !resource.unitPaths) return false;
  return resource.unitPaths.some((p) => pathWithin(p, actor.leaderUnitPaths));
}

export function can(actor: Actor | null, action: Action, resource: Resource): boolean {
  if (!actor) return false;
  // Platform administration is the only cross-tenant action.
  if (action === 'platform.tenants') return has(actor, 'platform_admin');
  // Everything else: never across tenants.
  if (actor.tenantId !== resource.tenantId) return false;

  if (actor.kind === 'system') return true;
  if (actor.kind === 'api') {
    const scope = API_SCOPE_FOR[action];
    return scope !== undefined && actor.scopes.has(scope);
  }

  const isSelf = resource.personId !== undefined && actor.personId === resource.personId;
  switch (action) {
    case 'org.read':
      // Every member of the municipality may see the organisation and who works where.
      return actor.roles.size > 0;
    case 'org.write':
      return hasAny(actor, ['coordinator', 'tenant_admin']);
    case 'person.read':
      return isSelf || hasAny(actor, TENANT_WIDE_READERS) || leadsAny(actor, resource);
    case 'person.write':
      return hasAny(actor, ['coordinator', 'tenant_admin']) || leadsAny(actor, resource);
    case 'person.export':
      return isSelf;
    case 'import.run':
      return hasAny(actor, ['coordinator', 'tenant_admin']);
    case 'wheel.read':
    case 'wheel.region.read':
      return actor.roles.size > 0;
    case 'wheel.region.write':
      // The HR coordinator is the one who works with the other municipalities of the region; a
      // tenant administrator runs the installation for one municipality, not the region's rhythm.
      return has(actor, 'coordinator');
    case 'wheel.write':
    case 'wheel.log':
      return hasAny(actor, ['coordinator', 'tenant_admin']);
    case 'wheel.status':
      return hasAny(actor, ['coordinator', 'tenant_admin']) || leadsAny(actor, resource);
    case 'roster.read':
      return leadsAny(actor, resource) || has(actor, 'union_rep');
    case 'roster.manage':
      // Only the unit's own leaders build its roster (not HR, not administrators).
      return leadsAny(actor, resource);
    case 'roster.review':
      return has(actor, 'union_rep');
    case 'roster.wish':
      return isSelf && employedIn(actor, resource);
    case 'rosterRules.read':
      return actor.roles.size > 0;
    case 'rosterRules.write':
      return hasAny(actor, ['coordinator', 'tenant_admin']);
    case 'maturity.manage':
      return hasAny(actor, ['coordinator', 'tenant_admin']);
    case 'maturity.results':
      return hasAny(actor, [...TENANT_WIDE_READERS, 'union_rep']);
    case 'maturity.answer':
      return actor.roles.size > 0;
    case 'checklist.read':
      return hasAny(actor, TENANT_WIDE_READERS) || leadsAny(actor, resource);
    case 'checklist.write':
      return has(actor, 'coordinator') || leadsAny(actor, resource);
    case 'strategicPlan.read':
      return hasAny(actor, ['coordinator', 'tenant_admin', 'executive', 'union_rep']);
    case 'strategicPlan.write':
      return hasAny(actor, ['coordinator', 'tenant_admin']);
    case 'competencePlan.read':
      return hasAny(actor, [...TENANT_WIDE_READERS, 'union_rep']);
    case 'competencePlan.readPublished':
      return actor.roles.size > 0;
    case 'competencePlan.write':
      return hasAny(actor, ['coordinator', 'tenant_admin']);
    case 'competencePlan.approve':
      return hasAny(actor, ['coordinator', 'executive']);
    case 'unitPlan.read':
      return hasAny(actor, TENANT_WIDE_READERS) || leadsAny(actor, resource);
    case 'unitPlan.readApproved':
      return actor.roles.size > 0;
    case 'unitPlan.write':
      return hasAny(actor, ['coordinator', 'tenant_admin']) || leadsAny(actor, resource);
    case 'unitPlan.approve':
      return hasAny(actor, ['coordinator', 'executive']);
    case 'mapping.read':
      return actor.roles.size > 0;
    case 'mapping.vocabulary':
    case 'mapping.form.decide':
      return hasAny(actor, ['coordinator', 'tenant_admin']);
    case 'mapping.propose':
      return hasAny(actor, ['coordinator', 'tenant_admin']) || actor.leaderUnitPaths.length > 0;
    case 'mapping.form.read':
      return hasAny(actor, TENANT_WIDE_READERS) || leadsAny(actor, resource) || memberOfAny(actor, resource);
    case 'mapping.form.readDraft':
      return hasAny(actor, ['coordinator', 'tenant_admin']) || leadsAny(actor, resource);
    case 'mapping.form.edit':
      return leadsAny(actor, resource);
    case 'mapping.overview':
    case 'dashboard.read':
      return hasAny(actor, TENANT_WIDE_READERS);
    case 'mapping.unit.write':
      return hasAny(actor, ['coordinator', 'tenant_admin']) || leadsAny(actor, resource);
    case 'catalogue.read':
    case 'catalogue.region.read':
      return actor.roles.size > 0;
    case 'catalogue.write':
      return hasAny(actor, ['coordinator', 'tenant_admin']);
    case 'catalogue.enrol':
    case 'catalogue.feedback':
      return isSelf;
    case 'catalogue.approve':
    case 'catalogue.evaluate':
      // Leaders only; without a unit the question is "does the actor lead any unit".
      return resource.unitPaths ? leadsAny(actor, resource) : actor.leaderUnitPaths.length > 0;
    case 'catalogue.attendance':
      return hasAny(actor, ['coordinator', 'tenant_admin']) || (resource.accountId !== undefined && resource.accountId === actor.accountId) || (resource.unitPaths ? leadsAny(actor, resource) : actor.leaderUnitPaths.length > 0);
    case 'catalogue.evaluations.read':
      return hasAny(actor, TENANT_WIDE_READERS) || (resource.unitPaths ? leadsAny(actor, resource) : actor.leaderUnitPaths.length > 0);
    case 'account.manage':
    case 'apiToken.manage':
    case 'audit.read':
    case 'outbox.read':
    case 'tenant.settings':
      return has(actor, 'tenant_admin');
    default: {
      const exhaustive: never = action;
      return exhaustive;
    }
  }
}

export function authorize(actor: Actor | null, action: Action, resource: Resource): void {
  if (!actor) throw new AppError(AppErrorCode.UNAUTHENTICATED);
  if (!can(actor, action, resource)) throw new AppError(AppErrorCode.FORBIDDEN, { params: { action } });
}
