// GET /api/v1/occupations?query= — STYRK-08 lookup.
import type { Route } from './+types/occupations';
import { searchOccupations } from '../../../core/api-read/search-occupations.ts';
import { apiHandler, apiMethodNotAllowed } from '../../http/api.server.ts';
import { listOccupations } from './endpoints.ts';

export const loader = (args: Route.LoaderArgs) =>
  apiHandler(listOccupations, args, async ({ actor, query, services }) => ({
    body: await searchOccupations({ database: services.database, actor, query: query.query, limit: query.limit }),
  }));
export const action = (args: Route.ActionArgs) => apiMethodNotAllowed(args, ['GET']);
