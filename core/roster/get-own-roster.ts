// An employee's view of a period of their own unit: the wish calendar (open until the
// deadline, then locked), their wishes, and — once published — their own shifts.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { findPeriod, findWishes, listSwaps } from '../../db/repositories/roster.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { loadContext, osloToday, periodGrid, periodResource, periodStatus } from './roster-period.ts';
import { acceptsSwaps, dateOfDay, weekdayOf, wishesOpen, ZWishSchema, type RosterWish } from './roster.rules.ts';

export interface GetOwnRosterOptions {
  database: Database;
  actor: Actor;
  periodId: string;
  today?: string;
}

export async function getOwnRoster({ database, actor, periodId, today = osloToday() }: GetOwnRosterOptions) {
  if (!z.uuid().safeParse(periodId).success) throw notFound();
  const personId = actor.kind === 'account' ? actor.personId : null;
  return database.withTenant(actor.tenantId, async (tx) => {
    const period = await findPeriod(tx, periodId);
    if (!period || !personId) throw notFound();
    authorize(actor, 'roster.wish', periodResource(actor, period, personId));
    const { ctx } = await loadContext(tx, period);
    const me = ctx.employees.find((e) => e.personId === personId);
    if (!me) throw notFound();
    const stored = await findWishes(tx, periodId, personId);
    const wishes = z.array(ZWishSchema).catch([]).parse(stored?.wishes ?? []) as RosterWish[];
    const status = periodStatus(period);
    const published = acceptsSwaps(status);
    const names = new Map(ctx.employees.map((e) => [e.personId, e.name]));
    const swaps = published ? await listSwaps(tx, periodId, personId) : [];
    return {
      period: { id: period.id, name: period.name, unitName: period.unitName, startDate: period.startDate, weeks: period.weeks, wishDeadline: period.wishDeadline, status, endDate: dateOfDay(period.startDate, ctx.days - 1) },
      open: wishesOpen(today, period.wishDeadline),
      shiftTypes: ctx.shiftTypes,
      days: Array.from({ length: ctx.days }, (_, d) => {
        const date = dateOfDay(ctx.startDate, d);
        return { day: d, date, weekday: weekdayOf(date), unavailable: me.unavailable.includes(d) };
      }),
      wishes,
      wishesVersion: stored?.version ?? null,
      shifts: published ? periodGrid(period, ctx)[personId]! : null,
      // Swaps (vaktbyte): colleagues to swap with, and the swaps this person is part of.
      colleagues: published ? ctx.employees.filter((e) => e.personId !== personId).map((e) => ({ personId: e.personId, name: e.name })) : [],
      swaps: swaps.map((s) => ({
        id: s.id,
        date: dateOfDay(period.startDate, s.day),
        requester: names.get(s.requesterPersonId) ?? '',
        counterpart: names.get(s.counterpartPersonId) ?? '',
        requesterShift: s.requesterShift,
        counterpartShift: s.counterpartShift,
        status: s.status,
      })),
    };
  });
}
