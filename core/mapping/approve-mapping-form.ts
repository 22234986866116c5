// The coordinator approves a handed-in form (submitted → approved); the unit stays "done" on the wheel.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseMappingInput, ZDecideSchema } from './mapping.rules.ts';
import { decideForm } from './form-decision.ts';

export interface ApproveMappingFormOptions {
  database: Database;
  actor: Actor;
  formId: string;
  input: unknown;
  requestId?: string;
  now?: Date;
}

export async function approveMappingForm({ database, actor, formId, input, requestId, now }: ApproveMappingFormOptions): Promise<{ version: number }> {
  authorize(actor, 'mapping.form.decide', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(formId).success) throw notFound();
  const values = parseMappingInput(ZDecideSchema, input);
  return database.withTenant(actor.tenantId, (tx) => decideForm(tx, { actor, formId, transition: 'approve', version: values.version, comment: null, requestId, now: now ?? new Date() }));
}
