// /wheel/log — what reminders the wheel has sent: when, to whom, about which milestone and
// unit, and whether the mail went out (coordinators and tenant admins).
import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { Route } from './+types/wheel.log';
import { getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { listReminderLog } from '../../core/annual-wheel/list-reminder-log.ts';
import { can } from '../../core/shared/policy.ts';
import { useLanguage, useT, type TFunction } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { WheelNav } from '../components/wheel-nav.tsx';
import { formatDateTime } from './login.shared.tsx';
import '../styles/wheel.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [
    { label: t('wheel.nav.title'), to: '/wheel' },
    { label: t('wheel.log.title'), to: '/wheel/log' },
  ],
};

const COLOR = { pending: 'warning', sending: 'info', sent: 'success', failed: 'danger' } as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return { rows: await runForPage(context, () => listReminderLog({ database: getServices(context).database, actor })), year: new Date().getFullYear(), canWrite: can(actor, 'wheel.write', { tenantId: actor.tenantId }) };
}

function stepName(t: TFunction, step: string): string {
  const [kind, days] = step.split(':');
  return t(`wheel.log.stepName.${kind}`, { days: Number(days ?? 0) });
}

export default function ReminderLogPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  return (
    <div className="stack">
      <title>{`${t('wheel.log.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('wheel.log.title')}
      </Heading>
      <WheelNav year={d.year} canWrite={d.canWrite} canReadLog />
      <Paragraph>{t('wheel.log.intro')}</Paragraph>
      {d.rows.length === 0 ? (
        <Paragraph>{t('wheel.log.empty')}</Paragraph>
      ) : (
        <Table zebra>
          <caption className="visually-hidden">{t('wheel.log.title')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('wheel.log.claimedAt')}</Table.HeaderCell>
              <Table.HeaderCell>{t('wheel.log.recipient')}</Table.HeaderCell>
              <Table.HeaderCell>{t('wheel.log.milestone')}</Table.HeaderCell>
              <Table.HeaderCell>{t('wheel.log.unit')}</Table.HeaderCell>
              <Table.HeaderCell>{t('wheel.log.step')}</Table.HeaderCell>
              <Table.HeaderCell>{t('wheel.log.delivery')}</Table.HeaderCell>
              <Table.HeaderCell>{t('wheel.log.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('wheel.log.sentAt')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {d.rows.map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell>{formatDateTime(r.claimedAt, language)}</Table.Cell>
                <Table.Cell>{r.recipient}</Table.Cell>
                <Table.Cell>
                  <a href={`/wheel/milestones/${r.milestoneId}`} className="ds-link">
                    {r.milestoneTitle}
                  </a>
                </Table.Cell>
                <Table.Cell>{r.unitName}</Table.Cell>
                <Table.Cell>{stepName(t, r.step)}</Table.Cell>
                <Table.Cell>{t(`wheel.notifications.${r.delivery === 'digest' ? 'digest' : 'single'}`)}</Table.Cell>
                <Table.Cell>
                  <Tag data-color={COLOR[r.status as keyof typeof COLOR] ?? 'neutral'} data-size="sm">
                    {t(`wheel.log.reminderStatus.${r.status}`)}
                  </Tag>
                </Table.Cell>
                <Table.Cell>{formatDateTime(r.sentAt, language) ?? '–'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  );
}
