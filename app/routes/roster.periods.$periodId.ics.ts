// GET /roster/periods/:periodId/ics — the signed-in employee's published roster as an
// iCalendar file (a leader of the unit may add ?person=<id> for one of its employees).
import type { Route } from './+types/roster.periods.$periodId.ics';
import { exportRosterIcs } from '../../core/roster/export-roster-ics.ts';
import { getRequestInfo, getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const url = new URL(request.url);
  const result = await runForPage(context, () =>
    exportRosterIcs({ database: getServices(context).database, actor, periodId: params.periodId, personId: url.searchParams.get('person'), host: url.hostname, requestId: getRequestInfo(context).requestId }),
  );
  return new Response(result.body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${result.fileName}"`,
      'Cache-Control': 'no-store',
    },
  });
}
