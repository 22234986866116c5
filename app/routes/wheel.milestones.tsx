// /wheel/milestones?year= — the year's milestones as a table: deadline, name, what it
// concerns, owner, how many units are done, and the summed-up status.
import { Link } from 'react-router';
import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { Route } from './+types/wheel.milestones';
import { getServices, getSessionState, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { getWheelYear } from '../../core/annual-wheel/get-wheel-year.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { StatusBadge } from '../components/wheel-status.tsx';
import { WheelNav } from '../components/wheel-nav.tsx';
import { formatDate } from '../components/wheel-format.ts';
import '../styles/wheel.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => [
    { label: t('wheel.nav.title'), to: '/wheel' },
    { label: t('wheel.tabs.list'), to: `/wheel/milestones${(d as { year?: number } | undefined)?.year ? `?year=${(d as { year: number }).year}` : ''}` },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const year = new URL(request.url).searchParams.get('year') ?? undefined;
  return runForPage(context, () => getWheelYear({ database: getServices(context).database, actor, year, language: getSessionState(context).language }));
}

export default function MilestoneListPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  return (
    <div className="stack">
      <title>{`${t('wheel.list.title', { year: d.year })} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('wheel.list.title', { year: d.year })}
      </Heading>
      <WheelNav year={d.year} canWrite={d.canWrite} canReadLog={d.canReadLog} />
      {d.canWrite ? (
        <div className="cluster no-print">
          <Link to={`/wheel/milestones/new?year=${d.year}`} className="ds-button" data-variant="secondary" data-size="sm">
            {t('wheel.page.newMilestone')}
          </Link>
        </div>
      ) : null}
      {d.milestones.length === 0 ? (
        <Paragraph>{d.cycle ? t('wheel.page.noMilestones') : t('wheel.page.noCycle', { year: d.year })}</Paragraph>
      ) : (
        <Table zebra>
          <caption className="visually-hidden">{t('wheel.list.title', { year: d.year })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('wheel.list.deadline')}</Table.HeaderCell>
              <Table.HeaderCell>{t('wheel.list.milestone')}</Table.HeaderCell>
              <Table.HeaderCell>{t('wheel.list.concerns')}</Table.HeaderCell>
              <Table.HeaderCell>{t('wheel.list.owner')}</Table.HeaderCell>
              <Table.HeaderCell>{t('wheel.list.units')}</Table.HeaderCell>
              <Table.HeaderCell>{t('wheel.list.status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {d.milestones.map((m) => (
              <Table.Row key={m.id}>
                <Table.Cell>{formatDate(m.deadline, language)}</Table.Cell>
                <Table.Cell>
                  <Link to={`/wheel/milestones/${m.id}`} className="ds-link">
                    {m.title}
                  </Link>{' '}
                  {m.regionName !== null ? (
                    <Tag data-size="sm" data-color="info" className="wheel-regional">
                      {t('wheel.region.badge', { region: m.regionName })}
                    </Tag>
                  ) : null}
                </Table.Cell>
                <Table.Cell>{t(`wheel.concerns.${m.concerns}`)}</Table.Cell>
                <Table.Cell>{t(`wheel.ownerRole.${m.ownerRole}`)}</Table.Cell>
                <Table.Cell>{m.wholeMunicipality ? t('wheel.detail.wholeMunicipality') : t('wheel.page.unitsDone', { done: m.counts.done, total: m.units.length })}</Table.Cell>
                <Table.Cell>
                  <StatusBadge status={m.shown} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  );
}
