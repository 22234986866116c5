// The one place where domain errors become HTTP: status code per AppError code, translated
// message, and the two shapes we answer with — application/problem+json for the API and a
// thrown route error response (rendered by the ErrorBoundary) for pages.
import { data } from 'react-router';
import { AppError, AppErrorCode, type TAppErrorCode } from '../../core/shared/app-error.ts';
import { translate, type Language } from '../../locales/index.ts';

export const STATUS_FOR: Record<TAppErrorCode, number> = {
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  STALE_VERSION: 409,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  CSRF: 403,
  INTERNAL: 500,
};

export interface TranslatedIssue {
  path: string;
  message: string;
}

export interface ErrorPayload {
  code: TAppErrorCode;
  message: string;
  issues: TranslatedIssue[];
}

export function toAppError(error: unknown): AppError {
  return error instanceof AppError ? error : new AppError(AppErrorCode.INTERNAL, { cause: error });
}

export function errorPayload(error: AppError, language: Language): ErrorPayload {
  return {
    code: error.code,
    message: translate(language, error.messageKey, error.params),
    issues: error.issues.map((i) => ({ path: i.path, message: translate(language, i.key, i.params) })),
  };
}

/** RFC 9457 problem details. */
export function problemResponse(error: AppError, language: Language, instance?: string, headers?: HeadersInit): Response {
  const status = STATUS_FOR[error.code];
  const payload = errorPayload(error, language);
  const body = {
    type: `https://rytme.no/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: payload.message,
    status,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(payload.issues.length ? { errors: payload.issues } : {}),
  };
  const h = new Headers(headers);
  h.set('Content-Type', 'application/problem+json; charset=utf-8');
  return new Response(JSON.stringify(body), { status, headers: h });
}

/** For page loaders/actions: a thrown value the ErrorBoundary renders with the right status. */
export function routeError(error: AppError, language: Language) {
  return data(errorPayload(error, language), { status: STATUS_FOR[error.code] });
}
