// /admin/accounts: the tenant's user accounts — search, status, roles — for tenant admins.
import { Form } from 'react-router';
import { Button, Heading, Link as DsLink, Paragraph, Search, Table, Tag } from '@digdir/designsystemet-react';
import type { Route } from './+types/admin.accounts';
import { listAccounts } from '../../core/auth/list-accounts.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { formatDateTime } from './login.shared.tsx';

export const handle = {
  breadcrumb: (_: unknown, t: (k: string) => string) => [
    { label: t('common.nav.admin'), to: '/admin' },
    { label: t('auth.admin.accounts.title'), to: '/admin/accounts' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const url = new URL(request.url);
  const query = (url.searchParams.get('q') ?? '').slice(0, 100);
  const page = Number(url.searchParams.get('page') ?? '1') || 1;
  const result = await runForPage(context, () => listAccounts({ database: getServices(context).database, actor, query, page }));
  return { ...result, query };
}

export default function AdminAccounts({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const { accounts, query, page, pageCount, total } = loaderData;
  const pageHref = (p: number) => `/admin/accounts?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(p) })}`;
  return (
    <div className="stack">
      <title>{`${t('auth.admin.accounts.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('auth.admin.accounts.title')}
      </Heading>
      <Paragraph>{t('auth.admin.accounts.intro')}</Paragraph>
      <div className="cluster" style={{ alignItems: 'flex-end' }}>
        <Form method="get" role="search" className="stack" style={{ gap: '0.25rem' }}>
          <label htmlFor="account-search" className="ds-label">
            {t('auth.admin.accounts.search')}
          </label>
          <Search>
            <Search.Input id="account-search" name="q" defaultValue={query} />
            <Search.Clear aria-label={t('common.actions.cancel')} />
            <Search.Button type="submit" aria-label={t('auth.admin.accounts.searchSubmit')} />
          </Search>
        </Form>
        <Button asChild variant="primary">
          <a href="/admin/accounts/new">{t('auth.admin.accounts.new')}</a>
        </Button>
      </div>
      <Paragraph data-size="sm" role="status">
        {t('auth.admin.accounts.count', { total })}
      </Paragraph>
      {accounts.length === 0 ? (
        <Paragraph>{t('auth.admin.accounts.none')}</Paragraph>
      ) : (
        <Table zebra>
          <caption className="visually-hidden">{t('auth.admin.accounts.title')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('auth.admin.accounts.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('auth.admin.accounts.email')}</Table.HeaderCell>
              <Table.HeaderCell>{t('auth.admin.accounts.roles')}</Table.HeaderCell>
              <Table.HeaderCell>{t('auth.admin.accounts.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('auth.admin.accounts.lastLogin')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {accounts.map((a) => (
              <Table.Row key={a.id}>
                <Table.Cell>
                  <DsLink href={`/admin/accounts/${a.id}`}>{a.displayName}</DsLink>
                </Table.Cell>
                <Table.Cell>{a.email}</Table.Cell>
                <Table.Cell>{[...(a.personId ? ['employee'] : []), ...a.roles].map((r) => t(`auth.roles.${r}`)).join(', ') || '–'}</Table.Cell>
                <Table.Cell>
                  <Tag data-color={a.disabledAt ? 'danger' : 'success'}>{a.disabledAt ? t('auth.admin.accounts.disabled') : t('auth.admin.accounts.active')}</Tag>
                </Table.Cell>
                <Table.Cell>{formatDateTime(a.lastLoginAt, language) ?? t('auth.admin.accounts.never')}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {pageCount > 1 ? (
        <nav aria-label={t('auth.admin.accounts.pagination')} className="cluster">
          {page > 1 ? <DsLink href={pageHref(page - 1)}>{t('auth.admin.accounts.previous')}</DsLink> : null}
          <span>{t('auth.admin.accounts.page', { page, pages: pageCount })}</span>
          {page < pageCount ? <DsLink href={pageHref(page + 1)}>{t('auth.admin.accounts.next')}</DsLink> : null}
        </nav>
      ) : null}
    </div>
  );
}
