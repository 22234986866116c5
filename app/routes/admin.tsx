// /admin: the administration home. One card per administration page the signed-in account may
// use (decided by the access policy); nothing else is shown.
import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Route } from './+types/admin';
import { can, type Action } from '../../core/shared/policy.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { useT } from '../i18n/use-t.ts';
import { requireActor, runForPage } from '../server/route-helpers.server.ts';
import { forbidden } from '../../core/shared/app-error.ts';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_data, t) => ({ label: t('admin.home.title'), to: '/admin' }),
};

const PAGES = [
  { key: 'accounts', href: '/admin/accounts', action: 'account.manage' },
  { key: 'import', href: '/admin/import', action: 'import.run' },
  { key: 'settings', href: '/admin/settings', action: 'tenant.settings' },
  { key: 'apiTokens', href: '/admin/api-tokens', action: 'apiToken.manage' },
  { key: 'outbox', href: '/admin/outbox', action: 'outbox.read' },
  { key: 'audit', href: '/admin/audit', action: 'audit.read' },
] as const satisfies ReadonlyArray<{ key: string; href: string; action: Action }>;

export function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const pages = PAGES.filter((p) => can(actor, p.action, { tenantId: actor.tenantId })).map(({ key, href }) => ({ key, href }));
  // Deny by default: someone with no administration function gets 403, not an empty page.
  if (pages.length === 0) return runForPage(context, () => Promise.reject(forbidden()));
  return { pages };
}

export default function AdminHome({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack">
      <title>{`${t('admin.home.title')} – Rytme`}</title>
      <Heading level={1} data-size="xl">
        {t('admin.home.title')}
      </Heading>
      <Paragraph>{t('admin.home.intro')}</Paragraph>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: '1rem', gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))' }}>
        {loaderData.pages.map((p) => (
          <li key={p.key}>
            <Card data-color="neutral" style={{ height: '100%' }}>
              <Card.Block>
                <Heading level={2} data-size="sm">
                  <a href={p.href}>{t(`admin.home.${p.key}.title`)}</a>
                </Heading>
                <Paragraph>{t(`admin.home.${p.key}.body`)}</Paragraph>
              </Card.Block>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
