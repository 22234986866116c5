// Shared by the roster use cases: reading a period row into typed setup, building the
// validator's context from the unit's employees, the policy resource of a period, the
// tenant's default rule set (created on first use), and "today" in Norway.
import type { Tx } from '../../db/client.ts';
import { findPeriod, insertRuleSet, listRuleSets, listUnitEmployees, type RosterPeriodRow, type RosterRuleSetRow } from '../../db/repositories/roster.repository.ts';
import { AppError, AppErrorCode, notFound } from '../shared/app-error.ts';
import { authorize, can } from '../shared/policy.ts';
import type { Actor } from '../shared/actor.ts';
import type { Resource } from '../shared/policy.ts';
import {
  competenceAttributes,
  DEFAULT_RULES,
  ZRuleSetSchema,
  type RosterContext,
  type RosterGrid,
  type RosterStatus,
  type RuleSet,
  type ShiftTypeDef,
  type StaffingNeed,
} from './roster.rules.ts';

export type PeriodWithUnit = RosterPeriodRow & { unitName: string; unitPath: string };

export function periodResource(actor: Actor, period: { unitPath: string }, personId?: string): Resource {
  return { tenantId: actor.tenantId, unitPaths: [period.unitPath], ...(personId ? { personId } : {}) };
}

export function periodRules(period: RosterPeriodRow): RuleSet {
  const parsed = ZRuleSetSchema.safeParse(period.rules);
  return parsed.success ? parsed.data : DEFAULT_RULES;
}

export function periodShiftTypes(period: RosterPeriodRow): ShiftTypeDef[] {
  return period.shiftTypes as ShiftTypeDef[];
}

export function periodStaffing(period: RosterPeriodRow): StaffingNeed[] {
  return period.staffing as StaffingNeed[];
}

export function periodStatus(period: RosterPeriodRow): RosterStatus {
  return period.status as RosterStatus;
}

/** The validator's view of a period: setup, rules and the unit's current employees. */
export async function loadContext(tx: Tx, period: RosterPeriodRow): Promise<{ ctx: RosterContext; employees: Awaited<ReturnType<typeof listUnitEmployees>> }> {
  const employees = await listUnitEmployees(tx, period.unitId);
  const unavailability = period.unavailability ?? {};
  const ctx: RosterContext = {
    startDate: period.startDate,
    days: period.weeks * 7,
    shiftTypes: periodShiftTypes(period),
    staffing: periodStaffing(period),
    rules: periodRules(period),
    employees: employees.map((e) => ({
      personId: e.personId,
      name: `${e.givenName} ${e.familyName}`,
      ftePercent: e.ftePercent,
      attributes: competenceAttributes(e),
      unavailable: unavailability[e.personId] ?? [],
    })),
  };
  return { ctx, employees };
}

/** The stored grid, with a row (all off) for every current employee and rows of former ones dropped. */
export function periodGrid(period: RosterPeriodRow, ctx: RosterContext): RosterGrid {
  const stored = period.roster ?? {};
  return Object.fromEntries(ctx.employees.map((e) => [e.personId, Array.from({ length: ctx.days }, (_, d) => stored[e.personId]?.[d] ?? null)]));
}

export const DEFAULT_RULE_SET_NAME = 'Arbeidsmiljølova (standard)';

/** The tenant's default rule set; created with the Working Environment Act defaults on first use. */
export async function defaultRuleSet(tx: Tx, tenantId: string): Promise<RosterRuleSetRow> {
  const sets = await listRuleSets(tx);
  const found = sets.find((s) => s.isDefault) ?? sets[0];
  if (found) return found;
  return insertRuleSet(tx, { tenantId, name: DEFAULT_RULE_SET_NAME, rules: { ...DEFAULT_RULES }, isDefault: true });
}

/** Today's date in Norway (Europe/Oslo), as YYYY-MM-DD. */
export function osloToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * One employee's published roster, for the personal exports (ICS, PDF): the employee
 * themselves, or a leader of the unit for one of its employees. Only published or locked.
 */
export async function loadPublishedRow(tx: Tx, actor: Actor, periodId: string, personId: string) {
  const period = await findPeriod(tx, periodId);
  if (!period) throw notFound();
  const resource = periodResource(actor, period, personId);
  if (!can(actor, 'roster.manage', resource)) authorize(actor, 'roster.wish', resource);
  const status = periodStatus(period);
  if (status !== 'published' && status !== 'locked') throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'roster.errors.notPublished' });
  const { ctx } = await loadContext(tx, period);
  const employee = ctx.employees.find((e) => e.personId === personId);
  if (!employee) throw notFound();
  return { period, ctx, employee, shifts: periodGrid(period, ctx)[personId]! };
}
