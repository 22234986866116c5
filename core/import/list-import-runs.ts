// The latest import runs of the tenant, for the import start page.
import type { Database } from '../../db/client.ts';
import { listImportRuns as listRuns } from '../../db/repositories/import.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import type { ImportStatus, ImportSummary } from './import-run.ts';

export interface ListImportRunsOptions {
  database: Database;
  actor: Actor;
  limit?: number;
}

export async function listImportRuns(options: ListImportRunsOptions) {
  const { database, actor } = options;
  authorize(actor, 'import.run', { tenantId: actor.tenantId });
  const rows = await database.withTenant(actor.tenantId, (tx) => listRuns(tx, options.limit ?? 20));
  return rows.map((r) => ({
    id: r.id,
    fileName: r.fileName,
    status: r.status as ImportStatus,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
    rowCount: ((r.summary ?? {}) as unknown as ImportSummary).rowCount ?? 0,
  }));
}
