// Ask for a previewed run to be written: only a run whose preview had no errors, once (the
// status moves atomically from previewed to committing), then the commit job is queued.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findImportRun, transitionImportRun } from '../../db/repositories/import.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { auditActor, type ImportSummary } from './import-run.ts';

export interface RequestImportCommitOptions {
  database: Database;
  actor: Actor;
  runId: string;
  enqueue: (runId: string) => Promise<unknown>;
  requestId?: string;
}

export async function requestImportCommit(options: RequestImportCommitOptions): Promise<void> {
  const { database, actor, runId } = options;
  authorize(actor, 'import.run', { tenantId: actor.tenantId });
  await database.withTenant(actor.tenantId, async (tx) => {
    const run = await findImportRun(tx, runId);
    if (!run) throw notFound();
    if (run.status !== 'previewed') throw new AppError(AppErrorCode.CONFLICT, { messageKey: run.status === 'invalid' ? 'import.run.hasErrors' : 'import.run.notPreviewed' });
    const summary = (run.summary ?? {}) as unknown as ImportSummary;
    const c = summary.counts;
    const total = c ? c.unitCreates + c.unitUpdates + c.creates * 2 + c.updates * 2 + c.deactivations : 0;
    const moved = await transitionImportRun(tx, runId, ['previewed'], { status: 'committing', progressDone: 0, progressTotal: Math.max(1, total) });
    if (!moved) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'import.run.busy' });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: auditActor(actor), action: 'import.commit_requested', subjectType: 'import_run', subjectId: runId, requestId: options.requestId });
  });
  await options.enqueue(runId);
}
