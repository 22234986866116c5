// /wheel/region?year= — the region's shared milestones of a year (interkommunalt samarbeid).
// Everyone of a member municipality reads them; coordinators of a member add and change them.
import { Link, useSearchParams } from 'react-router';
import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Route } from './+types/wheel.region';
import { getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { getRegionWheel } from '../../core/annual-wheel/get-region-wheel.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { WheelNav } from '../components/wheel-nav.tsx';
import { formatDate } from '../components/wheel-format.ts';
import '../styles/wheel.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => [
    { label: t('wheel.nav.title'), to: '/wheel' },
    { label: t('wheel.region.title'), to: `/wheel/region${(d as { year?: number } | undefined)?.year ? `?year=${(d as { year: number }).year}` : ''}` },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const year = new URL(request.url).searchParams.get('year') ?? undefined;
  return runForPage(context, () => getRegionWheel({ database: getServices(context).database, actor, year }));
}

export default function RegionWheelPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const [params] = useSearchParams();
  const heading = d.region ? t('wheel.region.heading', { region: d.region.name, year: d.year }) : t('wheel.region.title');
  return (
    <div className="stack">
      <title>{`${heading} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {heading}
      </Heading>
      <WheelNav year={d.year} canWrite={d.canWrite} canReadLog={d.canReadLog} />
      {params.get('saved') ? (
        <Alert data-color="success" role="status">
          {t('wheel.region.saved')}
        </Alert>
      ) : null}
      {!d.region ? (
        <Paragraph>{t('wheel.region.noRegion')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('wheel.region.intro')}</Paragraph>
          {d.years.length > 1 ? (
            <nav aria-label={t('wheel.region.years')} className="cluster">
              {d.years.map((y) => (
                <Link key={y} to={`/wheel/region?year=${y}`} className="ds-link" aria-current={y === d.year ? 'page' : undefined}>
                  {y}
                </Link>
              ))}
            </nav>
          ) : null}
          {d.canWriteRegion ? (
            <div className="cluster no-print">
              <Link to={`/wheel/region/new?year=${d.year}`} className="ds-button" data-variant="secondary" data-size="sm">
                {t('wheel.region.new')}
              </Link>
            </div>
          ) : null}
          {d.milestones.length === 0 ? (
            <Paragraph>{t('wheel.region.empty', { year: d.year })}</Paragraph>
          ) : (
            <Table>
              <caption className="visually-hidden">{heading}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('wheel.list.deadline')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('wheel.list.milestone')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('wheel.list.concerns')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('wheel.list.owner')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('wheel.detail.targets')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('wheel.region.changedBy')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {d.milestones.map((m) => (
                  <Table.Row key={m.id}>
                    <Table.Cell>{formatDate(m.deadline, language)}</Table.Cell>
                    <Table.Cell>
                      {d.canWriteRegion ? (
                        <Link to={`/wheel/region/${m.id}/edit`} className="ds-link">
                          {m.title}
                        </Link>
                      ) : (
                        m.title
                      )}
                    </Table.Cell>
                    <Table.Cell>{t(`wheel.concerns.${m.concerns}`)}</Table.Cell>
                    <Table.Cell>{t(`wheel.ownerRole.${m.ownerRole}`)}</Table.Cell>
                    <Table.Cell>{m.targetKind ? t('wheel.detail.targetKind', { kind: t(`org.kind.${m.targetKind}`) }) : t('wheel.detail.wholeMunicipality')}</Table.Cell>
                    <Table.Cell>{m.byOwnMunicipality ? t('wheel.region.byOwn') : t('wheel.region.byOther')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </>
      )}
    </div>
  );
}
