// Shared by the status use cases (submit, review, publish, lock): load the period, check the
// policy and the transition, update under the version, audit.
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findPeriod, lockPeriod, updatePeriod } from '../../db/repositories/roster.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion } from '../shared/app-error.ts';
import { authorize, type Action } from '../shared/policy.ts';
import { periodResource, periodStatus, type PeriodWithUnit } from './roster-period.ts';
import { nextStatus, type RosterStatus, type RosterTransition } from './roster.rules.ts';

export interface TransitionOptions {
  database: Database;
  actor: Actor;
  periodId: string;
  version: unknown;
  transition: RosterTransition;
  action: Action;
  requestId?: string | undefined;
  /** Extra checks before the change (throws to refuse); may add fields to store. */
  check?: (tx: Tx, period: PeriodWithUnit) => Promise<Record<string, unknown> | void>;
}

export async function transitionRoster(options: TransitionOptions): Promise<{ version: number; status: RosterStatus }> {
  const { database, actor, periodId } = options;
  if (!z.uuid().safeParse(periodId).success) throw notFound();
  const version = z.coerce.number().int().min(1).safeParse(options.version);
  return database.withTenant(actor.tenantId, async (tx) => {
    const period = await findPeriod(tx, periodId);
    if (!period) throw notFound();
    const resource = periodResource(actor, period);
    // A union representative cannot see a draft at all.
    if (periodStatus(period) === 'draft' && options.action === 'roster.review') throw notFound();
    authorize(actor, options.action, resource);
    await lockPeriod(tx, periodId);
    if (!version.success || version.data !== period.version) throw staleVersion();
    const next = nextStatus(periodStatus(period), options.transition);
    if (!next) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'roster.errors.wrongStatus', params: { status: period.status } });
    const extra = (await options.check?.(tx, period)) ?? {};
    const updated = await updatePeriod(tx, periodId, version.data, { status: next, ...extra });
    if (!updated) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: `roster.${options.transition}`, subjectType: 'roster_period', subjectId: periodId, requestId: options.requestId, details: { from: period.status, to: next } });
    return { version: updated.version, status: next };
  });
}
