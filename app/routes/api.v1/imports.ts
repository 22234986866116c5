// GET /api/v1/imports — recent import runs. POST — upload an HR file (the body is the file).
import type { Route } from './+types/imports';
import { getImportRun } from '../../../core/import/get-import-run.ts';
import { listImportRuns } from '../../../core/import/list-import-runs.ts';
import { uploadImportFile } from '../../../core/import/upload-import-file.ts';
import { apiHandler } from '../../http/api.server.ts';
import { listImports, uploadImport } from './endpoints.ts';
import { presentImportRun } from './import-presenter.ts';

export const loader = (args: Route.LoaderArgs) =>
  apiHandler(listImports, args, async ({ actor, services }) => ({ body: { items: await listImportRuns({ database: services.database, actor }) } }));

export const action = (args: Route.ActionArgs) =>
  apiHandler(uploadImport, args, async ({ actor, auth, query, bytes, services, info, language }) => {
    const database = services.database;
    const createdBy = auth.kind === 'token' ? auth.token.id : auth.session.account.id;
    const { runId } = await uploadImportFile({ database, actor, fileName: query.fileName, bytes, createdBy, maxBytes: services.env.UPLOAD_LIMIT_MB * 1024 * 1024, requestId: info.requestId });
    return { body: presentImportRun(await getImportRun({ database, actor, runId, requestId: info.requestId }), language) };
  });
