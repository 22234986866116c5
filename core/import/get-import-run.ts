// One import run for its page: status, progress (live when the commit runs in this process),
// the file's headers with the suggested mapping, and the preview or result. Viewing a preview
// or a result (names and employee numbers) is audited.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findImportMapping, findImportRun } from '../../db/repositories/import.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { EMPLOYEE_FIELDS, REQUIRED_FIELDS, suggestMapping, type ImportMapping } from './fields.ts';
import { auditActor, type ImportStatus, type ImportSummary, type RowIssue } from './import-run.ts';
import { liveProgress } from './progress.ts';

export interface GetImportRunOptions {
  database: Database;
  actor: Actor;
  runId: string;
  requestId?: string;
}

export interface ImportRunView {
  id: string;
  fileName: string;
  status: ImportStatus;
  progress: { done: number; total: number };
  summary: ImportSummary;
  issues: RowIssue[];
  mapping: ImportMapping;
  mappingVersion: number | null;
  fields: typeof EMPLOYEE_FIELDS;
  requiredFields: readonly string[];
  createdAt: string;
  finishedAt: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getImportRun(options: GetImportRunOptions): Promise<ImportRunView> {
  const { database, actor, runId } = options;
  authorize(actor, 'import.run', { tenantId: actor.tenantId });
  if (!UUID.test(runId)) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const run = await findImportRun(tx, runId);
    if (!run) throw notFound();
    const remembered = await findImportMapping(tx);
    const summary = (run.summary ?? {}) as unknown as ImportSummary;
    const status = run.status as ImportStatus;
    const mapping = run.mapping && status !== 'uploaded' ? (run.mapping as ImportMapping) : suggestMapping(summary.headers ?? [], (run.mapping as ImportMapping | null) ?? (remembered?.mapping as ImportMapping | undefined) ?? null);
    const live = status === 'committing' || status === 'previewing' ? liveProgress(runId) : null;
    const progress = live && live.done > run.progressDone ? live : { done: run.progressDone, total: run.progressTotal };
    if (status === 'previewed' || status === 'invalid' || status === 'committed') {
      await appendAudit(tx, { tenantId: actor.tenantId, actor: auditActor(actor), action: 'import.read', subjectType: 'import_run', subjectId: runId, requestId: options.requestId });
    }
    return {
      id: run.id,
      fileName: run.fileName,
      status,
      progress,
      summary,
      issues: (run.errors ?? []) as RowIssue[],
      mapping,
      mappingVersion: remembered?.version ?? null,
      fields: EMPLOYEE_FIELDS,
      requiredFields: REQUIRED_FIELDS,
      createdAt: run.createdAt.toISOString(),
      finishedAt: run.finishedAt ? run.finishedAt.toISOString() : null,
    };
  });
}
