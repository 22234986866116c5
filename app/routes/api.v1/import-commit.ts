// POST /api/v1/imports/{runId}/commit — queue the commit of a previewed run.
import type { Route } from './+types/import-commit';
import { getImportRun } from '../../../core/import/get-import-run.ts';
import { requestImportCommit } from '../../../core/import/request-import-commit.ts';
import { actorLabel } from '../../../core/shared/actor.ts';
import { importCommitJob } from '../../../jobs/import.jobs.ts';
import { apiHandler, apiMethodNotAllowed } from '../../http/api.server.ts';
import { commitImport } from './endpoints.ts';
import { presentImportRun } from './import-presenter.ts';

export const loader = (args: Route.LoaderArgs) => apiMethodNotAllowed(args, ['POST']);
export const action = (args: Route.ActionArgs) =>
  apiHandler(commitImport, args, async ({ actor, params, services, info, language }) => {
    const database = services.database;
    await requestImportCommit({
      database,
      actor,
      runId: params.runId,
      requestId: info.requestId,
      enqueue: (id) => services.jobs.send(importCommitJob, { tenantId: actor.tenantId, runId: id, requestedBy: actorLabel(actor) }),
    });
    return { body: presentImportRun(await getImportRun({ database, actor, runId: params.runId, requestId: info.requestId }), language) };
  });
