// GET /api/v1/imports/{runId} — one import run: status, progress, counts, issues.
import type { Route } from './+types/import';
import { getImportRun } from '../../../core/import/get-import-run.ts';
import { apiHandler, apiMethodNotAllowed } from '../../http/api.server.ts';
import { getImport } from './endpoints.ts';
import { presentImportRun } from './import-presenter.ts';

export const loader = (args: Route.LoaderArgs) =>
  apiHandler(getImport, args, async ({ actor, params, services, info, language }) => ({
    body: presentImportRun(await getImportRun({ database: services.database, actor, runId: params.runId, requestId: info.requestId }), language),
  }));
export const action = (args: Route.ActionArgs) => apiMethodNotAllowed(args, ['GET']);
