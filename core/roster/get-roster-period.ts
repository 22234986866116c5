// One roster period for its leaders and union representatives: setup, rules, the grid of
// employees × days with every issue the validator finds, each employee's wishes with whether
// they were met and why not, the solver's progress and what the actor may do next.
// Union representatives see a period once it has been submitted. The read is audited: who
// works when, and who is unavailable, is personnel data (one entry per reader and period
// every 15 minutes, since the page polls while the solver runs).
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { auditedSince, findPeriod, listRuleSets, listSwaps, listWishes } from '../../db/repositories/roster.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize, can } from '../shared/policy.ts';
import { loadContext, osloToday, periodGrid, periodResource, periodStatus } from './roster-period.ts';
import { canPublishOn, dateOfDay, explainWishes, isEditable, publishDeadline, validateRoster, weekdayOf, wishesOpen, ZWishSchema, type RosterWish } from './roster.rules.ts';

const READ_AUDIT_WINDOW_MS = 15 * 60_000;

export interface GetRosterPeriodOptions {
  database: Database;
  actor: Actor;
  periodId: string;
  requestId?: string;
  today?: string;
}

export async function getRosterPeriod({ database, actor, periodId, requestId, today = osloToday() }: GetRosterPeriodOptions) {
  if (!z.uuid().safeParse(periodId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const period = await findPeriod(tx, periodId);
    if (!period) throw notFound();
    const resource = periodResource(actor, period);
    authorize(actor, 'roster.read', resource);
    const manage = can(actor, 'roster.manage', resource);
    const status = periodStatus(period);
    // A draft is the leader's working copy; union representatives see it once submitted.
    if (!manage && (status === 'draft')) throw notFound();
    const { ctx } = await loadContext(tx, period);
    const grid = periodGrid(period, ctx);
    const issues = period.roster ? validateRoster(ctx, grid) : [];
    const wishRows = await listWishes(tx, period.id);
    const wishesOf = new Map(wishRows.map((w) => [w.personId, z.array(ZWishSchema).catch([]).parse(w.wishes) as RosterWish[]]));
    const wishOutcomes = period.roster
      ? ctx.employees.map((e) => ({ personId: e.personId, name: e.name, outcomes: explainWishes(ctx, grid, e.personId, wishesOf.get(e.personId) ?? []) }))
      : ctx.employees.map((e) => ({ personId: e.personId, name: e.name, outcomes: (wishesOf.get(e.personId) ?? []).map((wish) => ({ wish, met: false, reasons: [] })) }));
    const names = new Map(ctx.employees.map((e) => [e.personId, e.name]));
    const swaps = manage ? await listSwaps(tx, period.id) : [];
    const ruleSets = manage ? (await listRuleSets(tx)).map((r) => ({ id: r.id, name: r.name })) : [];
    // One entry per reader and period every quarter of an hour: the page polls while the solver runs.
    if (!(await auditedSince(tx, { actor: actorLabel(actor), action: 'roster.read', periodId: period.id, since: new Date(Date.now() - READ_AUDIT_WINDOW_MS) })))
      await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'roster.read', subjectType: 'roster_period', subjectId: period.id, requestId, details: { employees: ctx.employees.length } });
    const editable = isEditable(status);
    return {
      period: {
        id: period.id,
        name: period.name,
        unitId: period.unitId,
        unitName: period.unitName,
        startDate: period.startDate,
        endDate: dateOfDay(period.startDate, ctx.days - 1),
        weeks: period.weeks,
        wishDeadline: period.wishDeadline,
        wishesOpen: wishesOpen(today, period.wishDeadline),
        publishLeadDays: period.publishLeadDays,
        publishBy: publishDeadline(period.startDate, period.publishLeadDays),
        status,
        reviewComment: period.reviewComment,
        ruleSetId: period.ruleSetId,
        version: period.version,
        solved: period.roster !== null,
      },
      solve: {
        status: period.solveStatus,
        fraction: period.solveFraction,
        objective: period.solveObjective,
        summary: period.solveSummary as {
          hardIssues?: number;
          softIssues?: number;
          objective?: number | null;
          failure?: string;
          /** The work budget (runs solved before budgets were recorded have none). */
          level?: string;
          seed?: number;
          iterations?: number;
          workers?: number;
          attempts?: number;
          iterationsDone?: number;
          capSeconds?: number;
          capped?: boolean;
        } | null,
      },
      rules: ctx.rules,
      shiftTypes: ctx.shiftTypes,
      staffing: ctx.staffing,
      days: Array.from({ length: ctx.days }, (_, d) => {
        const date = dateOfDay(ctx.startDate, d);
        return { day: d, date, weekday: weekdayOf(date) };
      }),
      employees: ctx.employees.map((e) => ({ personId: e.personId, name: e.name, ftePercent: e.ftePercent, attributes: e.attributes, unavailable: e.unavailable })),
      grid,
      issues,
      wishOutcomes,
      ruleSets,
      swaps: swaps.map((s) => ({
        id: s.id,
        version: s.version,
        date: dateOfDay(period.startDate, s.day),
        requester: names.get(s.requesterPersonId) ?? '',
        counterpart: names.get(s.counterpartPersonId) ?? '',
        requesterShift: s.requesterShift,
        counterpartShift: s.counterpartShift,
        comment: s.comment,
        status: s.status,
      })),
      can: {
        manage,
        edit: manage && editable,
        solve: manage && editable && period.solveStatus !== 'queued' && period.solveStatus !== 'running',
        submit: manage && editable && period.roster !== null,
        review: can(actor, 'roster.review', resource) && status === 'submitted',
        publish: manage && status === 'approved',
        publishInTime: canPublishOn(today, period.startDate, period.publishLeadDays),
        lock: manage && status === 'published',
      },
    };
  });
}

export type RosterPeriodView = Awaited<ReturnType<typeof getRosterPeriod>>;
