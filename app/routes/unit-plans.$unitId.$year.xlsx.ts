// GET /unit-plans/:unitId/:year/xlsx — a unit's action and development plan as a spreadsheet, ready to paste into the economy plan.
import type { Route } from './+types/unit-plans.$unitId.$year.xlsx';
import { XLSX_CONTENT_TYPE } from '../../core/competence-plan/export-plan-xlsx.ts';
import { exportUnitPlanXlsx } from '../../core/unit-plan/export-unit-plan-xlsx.ts';
import { getServices, getSessionState, requireActor, runForPage } from '../server/route-helpers.server.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const result = await runForPage(context, () => exportUnitPlanXlsx({ database: getServices(context).database, actor, unitId: params.unitId, year: params.year, language: getSessionState(context).language }));
  return new Response(new Uint8Array(result.body), {
    headers: { 'Content-Type': XLSX_CONTENT_TYPE, 'Content-Disposition': `attachment; filename="${result.fileName}"`, 'Cache-Control': 'no-store' },
  });
}
