// POST /language: remember the chosen language in a cookie (and on the account), then go back.
import { redirect } from 'react-router';
import type { Route } from './+types/language';
import { isLanguage } from '../../locales/index.ts';
import { safeRelativePath } from '../../core/auth/auth.rules.ts';
import { LANGUAGE_COOKIE, serializeCookie } from '../server/cookies.ts';
import { getServices, getSessionState } from '../server/route-helpers.server.ts';
import { setAccountLanguage } from '../../core/auth/set-account-language.ts';

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const language = form.get('language');
  const next = safeRelativePath(form.get('next')) ?? '/';
  if (!isLanguage(language)) return redirect(next);
  const services = getServices(context);
  const { session } = getSessionState(context);
  if (session) await setAccountLanguage({ database: services.database, actor: session.actor, language });
  return redirect(next, {
    headers: { 'Set-Cookie': serializeCookie(LANGUAGE_COOKIE, language, { secure: services.env.COOKIE_SECURE, maxAgeSeconds: 365 * 24 * 3600 }) },
  });
}

export function loader() {
  return redirect('/');
}
