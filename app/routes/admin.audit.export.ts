// GET /admin/audit/export: the filtered audit log as a CSV download (the export is audited).
import type { Route } from './+types/admin.audit.export';
import { exportAuditLog } from '../../core/audit/export-audit-log.ts';
import { filterFromSearchParams } from '../../core/audit/audit.rules.ts';
import { getRequestInfo, getServices, getSessionState, requireActor, runForPage } from '../server/route-helpers.server.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const { database } = getServices(context);
  const { requestId } = getRequestInfo(context);
  const { language } = getSessionState(context);
  const filter = filterFromSearchParams(new URL(request.url).searchParams);
  const result = await runForPage(context, () => exportAuditLog({ database, actor, filter, language, now: new Date(), requestId }));
  return new Response(result.csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${result.fileName}"`,
      'Cache-Control': 'no-store',
    },
  });
}
