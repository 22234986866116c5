// What the feedback form needs: the measure, and whether the signed-in person may answer
// (only attendees, after the end, once). Anyone else is refused.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { findFeedbackOfEnrolment, findLatestEnrolment, findMeasure } from '../../db/repositories/catalogue.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { today } from './catalogue-access.ts';
import { feedbackRefusal, hasEnded } from './catalogue.rules.ts';

export interface GetFeedbackFormOptions {
  database: Database;
  actor: AccountActor;
  measureId: string;
  now?: Date;
}

export async function getFeedbackForm({ database, actor, measureId, now }: GetFeedbackFormOptions) {
  if (!actor.personId) throw new AppError(AppErrorCode.FORBIDDEN, { messageKey: 'catalogue.errors.notAttendee' });
  authorize(actor, 'catalogue.feedback', { tenantId: actor.tenantId, personId: actor.personId });
  if (!z.uuid().safeParse(measureId).success) throw notFound();
  const personId = actor.personId;
  return database.withTenant(actor.tenantId, async (tx) => {
    const found = await findMeasure(tx, measureId);
    if (!found) throw notFound();
    const mine = await findLatestEnrolment(tx, measureId, personId);
    const given = mine ? Boolean(await findFeedbackOfEnrolment(tx, mine.id)) : false;
    const refusal = feedbackRefusal({ status: mine?.status ?? 'none', attended: mine?.attended ?? null, ended: hasEnded(found.measure, today(now)), alreadyGiven: given });
    if (refusal === 'notAttendee') throw new AppError(AppErrorCode.FORBIDDEN, { messageKey: 'catalogue.errors.notAttendee' });
    return { measure: { id: found.measure.id, title: found.measure.title, endDate: found.measure.endDate }, refusal };
  });
}
