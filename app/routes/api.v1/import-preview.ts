// POST /api/v1/imports/{runId}/preview — choose the mapping and queue the dry run.
import type { Route } from './+types/import-preview';
import { getImportRun } from '../../../core/import/get-import-run.ts';
import { requestImportPreview } from '../../../core/import/request-import-preview.ts';
import { actorLabel } from '../../../core/shared/actor.ts';
import { importPreviewJob } from '../../../jobs/import.jobs.ts';
import { apiHandler, apiMethodNotAllowed } from '../../http/api.server.ts';
import { previewImport } from './endpoints.ts';
import { presentImportRun } from './import-presenter.ts';

export const loader = (args: Route.LoaderArgs) => apiMethodNotAllowed(args, ['POST']);
export const action = (args: Route.ActionArgs) =>
  apiHandler(previewImport, args, async ({ actor, params, body, services, info, language }) => {
    const database = services.database;
    const runId = params.runId;
    let { mapping, mappingVersion } = body;
    if (mapping === undefined || mappingVersion === undefined) {
      // Fill in what was left out from the run as it stands (its suggested mapping).
      const current = await getImportRun({ database, actor, runId, requestId: info.requestId });
      mapping ??= current.mapping;
      if (mappingVersion === undefined) mappingVersion = current.mappingVersion;
    }
    await requestImportPreview({
      database,
      actor,
      runId,
      mapping,
      mappingVersion,
      endMissing: body.endMissing,
      requestId: info.requestId,
      enqueue: (id) => services.jobs.send(importPreviewJob, { tenantId: actor.tenantId, runId: id, requestedBy: actorLabel(actor) }),
    });
    return { body: presentImportRun(await getImportRun({ database, actor, runId, requestId: info.requestId }), language) };
  });
