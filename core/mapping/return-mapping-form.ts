// The coordinator sends a handed-in form back to the unit with a comment (submitted or approved →
// returned); the unit's wheel status goes back to "in progress".
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseMappingInput, ZReturnSchema } from './mapping.rules.ts';
import { decideForm } from './form-decision.ts';

export interface ReturnMappingFormOptions {
  database: Database;
  actor: Actor;
  formId: string;
  input: unknown;
  requestId?: string;
  now?: Date;
}

export async function returnMappingForm({ database, actor, formId, input, requestId, now }: ReturnMappingFormOptions): Promise<{ version: number }> {
  authorize(actor, 'mapping.form.decide', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(formId).success) throw notFound();
  const values = parseMappingInput(ZReturnSchema, input);
  return database.withTenant(actor.tenantId, (tx) => decideForm(tx, { actor, formId, transition: 'return', version: values.version, comment: values.comment, requestId, now: now ?? new Date() }));
}
