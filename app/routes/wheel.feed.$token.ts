// /wheel/feed/:token — the personal iCalendar feed (text/calendar). The secret link is the
// credential (calendar apps send no cookies); an unknown or revoked link answers 404.
import type { Route } from './+types/wheel.feed.$token';
import { getCalendarFeed } from '../../core/annual-wheel/get-calendar-feed.ts';
import { AppError } from '../../core/shared/app-error.ts';
import { getServices, getSessionState } from '../server/route-helpers.server.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const services = getServices(context);
  try {
    const body = await getCalendarFeed({ database: services.database, token: params.token, publicUrl: services.env.PUBLIC_URL, language: getSessionState(context).language });
    return new Response(body, { headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'no-store', 'content-disposition': 'inline; filename="rytme-arshjul.ics"' } });
  } catch (error) {
    if (AppError.is(error, 'NOT_FOUND')) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    throw error;
  }
}
