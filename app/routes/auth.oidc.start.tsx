// GET /auth/oidc/start?tenant=<slug>&next=<path>: send the browser to the municipality's
// identity provider. State, nonce and the PKCE verifier travel in a signed, HttpOnly cookie
// that lives ten minutes.
import { redirect } from 'react-router';
import type { Route } from './+types/auth.oidc.start';
import { startOidcSignIn } from '../../core/auth/start-oidc-sign-in.ts';
import { sealValue, signingSecret } from '../../core/auth/tokens.ts';
import { AppError, AppErrorCode } from '../../core/shared/app-error.ts';
import { serializeCookie } from '../server/cookies.ts';
import { getRequestInfo, getServices, runForPage } from '../server/route-helpers.server.ts';
import { OIDC_COOKIE } from './login.shared.tsx';

const PENDING_SECONDS = 600;

export async function loader({ request, context }: Route.LoaderArgs) {
  const services = getServices(context);
  const url = new URL(request.url);
  const slug = url.searchParams.get('tenant') ?? '';
  let started: Awaited<ReturnType<typeof startOidcSignIn>>;
  try {
    if (!/^[a-z0-9-]{1,64}$/.test(slug)) throw new AppError(AppErrorCode.NOT_FOUND);
    started = await startOidcSignIn({
      database: services.database,
      tenantSlug: slug,
      redirectUri: `${services.env.PUBLIC_URL.replace(/\/+$/, '')}/auth/oidc/callback`,
      next: url.searchParams.get('next'),
      nodeEnv: services.env.NODE_ENV,
    });
  } catch (error) {
    // The provider cannot be reached: back to the sign-in page with a clear message.
    if (error instanceof AppError && error.messageKey === 'auth.oidc.unavailable') {
      getRequestInfo(context).log.warn({ err: error.cause }, 'OIDC discovery failed');
      return redirect(`/login?tenant=${encodeURIComponent(slug)}&oidcError=unavailable`);
    }
    return runForPage(context, () => Promise.reject(error));
  }
  const cookie = serializeCookie(OIDC_COOKIE, sealValue(signingSecret(services.env.SESSION_SECRET), { ...started.pending, tenantSlug: slug }, new Date(), PENDING_SECONDS), {
    secure: services.env.COOKIE_SECURE,
    maxAgeSeconds: PENDING_SECONDS,
  });
  return redirect(started.authorizationUrl, { headers: { 'Set-Cookie': cookie, 'Cache-Control': 'no-store' } });
}
