// GET /api/v1/units/{unitId} — one unit with ancestors, children and leaders.
import type { Route } from './+types/unit';
import { getUnit as getUnitView } from '../../../core/org/get-unit.ts';
import { apiHandler, apiMethodNotAllowed } from '../../http/api.server.ts';
import { getUnit } from './endpoints.ts';

export const loader = (args: Route.LoaderArgs) =>
  apiHandler(getUnit, args, async ({ actor, params, services, info }) => {
    const view = await getUnitView({ database: services.database, actor, unitId: params.unitId, requestId: info.requestId });
    return {
      body: { ...view.unit, headCount: view.headCount, ancestors: view.ancestors, children: view.children, leaders: view.leaders.map((l) => ({ personId: l.personId, name: l.name })) },
      version: view.unit.version,
    };
  });
export const action = (args: Route.ActionArgs) => apiMethodNotAllowed(args, ['GET']);
