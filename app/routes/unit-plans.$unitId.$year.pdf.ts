// GET /unit-plans/:unitId/:year/pdf — a unit's action and development plan as a PDF in the reader's language.
import type { Route } from './+types/unit-plans.$unitId.$year.pdf';
import { exportUnitPlanPdf } from '../../core/unit-plan/export-unit-plan-pdf.ts';
import { getServices, getSessionState, requireActor, runForPage } from '../server/route-helpers.server.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const result = await runForPage(context, () => exportUnitPlanPdf({ database: getServices(context).database, actor, unitId: params.unitId, year: params.year, language: getSessionState(context).language }));
  return new Response(new Uint8Array(result.body), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${result.fileName}"`, 'Cache-Control': 'no-store' },
  });
}
