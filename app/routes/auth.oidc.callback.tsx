// GET /auth/oidc/callback: the identity provider sends the browser back here with a code.
// The signed state cookie is read and cleared, the sign-in completed, and the browser sent on
// (or back to /login with a clear message).
import { redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/auth.oidc.callback';
import { completeOidcSignIn } from '../../core/auth/complete-oidc-sign-in.ts';
import { ZPendingOidcSchema } from '../../core/auth/start-oidc-sign-in.ts';
import { signingSecret, unsealValue } from '../../core/auth/tokens.ts';
import { AppError } from '../../core/shared/app-error.ts';
import { SESSION_COOKIE, readCookies, serializeCookie } from '../server/cookies.ts';
import { getRequestInfo, getServices, runForPage } from '../server/route-helpers.server.ts';
import { OIDC_COOKIE, TENANT_COOKIE } from './login.shared.tsx';

const ZSealedSchema = ZPendingOidcSchema.extend({ tenantSlug: z.string().regex(/^[a-z0-9-]{1,64}$/) });

export async function loader({ request, context }: Route.LoaderArgs) {
  const services = getServices(context);
  const info = getRequestInfo(context);
  const secure = services.env.COOKIE_SECURE;
  const cookies = readCookies(request.headers.get('cookie'));
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  headers.append('Set-Cookie', serializeCookie(OIDC_COOKIE, '', { secure, maxAgeSeconds: 0 }));
  const now = new Date();
  const parsed = ZSealedSchema.safeParse(unsealValue(signingSecret(services.env.SESSION_SECRET), cookies.get(OIDC_COOKIE), now));
  if (!parsed.success) return redirect('/login?oidcError=expired', { headers });
  const { tenantSlug, ...pending } = parsed.data;
  const back = (reason: string) => redirect(`/login?tenant=${encodeURIComponent(tenantSlug)}&oidcError=${reason}`, { headers });
  try {
    const result = await completeOidcSignIn({
      database: services.database,
      pending,
      callbackSearch: new URL(request.url).search,
      now,
      absoluteMinutes: services.env.SESSION_ABSOLUTE_MINUTES,
      nodeEnv: services.env.NODE_ENV,
      ip: info.ip,
      userAgent: info.userAgent,
      previousSessionToken: cookies.get(SESSION_COOKIE) ?? null,
      requestId: info.requestId,
    });
    headers.append('Set-Cookie', serializeCookie(SESSION_COOKIE, result.token, { secure, maxAgeSeconds: services.env.SESSION_ABSOLUTE_MINUTES * 60 }));
    headers.append('Set-Cookie', serializeCookie(TENANT_COOKIE, result.tenantSlug, { secure, maxAgeSeconds: 365 * 24 * 3600 }));
    return redirect(result.next, { headers });
  } catch (error) {
    if (error instanceof AppError) {
      if (error.messageKey === 'auth.oidc.noAccount') return back('noAccount');
      if (error.messageKey === 'auth.oidc.unavailable') return back('unavailable');
      if (error.code === 'UNAUTHENTICATED') return back('failed');
    }
    return runForPage(context, () => Promise.reject(error));
  }
}
