// POST /logout: end the server-side session and clear the cookie.
import { redirect } from 'react-router';
import type { Route } from './+types/logout';
import { SESSION_COOKIE, serializeCookie } from '../server/cookies.ts';
import { getServices, getSessionState, getRequestInfo } from '../server/route-helpers.server.ts';
import { signOut } from '../../core/auth/sign-out.ts';

export async function action({ context }: Route.ActionArgs) {
  const services = getServices(context);
  const { session } = getSessionState(context);
  if (session) await signOut({ database: services.database, session, requestId: getRequestInfo(context).requestId });
  return redirect('/login', { headers: { 'Set-Cookie': serializeCookie(SESSION_COOKIE, '', { secure: services.env.COOKIE_SECURE, maxAgeSeconds: 0 }) } });
}

export function loader() {
  return redirect('/');
}
