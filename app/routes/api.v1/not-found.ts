// Any unknown /api path: 404 as problem+json.
import type { Route } from './+types/not-found';
import { AppError, AppErrorCode } from '../../../core/shared/app-error.ts';
import { problemResponse } from '../../http/problem.ts';
import { getSessionState } from '../../server/route-helpers.server.ts';

function notFound(request: Request, context: Route.LoaderArgs['context']) {
  return problemResponse(new AppError(AppErrorCode.NOT_FOUND), getSessionState(context).language, new URL(request.url).pathname);
}

export const loader = ({ request, context }: Route.LoaderArgs) => notFound(request, context);
export const action = ({ request, context }: Route.ActionArgs) => notFound(request, context);
