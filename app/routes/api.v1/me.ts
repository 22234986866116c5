// GET /api/v1/me — the calling token or account and its municipality.
import type { Route } from './+types/me';
import { apiHandler, apiMethodNotAllowed } from '../../http/api.server.ts';
import { getMe } from './endpoints.ts';

export const loader = (args: Route.LoaderArgs) =>
  apiHandler(getMe, args, async ({ auth }) => ({
    body:
      auth.kind === 'token'
        ? { kind: 'token' as const, tenant: { id: auth.tenant.id, slug: auth.tenant.slug, name: auth.tenant.name }, token: { ...auth.token, scopes: [...auth.actor.scopes] }, account: null }
        : {
            kind: 'session' as const,
            tenant: { id: auth.session.tenant.id, slug: auth.session.tenant.slug, name: auth.session.tenant.name },
            token: null,
            account: { id: auth.session.account.id, displayName: auth.session.account.displayName, email: auth.session.account.email, roles: [...auth.actor.roles].sort(), personId: auth.session.account.personId },
          },
  }));
export const action = (args: Route.ActionArgs) => apiMethodNotAllowed(args, ['GET']);
