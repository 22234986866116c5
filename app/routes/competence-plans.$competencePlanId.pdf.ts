// GET /competence-plans/:competencePlanId/pdf — the competence plan as a PDF in the reader's language.
import type { Route } from './+types/competence-plans.$competencePlanId.pdf';
import { exportPlanPdf } from '../../core/competence-plan/export-plan-pdf.ts';
import { getServices, getSessionState, requireActor, runForPage } from '../server/route-helpers.server.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const result = await runForPage(context, () => exportPlanPdf({ database: getServices(context).database, actor, planId: params.competencePlanId, language: getSessionState(context).language }));
  return new Response(new Uint8Array(result.body), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${result.fileName}"`, 'Cache-Control': 'no-store' },
  });
}
