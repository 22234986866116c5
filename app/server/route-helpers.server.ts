// Helpers every page loader/action uses: get the services, the session and the actor;
// require sign-in; run a use case and turn AppErrors into route error responses.
import { redirect, type RouterContextProvider } from 'react-router';
import type { AccountActor } from '../../core/shared/actor.ts';
import { AppError } from '../../core/shared/app-error.ts';
import { translate, type MessageKey, type MessageParams } from '../../locales/index.ts';
import { errorPayload, routeError, toAppError, type ErrorPayload } from '../http/problem.ts';
import { requestContext, servicesContext } from './context.ts';
import { sessionContext } from './session-context.ts';

export function getServices(context: Readonly<RouterContextProvider>) {
  return context.get(servicesContext);
}

export function getRequestInfo(context: Readonly<RouterContextProvider>) {
  return context.get(requestContext);
}

export function getSessionState(context: Readonly<RouterContextProvider>) {
  return context.get(sessionContext);
}

/** The signed-in actor, or a redirect to the sign-in page that returns here afterwards. */
export function requireActor(request: Request, context: Readonly<RouterContextProvider>): AccountActor {
  const state = context.get(sessionContext);
  if (!state.session) {
    const url = new URL(request.url);
    throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return state.session.actor;
}

export function serverT(context: Readonly<RouterContextProvider>) {
  const { language } = context.get(sessionContext);
  return (key: MessageKey | (string & {}), params?: MessageParams) => translate(language, key, params);
}

/**
 * Run a use case for a page. AppErrors become route error responses (rendered by the
 * nearest ErrorBoundary with the right status); anything else is logged and becomes a
 * generic 500 without details.
 */
export async function runForPage<T>(context: Readonly<RouterContextProvider>, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Response) throw error;
    if (error && typeof error === 'object' && 'type' in error && (error as { type: unknown }).type === 'DataWithResponseInit') throw error;
    const appError = toAppError(error);
    if (!(error instanceof AppError)) context.get(requestContext).log.error({ err: error }, 'use case failed');
    throw routeError(appError, context.get(sessionContext).language);
  }
}

/**
 * Run a use case for a form action: validation and stale-version errors are returned as
 * data for the form to show next to the fields (status 422/409); other errors are thrown.
 */
export async function runForForm<T>(context: Readonly<RouterContextProvider>, fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: ErrorPayload }> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    if (error instanceof AppError && (error.code === 'VALIDATION' || error.code === 'STALE_VERSION' || error.code === 'CONFLICT' || error.code === 'RATE_LIMITED' || error.code === 'UNAUTHENTICATED')) {
      return { ok: false, error: errorPayload(error, context.get(sessionContext).language) };
    }
    return runForPage(context, () => Promise.reject(error));
  }
}
