// An employee saves their wishes for a period (ønsketurnus): per day one wish — a shift they
// want, a shift they do not want, or a day off — with a weight. Only their own, only in
// their own unit, only until the deadline; under the version of their saved wishes.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findPeriod, findWishes, saveWishes } from '../../db/repositories/roster.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion, validation } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { osloToday, periodResource, periodShiftTypes } from './roster-period.ts';
import { parseRosterInput, wishesOpen, ZWishSchema } from './roster.rules.ts';

export const ZSaveRosterWishesSchema = z.object({
  /** null when none were saved before. */
  version: z.coerce.number().int().min(1).nullable(),
  wishes: z.array(ZWishSchema).max(400),
});

export interface SaveRosterWishesOptions {
  database: Database;
  actor: Actor;
  periodId: string;
  input: unknown;
  requestId?: string;
  today?: string;
}

export async function saveRosterWishes({ database, actor, periodId, input, requestId, today = osloToday() }: SaveRosterWishesOptions): Promise<{ version: number }> {
  if (!z.uuid().safeParse(periodId).success) throw notFound();
  const personId = actor.kind === 'account' ? actor.personId : null;
  return database.withTenant(actor.tenantId, async (tx) => {
    const period = await findPeriod(tx, periodId);
    if (!period || !personId) throw notFound();
    authorize(actor, 'roster.wish', periodResource(actor, period, personId));
    const values = parseRosterInput(ZSaveRosterWishesSchema, input);
    if (!wishesOpen(today, period.wishDeadline)) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'roster.errors.wishesClosed', params: { deadline: period.wishDeadline } });
    const codes = new Set(periodShiftTypes(period).map((s) => s.code));
    const days = period.weeks * 7;
    const issues = values.wishes.flatMap((w, i) => {
      if (w.day >= days) return [{ path: `wishes.${i}.day`, key: 'errors.field.invalid' }];
      if (w.kind !== 'dayoff' && (w.shift === null || !codes.has(w.shift))) return [{ path: `wishes.${i}.shift`, key: 'roster.errors.wishShift' }];
      return [];
    });
    if (new Set(values.wishes.map((w) => w.day)).size !== values.wishes.length) issues.push({ path: 'wishes', key: 'roster.errors.wishTwice' });
    if (issues.length) throw validation(issues);
    const wishes = values.wishes.map((w) => ({ ...w, shift: w.kind === 'dayoff' ? null : w.shift })).sort((a, b) => a.day - b.day);
    const existing = await findWishes(tx, periodId, personId);
    if ((existing?.version ?? null) !== values.version) throw staleVersion();
    const saved = await saveWishes(tx, { tenantId: actor.tenantId, periodId, personId, wishes }, values.version);
    if (!saved) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'roster.wishes.save', subjectType: 'roster_period', subjectId: periodId, requestId, details: { count: wishes.length } });
    return { version: saved.version };
  });
}
