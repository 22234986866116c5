// An attendee's feedback after a measure: what was learned, usefulness 1–5, and how it will be
// shared with colleagues. Only attendees (refused for anyone else), after the end, once.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findFeedbackOfEnrolment, findLatestEnrolment, findMeasure, insertFeedback } from '../../db/repositories/catalogue.repository.ts';
import { actorLabel, type AccountActor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { today } from './catalogue-access.ts';
import { feedbackRefusal, hasEnded, parseCatalogueInput, ZFeedbackSchema } from './catalogue.rules.ts';

export interface GiveFeedbackOptions {
  database: Database;
  actor: AccountActor;
  measureId: string;
  input: unknown;
  now?: Date;
  requestId?: string;
}

export async function giveFeedback({ database, actor, measureId, input, now, requestId }: GiveFeedbackOptions): Promise<{ id: string }> {
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
    if (refusal) throw new AppError(AppErrorCode.CONFLICT, { messageKey: `catalogue.errors.${refusal}` });
    const values = parseCatalogueInput(ZFeedbackSchema, input);
    const row = await insertFeedback(tx, { tenantId: actor.tenantId, enrolmentId: mine!.id, measureId, ...values });
    if (!row) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'catalogue.errors.alreadyGiven' });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'catalogue.feedback.give', subjectType: 'enrolment', subjectId: mine!.id, requestId, details: { measureId } });
    return { id: row.id };
  });
}
