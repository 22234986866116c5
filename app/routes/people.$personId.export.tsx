// /people/:personId/export — the person's own data as a JSON download.
import type { Route } from './+types/people.$personId.export';
import { getRequestInfo, getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { exportPersonData } from '../../core/people/export-person-data.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const exported = await runForPage(context, () =>
    exportPersonData({ database: getServices(context).database, actor, personId: params.personId, requestId: getRequestInfo(context).requestId }),
  );
  const date = exported.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="rytme-mine-data-${date}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
