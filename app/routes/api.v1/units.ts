// GET /api/v1/units — every unit as a flat list with parentId, paginated with a cursor.
import type { Route } from './+types/units';
import { listUnitsPage } from '../../../core/api-read/list-units-page.ts';
import { apiHandler, apiMethodNotAllowed } from '../../http/api.server.ts';
import { listUnits } from './endpoints.ts';

export const loader = (args: Route.LoaderArgs) =>
  apiHandler(listUnits, args, async ({ actor, query, services }) => {
    const page = await listUnitsPage({ database: services.database, actor, cursor: query.cursor, limit: query.limit, includeArchived: query.includeArchived });
    return { body: { items: page.items.map((u) => ({ ...u, archivedAt: u.archivedAt?.toISOString() ?? null })), nextCursor: page.nextCursor } };
  });
export const action = (args: Route.ActionArgs) => apiMethodNotAllowed(args, ['GET']);
