// Catch-all for pages: a friendly 404 rendered by the root ErrorBoundary.
import type { Route } from './+types/not-found';
import { AppError, AppErrorCode } from '../../core/shared/app-error.ts';
import { routeError } from '../http/problem.ts';
import { getSessionState } from '../server/route-helpers.server.ts';

function notFound(context: Route.LoaderArgs['context']): never {
  throw routeError(new AppError(AppErrorCode.NOT_FOUND), getSessionState(context).language);
}

export function loader({ context }: Route.LoaderArgs) {
  return notFound(context);
}

export function action({ context }: Route.ActionArgs) {
  return notFound(context);
}

export default function NotFound() {
  return null;
}
