// /admin/outbox: the municipality's outgoing mail, newest first, with status. Mail stored
// because no SMTP server is configured can be opened here (the offline demo).
import { Details, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { Route } from './+types/admin.outbox';
import { listOutbox } from '../../core/auth/list-outbox.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { formatDateTime } from './login.shared.tsx';

const STATUS_COLOR = { queued: 'info', sent: 'success', stored: 'warning', failed: 'danger' } as const;

export const handle = {
  breadcrumb: (_: unknown, t: (k: string) => string) => [
    { label: t('common.nav.admin'), to: '/admin' },
    { label: t('auth.outbox.title'), to: '/admin/outbox' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const services = getServices(context);
  const mails = await runForPage(context, () => listOutbox({ database: services.database, actor }));
  return { mails, offline: !services.env.SMTP_URL };
}

export default function AdminOutbox({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const { mails, offline } = loaderData;
  return (
    <div className="stack">
      <title>{`${t('auth.outbox.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('auth.outbox.title')}
      </Heading>
      <Paragraph>{t('auth.outbox.intro')}</Paragraph>
      {offline ? <Paragraph>{t('auth.outbox.offline')}</Paragraph> : null}
      {mails.length === 0 ? (
        <Paragraph>{t('auth.outbox.none')}</Paragraph>
      ) : (
        <Table zebra>
          <caption className="visually-hidden">{t('auth.outbox.title')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('auth.outbox.created')}</Table.HeaderCell>
              <Table.HeaderCell>{t('auth.outbox.to')}</Table.HeaderCell>
              <Table.HeaderCell>{t('auth.outbox.subject')}</Table.HeaderCell>
              <Table.HeaderCell>{t('auth.outbox.status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {mails.map((m) => (
              <Table.Row key={m.id}>
                <Table.Cell>{formatDateTime(m.createdAt, language)}</Table.Cell>
                <Table.Cell>{m.to}</Table.Cell>
                <Table.Cell>
                  {m.text ? (
                    <Details>
                      <Details.Summary>{m.subject}</Details.Summary>
                      <Details.Content>
                        <pre className="mail-text" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0 }}>
                          {m.text}
                        </pre>
                      </Details.Content>
                    </Details>
                  ) : (
                    m.subject
                  )}
                </Table.Cell>
                <Table.Cell>
                  <Tag data-color={STATUS_COLOR[m.status] ?? 'neutral'}>{t(`auth.outbox.statuses.${m.status}`)}</Tag>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  );
}
