// GET /roster/periods/:periodId/pdf — the signed-in employee's published roster as a PDF (a
// leader of the unit may add ?person=<id> for one of its employees).
import type { Route } from './+types/roster.periods.$periodId.pdf';
import { exportRosterPdf } from '../../core/roster/export-roster-pdf.ts';
import { getRequestInfo, getServices, getSessionState, requireActor, runForPage } from '../server/route-helpers.server.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const url = new URL(request.url);
  const result = await runForPage(context, () =>
    exportRosterPdf({ database: getServices(context).database, actor, periodId: params.periodId, personId: url.searchParams.get('person'), language: getSessionState(context).language, requestId: getRequestInfo(context).requestId }),
  );
  return new Response(new Uint8Array(result.body), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${result.fileName}"`, 'Cache-Control': 'no-store' },
  });
}
