// GET /api/v1/units/{unitId}/members — people employed in the unit, a page at a time.
import type { Route } from './+types/unit-members';
import { getUnit } from '../../../core/org/get-unit.ts';
import { apiHandler, apiMethodNotAllowed } from '../../http/api.server.ts';
import { listUnitMembers } from './endpoints.ts';

export const loader = (args: Route.LoaderArgs) =>
  apiHandler(listUnitMembers, args, async ({ actor, params, query, services, info }) => {
    const { members } = await getUnit({ database: services.database, actor, unitId: params.unitId, page: query.page, requestId: info.requestId });
    return {
      body: {
        items: members.rows.map((m) => ({ employmentId: m.employmentId, personId: m.personId, name: m.name, positionTitle: m.positionTitle, ftePercent: m.ftePercent, styrk08: m.occupation?.code ?? null })),
        page: members.page,
        pageSize: members.pageSize,
        total: members.total,
      },
    };
  });
export const action = (args: Route.ActionArgs) => apiMethodNotAllowed(args, ['GET']);
