// The JSON API adapter. Every /api/v1 resource route calls `apiHandler(endpoint, args, fn)`:
//   1. method check (405), authentication — `Authorization: Bearer <tenant API token>` or the
//      browser session the root middleware resolved (which also enforced CSRF for cookie
//      requests) — else 401 with WWW-Authenticate;
//   2. token scopes the endpoint declares (403 with error="insufficient_scope");
//   3. zod validation of path params, query and JSON body with the endpoint's own schemas
//      (422 problem+json with translated `errors`), 415 for bodies that are not JSON;
//   4. If-Match (weak ETag `W/"<version>"`) for optimistic-locking endpoints (428 / 412);
//   5. the use case; its result is checked against the response schema (so the API never
//      sends a field the OpenAPI document does not describe) and sent as JSON with an ETag;
//   6. every AppError becomes RFC 9457 problem+json via app/http/problem.ts.
import type { RouterContextProvider } from 'react-router';
import type { z } from 'zod';
import { authenticateApiToken, type AuthenticatedApiToken } from '../../core/api-tokens/authenticate-api-token.ts';
import type { AccountActor, ApiActor } from '../../core/shared/actor.ts';
import { AppError, AppErrorCode, type ValidationIssue } from '../../core/shared/app-error.ts';
import { issuesFromZod } from '../../core/shared/zod.ts';
import type { ResolvedSession } from '../../core/auth/resolve-session.ts';
import { isLanguage, translate, type Language } from '../../locales/index.ts';
import type { AppServices, RequestInfo } from '../../server/services.ts';
import { getRequestInfo, getServices, getSessionState } from '../server/route-helpers.server.ts';
import type { ApiEndpointDef } from './openapi.ts';
import { problemResponse, toAppError } from './problem.ts';

export interface ApiArgs {
  request: Request;
  context: Readonly<RouterContextProvider>;
  params: Record<string, string | undefined>;
}

export type ApiAuth =
  | { kind: 'token'; actor: ApiActor; token: AuthenticatedApiToken['token']; tenant: AuthenticatedApiToken['tenant'] }
  | { kind: 'session'; actor: AccountActor; session: ResolvedSession };

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface ApiInput<D extends ApiEndpointDef> {
  actor: ApiActor | AccountActor;
  auth: ApiAuth;
  params: Out<D['params']>;
  query: Out<D['query']>;
  body: Out<D['body']>;
  /** The uploaded file's bytes (endpoints with `upload`). */
  bytes: Uint8Array;
  /** The version named by If-Match (endpoints with `ifMatch` only). */
  expectedVersion: number;
  services: AppServices;
  info: RequestInfo;
  language: Language;
}

export interface ApiResult<D extends ApiEndpointDef> {
  body: z.input<D['response']>;
  /** Resource version for the ETag (endpoints with `etag`). */
  version?: number;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const WEAK_ETAG = /^(?:W\/)?"(\d{1,9})"$/;
const REALM = 'Bearer realm="rytme"';

export const etagFor = (version: number) => `W/"${version}"`;

/** Problem+json with a status that has no AppError code of its own (400, 405, 412, 428). */
function httpProblem(status: number, code: string, title: string, instance: string, options: { errors?: Array<{ path: string; message: string }>; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(options.headers);
  headers.set('Content-Type', 'application/problem+json; charset=utf-8');
  const body = { type: `https://rytme.no/problems/${code.toLowerCase().replaceAll('_', '-')}`, title, status, code, instance, ...(options.errors ? { errors: options.errors } : {}) };
  return new Response(JSON.stringify(body), { status, headers });
}

// (Cache-Control: no-store is set on every response by the server, server/http.ts.)
function problem(error: AppError, language: Language, instance: string, headers?: HeadersInit): Response {
  return problemResponse(error, language, instance, headers);
}

function pickLanguage(request: Request, context: Readonly<RouterContextProvider>, fallback?: string): Language {
  const state = getSessionState(context);
  if (request.headers.get('accept-language') || state.session || !isLanguage(fallback)) return state.language;
  return fallback;
}

async function authenticate(request: Request, context: Readonly<RouterContextProvider>, services: AppServices): Promise<ApiAuth | null> {
  const header = request.headers.get('authorization');
  if (header !== null) {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (!match) throw new AppError(AppErrorCode.UNAUTHENTICATED, { messageKey: 'admin.apiTokens.errors.invalidToken' });
    const found = await authenticateApiToken({ database: services.database, secret: match[1]! });
    return { kind: 'token', ...found };
  }
  const { session } = getSessionState(context);
  return session ? { kind: 'session', actor: session.actor, session } : null;
}

function validate<S extends z.ZodType>(schema: S, input: unknown, prefix: string): { ok: true; value: z.output<S> } | { ok: false; issues: ValidationIssue[] } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  // A refinement or regex may name its own catalogue key (e.g. 'org.errors.phoneFormat').
  const issues = issuesFromZod(result.error, prefix).map((issue, i) => {
    const message = result.error.issues[i]?.message ?? '';
    return /^[a-z]+(\.[A-Za-z]+)+$/.test(message) && (message.startsWith('errors.') || message.includes('.errors.')) ? { path: issue.path, key: message } : issue;
  });
  return { ok: false, issues };
}

function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (!(key in out)) out[key] = value;
  return out;
}

/** Answer a method the path does not support. */
export function apiMethodNotAllowed({ request, context }: ApiArgs, allowed: readonly string[]): Response {
  const language = getSessionState(context).language;
  return httpProblem(405, 'METHOD_NOT_ALLOWED', translate(language, 'admin.apiTokens.api.methodNotAllowed', { method: request.method }), new URL(request.url).pathname, {
    headers: { Allow: allowed.join(', ') },
  });
}

export async function apiHandler<D extends ApiEndpointDef>(endpoint: D, args: ApiArgs, fn: (input: ApiInput<D>) => Promise<ApiResult<D>>): Promise<Response> {
  const { request, context } = args;
  const services = getServices(context);
  const info = getRequestInfo(context);
  const url = new URL(request.url);
  const instance = url.pathname;
  let language = getSessionState(context).language;
  const method = request.method.toLowerCase();
  if (method !== endpoint.method && !(method === 'head' && endpoint.method === 'get')) return apiMethodNotAllowed(args, [endpoint.method.toUpperCase()]);

  let auth: ApiAuth | null = null;
  try {
    if (!endpoint.public) {
      auth = await authenticate(request, context, services);
      if (!auth) return problem(new AppError(AppErrorCode.UNAUTHENTICATED), language, instance, { 'WWW-Authenticate': REALM });
      language = pickLanguage(request, context, auth.kind === 'token' ? auth.tenant.defaultLanguage : undefined);
      if (auth.kind === 'token') {
        const granted = auth.actor.scopes;
        const missing = endpoint.scopes.filter((s) => !granted.has(s));
        if (missing.length) {
          return problem(new AppError(AppErrorCode.FORBIDDEN), language, instance, { 'WWW-Authenticate': `${REALM}, error="insufficient_scope", scope="${endpoint.scopes.join(' ')}"` });
        }
      }
    }
  } catch (error) {
    if (AppError.is(error, AppErrorCode.UNAUTHENTICATED)) return problem(error, language, instance, { 'WWW-Authenticate': `${REALM}, error="invalid_token"` });
    return unexpected(error, info, language, instance);
  }

  // Input: path params, query, body — all problems reported together.
  const issues: ValidationIssue[] = [];
  const params = endpoint.params ? validate(endpoint.params, args.params, 'params') : { ok: true as const, value: undefined };
  if (!params.ok) {
    // A malformed id can never name a resource: answer as for an unknown one.
    return problem(new AppError(AppErrorCode.NOT_FOUND), language, instance);
  }
  const query = endpoint.query ? validate(endpoint.query, queryObject(url), 'query') : { ok: true as const, value: undefined };
  if (!query.ok) issues.push(...query.issues);
  let body: { ok: true; value: unknown } | { ok: false; issues: ValidationIssue[] } = { ok: true, value: undefined };
  if (endpoint.body) {
    if (!JSON_TYPE.test(request.headers.get('content-type') ?? '')) return problem(new AppError(AppErrorCode.UNSUPPORTED_MEDIA_TYPE), language, instance, endpoint.method === 'patch' ? { 'Accept-Patch': 'application/json' } : undefined);
    let raw: unknown;
    try {
      raw = JSON.parse(await request.text());
    } catch {
      return httpProblem(400, 'BAD_REQUEST', translate(language, 'admin.apiTokens.api.invalidJson'), instance);
    }
    body = validate(endpoint.body, raw, 'body');
    if (!body.ok) issues.push(...body.issues);
  }
  let bytes = new Uint8Array(0);
  if (endpoint.upload) {
    const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!endpoint.upload.includes(type)) return problem(new AppError(AppErrorCode.UNSUPPORTED_MEDIA_TYPE), language, instance);
    bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.length === 0) issues.push({ path: 'body', key: 'errors.field.required' });
  }
  if (issues.length) return problem(new AppError(AppErrorCode.VALIDATION, { issues }), language, instance);

  let expectedVersion = 0;
  if (endpoint.ifMatch) {
    const header = request.headers.get('if-match');
    if (!header) {
      return httpProblem(428, 'PRECONDITION_REQUIRED', translate(language, 'admin.apiTokens.api.ifMatchRequired'), instance, {
        errors: [{ path: 'If-Match', message: translate(language, 'errors.field.required') }],
      });
    }
    const m = WEAK_ETAG.exec(header.trim());
    if (!m) return httpProblem(412, 'STALE_VERSION', translate(language, 'errors.code.STALE_VERSION'), instance);
    expectedVersion = Number(m[1]);
  }

  try {
    const result = await fn({
      // Public endpoints (the document) never look at the caller.
      actor: auth?.actor as ApiInput<D>['actor'],
      auth: auth as ApiAuth,
      params: params.value as ApiInput<D>['params'],
      query: query.ok ? (query.value as ApiInput<D>['query']) : (undefined as ApiInput<D>['query']),
      body: (body.ok ? body.value : undefined) as ApiInput<D>['body'],
      bytes,
      expectedVersion,
      services,
      info,
      language,
    });
    const checked = endpoint.response.safeParse(result.body);
    if (!checked.success) throw new Error(`response of ${endpoint.operationId} does not match its schema: ${checked.error.message}`);
    const headers = new Headers({ 'Content-Type': 'application/json; charset=utf-8' });
    if (endpoint.etag && result.version !== undefined) {
      const etag = etagFor(result.version);
      headers.set('ETag', etag);
      if (method === 'get' && request.headers.get('if-none-match')?.split(',').some((v) => v.trim() === etag)) return new Response(null, { status: 304, headers });
    }
    return new Response(JSON.stringify(checked.data), { status: endpoint.status ?? 200, headers });
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === AppErrorCode.STALE_VERSION && endpoint.ifMatch) return httpProblem(412, 'STALE_VERSION', translate(language, error.messageKey, error.params), instance);
      if (error.code === AppErrorCode.FORBIDDEN && auth?.kind === 'token') {
        return problem(error, language, instance, { 'WWW-Authenticate': `${REALM}, error="insufficient_scope", scope="${endpoint.scopes.join(' ')}"` });
      }
      return problem(error, language, instance);
    }
    return unexpected(error, info, language, instance);
  }
}

function unexpected(error: unknown, info: RequestInfo, language: Language, instance: string): Response {
  info.log.error({ err: error }, 'api request failed');
  return problem(toAppError(error), language, instance);
}
