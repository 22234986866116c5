// A manual edit of one cell of the grid (employee × day): the whole roster is re-validated;
// an edit that breaks a hard rule it did not break before (rest, hours, weekends, fixed days
// off, …) is refused with the rule named and nothing changes; cover and competence shortfalls
// it causes are returned as warnings. Under the period's version; only while editable.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findPeriod, lockPeriod, updatePeriod } from '../../db/repositories/roster.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion, validation } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { loadContext, periodGrid, periodResource, periodStatus } from './roster-period.ts';
import { isEditable, newIssues, parseRosterInput, validateRoster, type RosterIssue } from './roster.rules.ts';

export const ZUpdateRosterCellSchema = z.object({
  version: z.coerce.number().int().min(1),
  personId: z.uuid(),
  day: z.coerce.number().int().min(0),
  /** Shift code, or empty for a day off. */
  shift: z.string().max(3).transform((v) => (v === '' ? null : v)),
});

export interface UpdateRosterCellOptions {
  database: Database;
  actor: Actor;
  periodId: string;
  input: unknown;
  requestId?: string;
}

export interface UpdateRosterCellResult {
  version: number;
  /** Soft issues (cover, competence) this edit introduced. */
  warnings: RosterIssue[];
}

export async function updateRosterCell({ database, actor, periodId, input, requestId }: UpdateRosterCellOptions): Promise<UpdateRosterCellResult> {
  if (!z.uuid().safeParse(periodId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const period = await findPeriod(tx, periodId);
    if (!period) throw notFound();
    authorize(actor, 'roster.manage', periodResource(actor, period));
    const values = parseRosterInput(ZUpdateRosterCellSchema, input);
    await lockPeriod(tx, periodId);
    if (period.version !== values.version) throw staleVersion();
    if (!isEditable(periodStatus(period))) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'roster.errors.notEditable' });
    const { ctx } = await loadContext(tx, period);
    if (!ctx.employees.some((e) => e.personId === values.personId)) throw validation([{ path: 'personId', key: 'roster.errors.notInUnit' }]);
    if (values.day >= ctx.days) throw validation([{ path: 'day', key: 'errors.field.invalid' }]);
    if (values.shift !== null && !ctx.shiftTypes.some((s) => s.code === values.shift)) throw validation([{ path: 'shift', key: 'roster.errors.unknownShift', params: { code: values.shift } }]);
    const grid = periodGrid(period, ctx);
    const before = validateRoster(ctx, grid);
    const row = [...grid[values.personId]!];
    if (row[values.day] === values.shift) return { version: period.version, warnings: [] };
    row[values.day] = values.shift;
    const next = { ...grid, [values.personId]: row };
    const added = newIssues(before, validateRoster(ctx, next));
    const broken = added.filter((i) => i.severity === 'hard');
    if (broken.length) {
      throw new AppError(AppErrorCode.VALIDATION, {
        messageKey: 'roster.errors.editRefused',
        issues: broken.map((i) => ({ path: `cell.${values.personId}.${values.day}`, key: i.key, params: i.params })),
      });
    }
    const updated = await updatePeriod(tx, periodId, values.version, { roster: next });
    if (!updated) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'roster.cell.update', subjectType: 'roster_period', subjectId: periodId, requestId, details: { personId: values.personId, day: values.day } });
    return { version: updated.version, warnings: added.filter((i) => i.severity === 'soft') };
  });
}
