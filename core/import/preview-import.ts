// The dry run (a job): read the stored file with the chosen mapping, validate every row,
// compare with the tenant's data and store what a commit would do — counts, the first rows of
// each category, and every row error — without changing any personnel data. Progress is
// written to the run as it goes (short transactions, visible to every connection).
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findImportRun, setImportProgress, transitionImportRun } from '../../db/repositories/import.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { analyseFile } from './analyse.rules.ts';
import type { ImportMapping } from './fields.ts';
import { ISSUE_LIMIT, SAMPLE_LIMIT, auditActor, todayIso, type ImportCounts, type ImportSummary } from './import-run.ts';
import { buildPlan, fingerprint } from './plan.rules.ts';
import { clearProgress, reportProgress } from './progress.ts';
import { loadFile, loadState } from './load-state.ts';

export interface PreviewImportOptions {
  database: Database;
  actor: Actor;
  runId: string;
  /** The account that asked for the preview (audit). */
  onBehalfOf?: string;
  now?: Date;
}

export interface PreviewImportResult {
  status: 'previewed' | 'invalid' | 'failed';
  counts: ImportCounts | null;
}

export async function previewImport(options: PreviewImportOptions): Promise<PreviewImportResult> {
  const { database, actor, runId } = options;
  authorize(actor, 'import.run', { tenantId: actor.tenantId });
  const now = options.now ?? new Date();
  const run = await database.withTenant(actor.tenantId, (tx) => findImportRun(tx, runId));
  if (!run) throw notFound();
  if (run.status !== 'previewing') throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'import.run.busy' });
  const summary = (run.summary ?? {}) as unknown as ImportSummary;
  const progress = async (done: number, total: number) => {
    reportProgress(runId, done, total);
    await database.withTenant(actor.tenantId, (tx) => setImportProgress(tx, runId, done, total));
  };
  try {
    const total = Math.max(1, summary.rowCount ?? 0) * 3;
    await progress(0, total);
    const analysis = await analyseFile({ hash: summary.fileHash, load: () => loadFile(database, actor.tenantId, runId) }, (run.mapping ?? {}) as ImportMapping, Number(todayIso(now).slice(0, 4)));
    await progress(Math.round(total / 3), total);
    const importDate = todayIso(now);
    const { plan, print } = await database.withTenant(actor.tenantId, async (tx) => {
      const state = await loadState(tx);
      const built = analysis.fileProblem ? null : buildPlan(analysis.rows, analysis.units, state, { mapping: (run.mapping ?? {}) as ImportMapping, endMissing: summary.endMissing ?? true, importDate });
      return { plan: built, print: fingerprint(state) };
    });
    await progress(Math.round((total * 2) / 3), total);
    const issues = analysis.fileProblem ? [analysis.fileProblem] : [...analysis.issues, ...plan!.issues].sort((a, b) => (a.sheet === b.sheet ? 0 : a.sheet === 'units' ? -1 : 1) || a.row - b.row);
    const counts: ImportCounts = {
      rows: analysis.rowCount,
      creates: plan?.creates.length ?? 0,
      updates: plan?.updates.length ?? 0,
      unchanged: plan?.unchanged ?? 0,
      deactivations: plan?.deactivations.length ?? 0,
      unitCreates: plan?.unitCreates.length ?? 0,
      unitUpdates: plan?.unitUpdates.length ?? 0,
      issues: issues.length,
    };
    const status = issues.length ? 'invalid' : 'previewed';
    const next: ImportSummary = {
      ...summary,
      importDate,
      fingerprint: print,
      counts,
      samples: {
        creates: plan?.creates.slice(0, SAMPLE_LIMIT) ?? [],
        updates: plan?.updates.slice(0, SAMPLE_LIMIT) ?? [],
        deactivations: plan?.deactivations.slice(0, SAMPLE_LIMIT) ?? [],
        unitCreates: plan?.unitCreates.slice(0, SAMPLE_LIMIT) ?? [],
        unitUpdates: plan?.unitUpdates.slice(0, SAMPLE_LIMIT) ?? [],
      },
    };
    await database.withTenant(actor.tenantId, async (tx) => {
      await transitionImportRun(tx, runId, ['previewing'], { status, summary: next as unknown as Record<string, unknown>, errors: issues.slice(0, ISSUE_LIMIT), progressDone: total, progressTotal: total, finishedAt: null });
      await appendAudit(tx, { tenantId: actor.tenantId, actor: auditActor(actor, options.onBehalfOf), action: 'import.preview', subjectType: 'import_run', subjectId: runId, details: { ...counts } });
    });
    return { status, counts };
  } catch (error) {
    await markFailed(database, actor, runId, ['previewing'], summary, 'import.failed.internal');
    throw error;
  } finally {
    clearProgress(runId);
  }
}

export async function markFailed(database: Database, actor: Actor, runId: string, from: string[], summary: ImportSummary, key: string, params?: Record<string, string | number>): Promise<void> {
  await database.withTenant(actor.tenantId, (tx) =>
    transitionImportRun(tx, runId, from, { status: 'failed', summary: { ...summary, failure: params ? { key, params } : { key } } as unknown as Record<string, unknown>, finishedAt: new Date() }),
  );
}
