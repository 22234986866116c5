// Import jobs: the dry run (preview) and the commit of an HR import run. Handlers call the
// core use cases as the system on behalf of the account that asked; a failure marks the run
// failed (inside the use case) and is never retried, since a retry could repeat a commit.
import { z } from 'zod';
import { commitImport } from '../core/import/commit-import.ts';
import { previewImport } from '../core/import/preview-import.ts';
import type { SystemActor } from '../core/shared/actor.ts';
import type { AppServices } from '../server/services.ts';
import type { JobDefinition } from './queue.ts';

const ZImportJobSchema = z.object({ tenantId: z.uuid(), runId: z.uuid(), requestedBy: z.string().min(1).max(200) });

export const importPreviewJob: JobDefinition<typeof ZImportJobSchema> = { id: 'import.preview', version: 1, schema: ZImportJobSchema, retryLimit: 0, expireInSeconds: 30 * 60 };
export const importCommitJob: JobDefinition<typeof ZImportJobSchema> = { id: 'import.commit', version: 1, schema: ZImportJobSchema, retryLimit: 0, expireInSeconds: 30 * 60 };

const systemActor = (tenantId: string): SystemActor => ({ kind: 'system', tenantId, purpose: 'import-job' });

export async function registerImportJobs(services: AppServices): Promise<void> {
  await services.jobs.work(importPreviewJob, async (payload) => {
    await previewImport({ database: services.database, actor: systemActor(payload.tenantId), runId: payload.runId, onBehalfOf: payload.requestedBy });
  });
  await services.jobs.work(importCommitJob, async (payload) => {
    const result = await commitImport({ database: services.database, actor: systemActor(payload.tenantId), runId: payload.runId, onBehalfOf: payload.requestedBy });
    if (result.status === 'failed') services.logger.warn({ runId: payload.runId, reason: result.failure?.key }, 'import commit refused');
  });
}
