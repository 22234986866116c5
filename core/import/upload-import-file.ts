// Receive an uploaded HR file: check the policy, read it (type by magic bytes, encoding,
// formulas, size, rows) and store it as a new run waiting for its column mapping. A file we
// cannot read is refused with a translated reason and stores nothing (the refusal is audited).
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { insertImportRun } from '../../db/repositories/import.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { auditActor, type ImportSummary } from './import-run.ts';
import { fileHash, readImportFileCached } from './read-cache.ts';

export interface UploadImportFileOptions {
  database: Database;
  actor: Actor;
  fileName: string;
  bytes: Uint8Array;
  /** Who the run belongs to (an account id); defaults to the actor. */
  createdBy: string;
  maxBytes?: number;
  requestId?: string;
}

const tooLarge = (max: number) => ({ ok: false as const, problem: { key: 'import.file.tooLarge', params: { limit: `${Math.round(max / 1024 / 1024)} MB` } } });

export async function uploadImportFile(options: UploadImportFileOptions): Promise<{ runId: string }> {
  const { database, actor } = options;
  authorize(actor, 'import.run', { tenantId: actor.tenantId });
  const fileName = options.fileName.replace(/[\\/]/g, '_').slice(0, 200) || 'import';
  const result = options.maxBytes !== undefined && options.bytes.length > options.maxBytes ? tooLarge(options.maxBytes) : await readImportFileCached(options.bytes);
  if (!result.ok) {
    await database.withTenant(actor.tenantId, (tx) =>
      appendAudit(tx, { tenantId: actor.tenantId, actor: auditActor(actor), action: 'import.upload_rejected', requestId: options.requestId, details: { fileName, bytes: options.bytes.length, reason: result.problem.key } }),
    );
    throw new AppError(AppErrorCode.VALIDATION, {
      messageKey: result.problem.key,
      ...(result.problem.params ? { params: result.problem.params } : {}),
      issues: [{ path: 'file', key: result.problem.key, ...(result.problem.params ? { params: result.problem.params } : {}) }],
    });
  }
  const summary: ImportSummary = { fileHash: fileHash(options.bytes), kind: result.kind, headers: result.employees.headers, rowCount: result.employees.rows.length, unitRowCount: result.units ? result.units.rows.length : null };
  return database.withTenant(actor.tenantId, async (tx) => {
    const runId = await insertImportRun(tx, {
      tenantId: actor.tenantId,
      createdBy: options.createdBy,
      fileName,
      fileType: result.kind,
      file: Buffer.from(options.bytes),
      status: 'uploaded',
      summary: summary as unknown as Record<string, unknown>,
    });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: auditActor(actor), action: 'import.upload', subjectType: 'import_run', subjectId: runId, requestId: options.requestId, details: { fileName, bytes: options.bytes.length, rows: summary.rowCount } });
    return { runId };
  });
}
