// One measure: its facts, the linked needs, the signed-in person's own enrolment (with the
// waiting-list position) and what they may do. Drafts and measures of an unpublished catalogue
// are visible to coordinators only.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { countPlacesTaken, findFeedbackOfEnrolment, findLatestEnrolment, findMeasure, listEnrolmentsOfMeasure, listMeasureNeedIds, listNeedsByIds } from '../../db/repositories/catalogue.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize, can } from '../shared/policy.ts';
import { canWriteCatalogue, today } from './catalogue-access.ts';
import { feedbackRefusal, hasEnded, nextStatuses, waitingPosition, type TMeasureStatus } from './catalogue.rules.ts';

export interface GetMeasureOptions {
  database: Database;
  actor: AccountActor;
  measureId: string;
  now?: Date;
}

export async function getMeasure({ database, actor, measureId, now }: GetMeasureOptions) {
  authorize(actor, 'catalogue.read', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(measureId).success) throw notFound();
  const canWrite = canWriteCatalogue(actor);
  const day = today(now);
  return database.withTenant(actor.tenantId, async (tx) => {
    const found = await findMeasure(tx, measureId);
    if (!found) throw notFound();
    const { measure, catalogue, provider } = found;
    if (!canWrite && (measure.status === 'draft' || catalogue.status !== 'published')) throw notFound();
    const ended = hasEnded(measure, day);
    const mine = actor.personId ? await findLatestEnrolment(tx, measureId, actor.personId) : null;
    let position: number | null = null;
    if (mine?.status === 'waiting') position = waitingPosition((await listEnrolmentsOfMeasure(tx, measureId)).map((r) => r.enrolment), mine.id);
    const feedbackGiven = mine ? Boolean(await findFeedbackOfEnrolment(tx, mine.id)) : false;
    const taken = await countPlacesTaken(tx, measureId);
    const live = mine && ['requested', 'approved', 'waiting'].includes(mine.status);
    return {
      measure: { ...measure, createdAt: measure.createdAt.toISOString(), updatedAt: measure.updatedAt.toISOString() },
      catalogue: { year: catalogue.year, half: catalogue.half, status: catalogue.status },
      provider: provider ? { id: provider.id, name: provider.name, kind: provider.kind, contact: provider.contact } : null,
      areaName: found.areaName,
      needs: await listNeedsByIds(tx, await listMeasureNeedIds(tx, measureId)),
      placesLeft: Math.max(0, measure.capacity - taken),
      ended,
      mine: mine ? { id: mine.id, status: mine.status, version: mine.version, attended: mine.attended, position, feedbackGiven } : null,
      canEnrol: Boolean(actor.personId) && measure.status === 'published' && catalogue.status === 'published' && !ended && !live,
      canCancel: Boolean(live) && !ended,
      canGiveFeedback: mine ? feedbackRefusal({ status: mine.status, attended: mine.attended, ended, alreadyGiven: feedbackGiven }) === null : false,
      canWrite,
      canAttendance: can(actor, 'catalogue.attendance', { tenantId: actor.tenantId, accountId: measure.organiserAccountId ?? undefined }),
      nextStatuses: canWrite ? nextStatuses(measure.status as TMeasureStatus) : [],
      external: provider?.kind !== 'own_unit',
    };
  });
}
