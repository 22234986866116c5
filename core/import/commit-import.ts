// Write a previewed import (a job), all or nothing, in ONE transaction: re-read the tenant's
// data, refuse if it changed since the preview (stale), then upsert units (parents first, paths
// recomputed), persons and employments in multi-row batches, end missing employments, and
// append one audit row for the import plus one per changed entity. Any failure rolls all of it
// back; the run is then marked failed with a translated reason.
//
// Progress: on PostgreSQL every batch also writes progress_done through a separate pooled
// connection, so the run page sees it while the transaction is open. On PGlite (one
// connection, an open transaction blocks all other queries) progress goes to the in-process
// registry (progress.ts) and reaches the database when the transaction ends.
import type { Database } from '../../db/client.ts';
import { analyzeOrganisationTables } from '../../db/repositories/maintenance.repository.ts';
import { appendAudit, type AuditEntry } from '../../db/repositories/audit.repository.ts';
import {
  appendAuditBatch,
  endEmployments,
  findImportRun,
  lockTenantImports,
  setImportProgress,
  transitionImportRun,
  upsertEmployments,
  upsertPersons,
  upsertUnits,
} from '../../db/repositories/import.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { analyseFile } from './analyse.rules.ts';
import type { ImportMapping } from './fields.ts';
import { auditActor, todayIso, type ImportCounts, type ImportSummary } from './import-run.ts';
import { buildPlan, fingerprint } from './plan.rules.ts';
import { clearProgress, reportProgress } from './progress.ts';
import { loadFile, loadState } from './load-state.ts';
import { markFailed } from './preview-import.ts';

export interface CommitImportOptions {
  database: Database;
  actor: Actor;
  runId: string;
  onBehalfOf?: string;
  now?: Date;
}

export interface CommitImportResult {
  status: 'committed' | 'failed';
  counts: ImportCounts | null;
  failure?: { key: string; params?: Record<string, string | number> };
}

class ImportRefused extends Error {
  readonly key: string;
  readonly params: Record<string, string | number> | undefined;
  constructor(key: string, params?: Record<string, string | number>) {
    super(key);
    this.key = key;
    this.params = params;
  }
}

export async function commitImport(options: CommitImportOptions): Promise<CommitImportResult> {
  const { database, actor, runId } = options;
  authorize(actor, 'import.run', { tenantId: actor.tenantId });
  const now = options.now ?? new Date();
  const run = await database.withTenant(actor.tenantId, (tx) => findImportRun(tx, runId));
  if (!run) throw notFound();
  if (run.status !== 'committing') throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'import.run.notPreviewed' });
  const summary = (run.summary ?? {}) as unknown as ImportSummary;
  const mapping = (run.mapping ?? {}) as ImportMapping;
  const who = auditActor(actor, options.onBehalfOf);
  const total = Math.max(1, run.progressTotal);
  let done = 0;
  const separateProgress = database.kind === 'postgres';
  const advance = async (n: number) => {
    done = Math.min(total, done + n);
    reportProgress(runId, done, total);
    if (separateProgress) await database.withTenant(actor.tenantId, (tx) => setImportProgress(tx, runId, done, total));
  };

  try {
    const analysis = await analyseFile({ hash: summary.fileHash, load: () => loadFile(database, actor.tenantId, runId) }, mapping, Number(todayIso(now).slice(0, 4)));
    if (analysis.fileProblem || analysis.issues.length) throw new ImportRefused('import.failed.invalid');
    const counts = await database.withTenant(actor.tenantId, async (tx) => {
      await lockTenantImports(tx, actor.tenantId);
      const state = await loadState(tx);
      if (fingerprint(state) !== summary.fingerprint) throw new ImportRefused('import.failed.stale');
      const plan = buildPlan(analysis.rows, analysis.units, state, { mapping, endMissing: summary.endMissing ?? true, importDate: summary.importDate ?? todayIso(now) });
      if (plan.issues.length) throw new ImportRefused('import.failed.invalid');

      await upsertUnits(tx, actor.tenantId, plan.unitWrites, advance);
      await upsertPersons(tx, actor.tenantId, plan.personWrites, advance);
      await upsertEmployments(tx, actor.tenantId, plan.employmentWrites, advance);
      await endEmployments(tx, plan.deactivations.map((d) => d.employmentId), plan.importDate, advance);

      const counts: ImportCounts = {
        rows: analysis.rowCount,
        creates: plan.creates.length,
        updates: plan.updates.length,
        unchanged: plan.unchanged,
        deactivations: plan.deactivations.length,
        unitCreates: plan.unitCreates.length,
        unitUpdates: plan.unitUpdates.length,
        issues: 0,
      };
      const base = { tenantId: actor.tenantId, actor: who };
      const audit: AuditEntry[] = [{ ...base, action: 'import.commit', subjectType: 'import_run', subjectId: runId, details: { ...counts, fileName: run.fileName } }];
      for (const u of plan.unitWrites) audit.push({ ...base, action: u.isNew ? 'unit.create' : 'unit.update', subjectType: 'unit', subjectId: u.id, details: { importRun: runId, code: u.code } });
      // One row per employee: the employment row names the person and whether it changed too.
      const personChange = new Map(plan.personWrites.map((p) => [p.id, p.isNew ? 'create' : 'update']));
      for (const e of plan.employmentWrites) {
        const person = personChange.get(e.personId) ?? null;
        personChange.delete(e.personId);
        audit.push({ ...base, action: e.isNew ? 'employment.create' : 'employment.update', subjectType: 'employment', subjectId: e.id, details: { importRun: runId, employeeNumber: e.employeeNumber, personId: e.personId, person } });
      }
      for (const [personId, change] of personChange) audit.push({ ...base, action: `person.${change}`, subjectType: 'person', subjectId: personId, details: { importRun: runId } });
      for (const d of plan.deactivations) audit.push({ ...base, action: 'employment.end', subjectType: 'employment', subjectId: d.employmentId, details: { importRun: runId, employeeNumber: d.employeeNumber, endDate: plan.importDate } });
      await appendAuditBatch(tx, audit);

      const moved = await transitionImportRun(tx, runId, ['committing'], {
        status: 'committed',
        summary: { ...summary, counts, committedAt: now.toISOString() } as unknown as Record<string, unknown>,
        progressDone: total,
        progressTotal: total,
        finishedAt: new Date(),
      });
      if (!moved) throw new ImportRefused('import.failed.internal');
      return counts;
    });
    // Large imports change the tables' shape: refresh the planner's statistics.
    if (counts.creates + counts.updates + counts.deactivations + counts.unitCreates >= 500) await analyzeOrganisationTables(database);
    return { status: 'committed', counts };
  } catch (error) {
    const refused = error instanceof ImportRefused;
    const failure = refused ? { key: error.key, ...(error.params ? { params: error.params } : {}) } : { key: 'import.failed.internal' };
    await markFailed(database, actor, runId, ['committing'], summary, failure.key, failure.params);
    await database.withTenant(actor.tenantId, (tx) => appendAudit(tx, { tenantId: actor.tenantId, actor: who, action: 'import.commit_failed', subjectType: 'import_run', subjectId: runId, details: { reason: failure.key } }));
    if (!refused) throw error;
    return { status: 'failed', counts: null, failure };
  } finally {
    clearProgress(runId);
  }
}
