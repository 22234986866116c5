// GET /api/v1/persons — persons with their employee numbers, paginated with a cursor,
// filtered by unit (and below) or employee number. Audited.
import type { Route } from './+types/persons';
import { listPersonsPage } from '../../../core/api-read/list-persons-page.ts';
import { apiHandler, apiMethodNotAllowed } from '../../http/api.server.ts';
import { listPersons } from './endpoints.ts';

export const loader = (args: Route.LoaderArgs) =>
  apiHandler(listPersons, args, async ({ actor, query, services, info }) => {
    const page = await listPersonsPage({ database: services.database, actor, ...query, requestId: info.requestId });
    return { body: { items: page.items.map((p) => ({ ...p, deactivatedAt: p.deactivatedAt?.toISOString() ?? null })), nextCursor: page.nextCursor } };
  });
export const action = (args: Route.ActionArgs) => apiMethodNotAllowed(args, ['GET']);
