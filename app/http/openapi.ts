// The API's endpoint registry and its OpenAPI 3.1 document. Every /api/v1 endpoint is one
// `defineEndpoint({...})` value naming its method, path, scopes and the zod schemas for
// params, query, body and response; the route validates with exactly those schemas (through
// apiHandler) and the document is generated from them at runtime (zod -> JSON Schema
// 2020-12, the dialect of OpenAPI 3.1), so the two cannot drift apart.
import { z } from 'zod';
import type { ApiScope } from '../../core/shared/actor.ts';

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';
export type ApiTag = 'organisation' | 'people' | 'imports' | 'reference' | 'session' | 'meta';

export interface ApiEndpointDef {
  /** Stable operation id, e.g. 'getUnit'. */
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path with {braces}, e.g. '/api/v1/units/{unitId}'. */
  path: string;
  summary: string;
  description?: string;
  tag: ApiTag;
  /** Scopes an API token needs (all of them). Accounts are judged by their roles instead. */
  scopes: readonly ApiScope[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The body is a file (not JSON) of one of these media types; the handler gets its bytes. */
  upload?: readonly string[];
  response: z.ZodType;
  /** The success status (default 200). */
  status?: 200 | 201 | 202;
  /** The success response carries an ETag with the resource version. */
  etag?: boolean;
  /** The request must carry If-Match with the version it read (optimistic locking). */
  ifMatch?: boolean;
  /** No authentication (the document itself). */
  public?: boolean;
  /** Reading or writing personnel data: recorded in the tenant's audit log. */
  audited?: boolean;
}

/** Identity function that keeps the literal types of a definition. */
export function defineEndpoint<const D extends ApiEndpointDef>(definition: D): D {
  return definition;
}

export const API_VERSION = '1.0.0';

const TAGS: Array<{ name: ApiTag; description: string }> = [
  { name: 'organisation', description: 'Units of the municipality (tree as a flat list with parentId) and who works in them.' },
  { name: 'people', description: 'Persons and their employments. Every read and write is recorded in the audit log.' },
  { name: 'imports', description: 'HR imports: upload a file, choose the column mapping, check the dry run, commit. The preview and the commit run as background jobs; poll the run.' },
  { name: 'reference', description: 'Reference data: STYRK-08 occupations (SSB).' },
  { name: 'session', description: 'Who is calling.' },
  { name: 'meta', description: 'This document.' },
];

const SCOPE_TEXT: Record<ApiScope, string> = {
  'org:read': 'Read units and unit membership.',
  'people:read': 'Read persons and employments (audited).',
  'people:write': 'Change persons (audited; If-Match required).',
  'import:write': 'Upload and commit HR imports.',
};

/** RFC 9457 problem details as we send them. */
export const ZProblemSchema = z
  .object({
    type: z.string().meta({ description: 'URI identifying the problem type.' }),
    title: z.string().meta({ description: 'Human-readable summary in the negotiated language (nn, nb or en).' }),
    status: z.number().int(),
    code: z.string().meta({ description: 'Stable machine-readable code, e.g. VALIDATION, NOT_FOUND, STALE_VERSION.' }),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string().meta({ description: "Where the problem is: 'query.limit', 'body.email', 'If-Match'." }), message: z.string() }))
      .optional()
      .meta({ description: 'Validation problems, one per field (only with status 422 and 428).' }),
  })
  .meta({ title: 'Problem' });

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

function problemResponse(description: string) {
  return { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
}

const PROBLEMS = {
  400: 'Malformed request (for example a body that is not JSON).',
  401: 'No or invalid credentials. Send `Authorization: Bearer <token>` (see WWW-Authenticate).',
  403: 'Authenticated, but the token lacks a scope or the account lacks the right.',
  404: 'Not found, or not visible to you (we never tell which).',
  405: 'Method not allowed on this path.',
  409: 'Conflict with the current state.',
  413: 'The file is larger than the upload limit.',
  412: 'If-Match does not name the current version (code STALE_VERSION): fetch again and retry.',
  415: 'The body must be application/json.',
  422: 'The request failed validation; `errors` lists each field with a translated message.',
  428: 'If-Match is required on this request.',
  500: 'Unexpected error; the X-Request-Id response header identifies it in our logs.',
} as const;

function parameters(endpoint: ApiEndpointDef) {
  const out: Array<Record<string, unknown>> = [];
  for (const [where, schema] of [
    ['path', endpoint.params],
    ['query', endpoint.query],
  ] as const) {
    if (!schema) continue;
    const js = jsonSchema(schema, 'input') as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
    for (const [name, prop] of Object.entries(js.properties ?? {})) {
      const { description, ...rest } = prop;
      out.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest });
    }
  }
  if (endpoint.ifMatch) {
    out.push({ name: 'If-Match', in: 'header', required: true, description: 'The ETag of the version you read, e.g. `W/"3"`.', schema: { type: 'string' } });
  }
  return out;
}

function operation(endpoint: ApiEndpointDef) {
  const status = String(endpoint.status ?? 200);
  const errorStatuses: Array<keyof typeof PROBLEMS> = [];
  if (!endpoint.public) errorStatuses.push(401, 403);
  if (endpoint.params) errorStatuses.push(404);
  if (endpoint.params || endpoint.query || endpoint.body) errorStatuses.push(422);
  if (endpoint.body) errorStatuses.push(400, 415);
  if (endpoint.upload) errorStatuses.push(413, 415, 422);
  if (endpoint.ifMatch) errorStatuses.push(409, 412, 428);
  errorStatuses.push(500);
  const responses: Record<string, unknown> = {
    [status]: {
      description: 'Success.',
      ...(endpoint.etag ? { headers: { ETag: { description: 'Weak ETag with the resource version, e.g. `W/"3"`; send it back in If-Match.', schema: { type: 'string' } } } } : {}),
      content: { 'application/json': { schema: jsonSchema(endpoint.response, 'output') } },
    },
  };
  for (const s of [...new Set(errorStatuses)].sort()) responses[String(s)] = problemResponse(PROBLEMS[s]);
  const notes = [endpoint.description, endpoint.scopes.length ? `Token scopes: ${endpoint.scopes.map((s) => `\`${s}\``).join(', ')}.` : null, endpoint.audited ? 'Recorded in the audit log.' : null].filter(Boolean);
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    ...(notes.length ? { description: notes.join('\n\n') } : {}),
    tags: [endpoint.tag],
    ...(endpoint.public ? { security: [] } : { security: [{ bearerAuth: [...endpoint.scopes] }, { sessionCookie: [] }] }),
    'x-required-scopes': [...endpoint.scopes],
    parameters: parameters(endpoint),
    ...(endpoint.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(endpoint.body, 'input') } } } } : {}),
    ...(endpoint.upload
      ? { requestBody: { required: true, description: 'The file itself as the request body.', content: Object.fromEntries(endpoint.upload.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])) } }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument(endpoints: readonly ApiEndpointDef[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    const item = (paths[endpoint.path] ??= {});
    if (item[endpoint.method]) throw new Error(`duplicate endpoint ${endpoint.method} ${endpoint.path}`);
    item[endpoint.method] = operation(endpoint);
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Rytme API',
      version: API_VERSION,
      description:
        'JSON API for integrations with Rytme (HR systems, reporting). Authenticate with a tenant API token ' +
        '(`Authorization: Bearer rytme_…`, created by a tenant administrator under Administrasjon → API-nøklar). A token acts for the ' +
        'whole municipality within its scopes — as powerful as a coordinator for those scopes — and never sees another municipality. ' +
        'Errors are `application/problem+json` (RFC 9457). Lists are paginated with an opaque `cursor`. Edits need `If-Match` with the ETag you read.',
    },
    servers: [{ url: '/' }],
    tags: TAGS,
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'rytme_<43 characters>',
          description: `Tenant API token. Scopes: ${Object.entries(SCOPE_TEXT)
            .map(([s, t]) => `\`${s}\` – ${t}`)
            .join(' ')}`,
        },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'rytme_session',
          description: 'The browser session of a signed-in user. State-changing requests must also send the X-CSRF-Token header.',
        },
      },
      schemas: { Problem: jsonSchema(ZProblemSchema, 'output') },
    },
  };
}
