// GET /roster/periods/:periodId/xlsx — the unit's roster as a spreadsheet (leaders, union reps).
import type { Route } from './+types/roster.periods.$periodId.xlsx';
import { exportRosterXlsx, XLSX_CONTENT_TYPE } from '../../core/roster/export-roster-xlsx.ts';
import { getRequestInfo, getServices, getSessionState, requireActor, runForPage } from '../server/route-helpers.server.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const result = await runForPage(context, () =>
    exportRosterXlsx({ database: getServices(context).database, actor, periodId: params.periodId, language: getSessionState(context).language, requestId: getRequestInfo(context).requestId }),
  );
  return new Response(new Uint8Array(result.body), {
    headers: { 'Content-Type': XLSX_CONTENT_TYPE, 'Content-Disposition': `attachment; filename="${result.fileName}"`, 'Cache-Control': 'no-store' },
  });
}
