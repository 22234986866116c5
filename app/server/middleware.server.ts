// Root middleware: resolve the session, pick the language, and check CSRF on every
// state-changing request (double-submit: the token in the form must equal the session's
// token, or before sign-in the value of the csrf cookie).
import type { MiddlewareFunction } from 'react-router';
import { AppError, AppErrorCode } from '../../core/shared/app-error.ts';
import { resolveSession } from '../../core/auth/resolve-session.ts';
import { newSecret, safeEqual } from '../../core/auth/tokens.ts';
import { problemResponse, routeError } from '../http/problem.ts';
import { negotiateLanguage } from '../../locales/index.ts';
import { CSRF_COOKIE, LANGUAGE_COOKIE, SESSION_COOKIE, readCookies, serializeCookie } from './cookies.ts';
import { servicesContext } from './context.ts';
import { sessionContext } from './session-context.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const sessionMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const services = context.get(servicesContext);
  const cookies = readCookies(request.headers.get('cookie'));
  const setCookies: string[] = [];
  const token = cookies.get(SESSION_COOKIE);
  const session = token ? await resolveSession({ database: services.database, token, now: new Date(), idleMinutes: services.env.SESSION_IDLE_MINUTES }) : null;
  if (token && !session) setCookies.push(serializeCookie(SESSION_COOKIE, '', { secure: services.env.COOKIE_SECURE, maxAgeSeconds: 0 }));

  let csrfToken = session?.csrfToken ?? cookies.get(CSRF_COOKIE) ?? '';
  if (!session && !/^[\w-]{20,100}$/.test(csrfToken)) {
    csrfToken = newSecret(24);
    setCookies.push(serializeCookie(CSRF_COOKIE, csrfToken, { secure: services.env.COOKIE_SECURE }));
  }

  const language = negotiateLanguage([cookies.get(LANGUAGE_COOKIE), session?.account.language, session?.tenant.defaultLanguage], request.headers.get('accept-language'));
  context.set(sessionContext, { session, csrfToken, language, setCookies });

  const url = new URL(request.url);
  // CSRF guards ambient credentials. An API request without a session cookie carries none
  // (a bearer token, or nothing and the API answers 401), so it needs no CSRF token.
  const apiWithoutCookie = url.pathname.startsWith('/api/') && !token;
  if (!SAFE_METHODS.has(request.method) && !apiWithoutCookie) {
    const sent = request.headers.get('x-csrf-token') ?? (await readFormField(request, '_csrf'));
    if (!sent || !safeEqual(sent, csrfToken)) {
      const error = new AppError(AppErrorCode.CSRF);
      if (url.pathname.startsWith('/api/')) return problemResponse(error, language, url.pathname);
      throw routeError(error, language);
    }
  }

  const response = await next();
  for (const c of context.get(sessionContext).setCookies) response.headers.append('Set-Cookie', c);
  return response;
};

async function readFormField(request: Request, name: string): Promise<string | null> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) return null;
  try {
    const value = (await request.clone().formData()).get(name);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
