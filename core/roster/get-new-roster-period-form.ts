// What the "new roster period" form needs: the unit (the actor must lead it) and suggested
// values — the next Monday at least eight weeks ahead, six weeks, wishes due three weeks
// before the start, published four weeks before.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { findUnit } from '../../db/repositories/org-unit.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { osloToday } from './roster-period.ts';
import { dateOfDay, weekdayOf } from './roster.rules.ts';

export interface GetNewRosterPeriodFormOptions {
  database: Database;
  actor: Actor;
  unitId: string;
  today?: string;
}

export async function getNewRosterPeriodForm({ database, actor, unitId, today = osloToday() }: GetNewRosterPeriodFormOptions) {
  if (!z.uuid().safeParse(unitId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const unit = await findUnit(tx, unitId);
    if (!unit || unit.archivedAt) throw notFound();
    authorize(actor, 'roster.manage', { tenantId: actor.tenantId, unitPaths: [unit.path] });
    const ahead = dateOfDay(today, 56);
    const startDate = dateOfDay(ahead, (7 - weekdayOf(ahead)) % 7);
    return {
      unit: { id: unit.id, name: unit.name },
      suggestion: { name: `Turnus ${unit.name} ${startDate.slice(0, 4)}`, startDate, weeks: '6', wishDeadline: dateOfDay(startDate, -21), publishLeadDays: '28' },
    };
  });
}
