// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the endpoint registry.
import type { Route } from './+types/openapi';
import { apiHandler, apiMethodNotAllowed } from '../../http/api.server.ts';
import { buildOpenApiDocument } from '../../http/openapi.ts';
import { API_ENDPOINTS, getOpenApi } from './endpoints.ts';

let cached: ReturnType<typeof buildOpenApiDocument> | null = null;

export const loader = (args: Route.LoaderArgs) => apiHandler(getOpenApi, args, async () => ({ body: (cached ??= buildOpenApiDocument(API_ENDPOINTS)) }));
export const action = (args: Route.ActionArgs) => apiMethodNotAllowed(args, ['GET']);
