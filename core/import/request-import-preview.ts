// Choose the column mapping for an uploaded run and start its dry run: the mapping is checked
// (required fields mapped, each header used once, only the file's headers), remembered for the
// tenant under optimistic locking, and a preview job is queued.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findImportRun, saveImportMapping, transitionImportRun } from '../../db/repositories/import.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion, type ValidationIssue } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { EMPLOYEE_FIELDS, REQUIRED_FIELDS, type ImportMapping } from './fields.ts';
import { auditActor, type ImportSummary } from './import-run.ts';

export const ZImportMappingSchema = z.partialRecord(z.enum(EMPLOYEE_FIELDS), z.string().max(500));

export interface RequestImportPreviewOptions {
  database: Database;
  actor: Actor;
  runId: string;
  mapping: ImportMapping;
  /** The tenant mapping version the form was built from (null: none stored yet). */
  mappingVersion: number | null;
  endMissing: boolean;
  /** Queue the preview job (after the transaction has committed). */
  enqueue: (runId: string) => Promise<unknown>;
  requestId?: string;
}

export async function requestImportPreview(options: RequestImportPreviewOptions): Promise<void> {
  const { database, actor, runId } = options;
  authorize(actor, 'import.run', { tenantId: actor.tenantId });
  const parsed = ZImportMappingSchema.safeParse(options.mapping);
  if (!parsed.success) throw new AppError(AppErrorCode.VALIDATION, { issues: [{ path: 'mapping', key: 'errors.field.invalid' }] });
  const mapping: ImportMapping = Object.fromEntries(Object.entries(parsed.data).filter(([, h]) => h !== undefined && h !== ''));
  await database.withTenant(actor.tenantId, async (tx) => {
    const run = await findImportRun(tx, runId);
    if (!run) throw notFound();
    const summary = (run.summary ?? {}) as unknown as ImportSummary;
    const headers = new Set(summary.headers ?? []);
    const issues: ValidationIssue[] = [];
    const used = new Map<string, string>();
    for (const field of EMPLOYEE_FIELDS) {
      const header = mapping[field];
      if (!header) {
        if (REQUIRED_FIELDS.includes(field)) issues.push({ path: `mapping.${field}`, key: 'import.mapping.required' });
        continue;
      }
      if (!headers.has(header)) issues.push({ path: `mapping.${field}`, key: 'errors.field.invalid' });
      else if (used.has(header)) issues.push({ path: `mapping.${field}`, key: 'import.mapping.usedTwice', params: { header } });
      used.set(header, field);
    }
    if (issues.length) throw new AppError(AppErrorCode.VALIDATION, { issues });
    if (!(await saveImportMapping(tx, actor.tenantId, mapping as Record<string, string>, options.mappingVersion))) throw staleVersion();
    const moved = await transitionImportRun(tx, runId, ['uploaded', 'previewed', 'invalid', 'failed'], {
      status: 'previewing',
      mapping: mapping as Record<string, string>,
      summary: { ...summary, endMissing: options.endMissing, counts: undefined, samples: undefined, failure: undefined } as unknown as Record<string, unknown>,
      errors: null,
      progressDone: 0,
      progressTotal: summary.rowCount ?? 0,
    });
    if (!moved) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'import.run.busy' });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: auditActor(actor), action: 'import.preview_requested', subjectType: 'import_run', subjectId: runId, requestId: options.requestId, details: { mapping, endMissing: options.endMissing } });
  });
  await options.enqueue(runId);
}
