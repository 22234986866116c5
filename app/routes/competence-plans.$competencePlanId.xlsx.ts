// GET /competence-plans/:competencePlanId/xlsx — the competence plan as a spreadsheet, ready to paste into the economy plan.
import type { Route } from './+types/competence-plans.$competencePlanId.xlsx';
import { exportPlanXlsx, XLSX_CONTENT_TYPE } from '../../core/competence-plan/export-plan-xlsx.ts';
import { getServices, getSessionState, requireActor, runForPage } from '../server/route-helpers.server.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const result = await runForPage(context, () => exportPlanXlsx({ database: getServices(context).database, actor, planId: params.competencePlanId, language: getSessionState(context).language }));
  return new Response(new Uint8Array(result.body), {
    headers: { 'Content-Type': XLSX_CONTENT_TYPE, 'Content-Disposition': `attachment; filename="${result.fileName}"`, 'Cache-Control': 'no-store' },
  });
}
