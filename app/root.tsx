// The document shell: header with tenant and language switch, main navigation,
// breadcrumbs from route handles, the page, and friendly 404/error pages.
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './styles/app.css';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError, useRouteLoaderData } from 'react-router';
import type { Route } from './+types/root';
import { sessionMiddleware } from './server/middleware.server.ts';
import { getRequestInfo, getSessionState } from './server/route-helpers.server.ts';
import { AppHeader } from './components/app-header.tsx';
import { Breadcrumbs } from './components/breadcrumbs.tsx';
import { useT } from './i18n/use-t.ts';
import { Heading, Paragraph, Link as DsLink } from '@digdir/designsystemet-react';
import { can } from '../core/shared/policy.ts';
import type { Language } from '../locales/index.ts';

export const middleware: Route.MiddlewareFunction[] = [sessionMiddleware];

export const links: Route.LinksFunction = () => [{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }];

export async function loader({ context }: Route.LoaderArgs) {
  const state = getSessionState(context);
  const info = getRequestInfo(context);
  const s = state.session;
  const wheel = s ? can(s.actor, 'wheel.read', { tenantId: s.tenant.id }) : false;
  return {
    language: state.language,
    csrfToken: state.csrfToken,
    requestId: info.requestId,
    nonce: info.nonce,
    user: s ? { displayName: s.account.displayName, personId: s.account.personId } : null,
    tenant: s ? { name: s.tenant.name, slug: s.tenant.slug } : null,
    nav: {
      org: s ? can(s.actor, 'org.read', { tenantId: s.tenant.id }) : false,
      roster: s ? can(s.actor, 'rosterRules.read', { tenantId: s.tenant.id }) : false,
      admin: s ? can(s.actor, 'account.manage', { tenantId: s.tenant.id }) || can(s.actor, 'import.run', { tenantId: s.tenant.id }) : false,
      platform: s ? s.actor.roles.has('platform_admin') : false,
      wheel,
      /** The maturity area: its maturity page for those who see results, else the survey page. */
      maturity: s && can(s.actor, 'maturity.answer', { tenantId: s.tenant.id }) ? (can(s.actor, 'maturity.results', { tenantId: s.tenant.id }) ? '/maturity' : '/maturity/survey') : null,
      strategicPlan: s ? can(s.actor, 'strategicPlan.read', { tenantId: s.tenant.id }) : false,
      mapping: s ? can(s.actor, 'mapping.read', { tenantId: s.tenant.id }) : false,
      catalogue: s ? can(s.actor, 'catalogue.read', { tenantId: s.tenant.id }) : false,
      dashboard: s ? can(s.actor, 'dashboard.read', { tenantId: s.tenant.id }) : false,
      competencePlan: s ? can(s.actor, 'competencePlan.readPublished', { tenantId: s.tenant.id }) : false,
    },
    // Counted with the session lookup (no extra round trip per page).
    unreadNotifications: s && wheel ? s.unreadNotifications : 0,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData(): RootData | undefined {
  return useRouteLoaderData('root') as RootData | undefined;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData();
  const language: Language = data?.language ?? 'nn';
  return (
    <html lang={language === 'en' ? 'en' : language === 'nb' ? 'nb' : 'nn'} data-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={data?.nonce} />
        <Scripts nonce={data?.nonce} />
      </body>
    </html>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <AppHeader />
      <div className="page">
        <Breadcrumbs />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="app-footer">
        <Paragraph data-size="sm">{t('common.footer')}</Paragraph>
      </footer>
    </>
  );
}

export default function App() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const data = useRootData();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const payload = isRouteErrorResponse(error) && error.data && typeof error.data === 'object' ? (error.data as { message?: string }) : null;
  const notFound = status === 404;
  return (
    <Shell>
      <title>{`${notFound ? t('common.notFound.title') : t('common.error.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {notFound ? t('common.notFound.title') : status === 403 ? t('errors.code.FORBIDDEN') : t('common.error.title')}
      </Heading>
      <Paragraph>{notFound ? t('common.notFound.body') : payload?.message ?? t('common.error.body', { requestId: data?.requestId ?? '' })}</Paragraph>
      <Paragraph>
        <DsLink href="/">{notFound ? t('common.notFound.home') : t('common.error.home')}</DsLink>
      </Paragraph>
    </Shell>
  );
}
