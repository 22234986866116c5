// /maturity?year= — the maturity page: the stage measured from real use (usystematisk →
// systematisk → systemisk) next to each group's self-image from the survey, drawn on one scale,
// with the indicators (or "not measured yet") and a table with the same numbers.
import { Link } from 'react-router';
import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Route } from './+types/maturity';
import { getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { getMaturity } from '../../core/maturity/get-maturity.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { numberFormat } from '../i18n/format.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { MaturityNav } from '../components/maturity-nav.tsx';
import { MaturityScaleChart } from '../components/maturity-charts.tsx';
import '../styles/wheel.css';
import '../styles/maturity.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [{ label: t('maturity.nav.title'), to: '/maturity' }],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const year = new URL(request.url).searchParams.get('year') ?? undefined;
  return runForPage(context, () => getMaturity({ database: getServices(context).database, actor, year }));
}

const STAGES = ['unsystematic', 'systematic', 'systemic'] as const;

export default function MaturityPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const pct = numberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const one = numberFormat(language, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const stageName = (s: (typeof STAGES)[number] | null) => (s ? t(`maturity.stage.${s}`) : t('maturity.overview.notShown'));
  return (
    <div className="stack">
      <title>{`${t('maturity.overview.title', { year: d.year })} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('maturity.overview.title', { year: d.year })}
      </Heading>
      <MaturityNav year={d.year} canManage={d.canManage} canSeeResults={d.canSeeResults} canChecklist={d.canChecklist} />
      <Paragraph>{t('maturity.overview.intro')}</Paragraph>
      <nav aria-label={t('maturity.admin.year')}>
        <ul className="cluster" style={{ listStyle: 'none', padding: 0 }}>
          {[d.year - 1, d.year + 1].map((y) => (
            <li key={y}>
              <Link to={`/maturity?year=${y}`} className="ds-link">
                {y}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="measured-heading" className="stack">
        <Heading level={2} data-size="md" id="measured-heading">
          {t('maturity.overview.measured')}: <span data-testid="measured-stage">{d.measured.stage ? t(`maturity.stage.${d.measured.stage}`) : t('maturity.overview.noStage')}</span>
        </Heading>
        {d.measured.stage ? <Paragraph>{t('maturity.overview.basis', { measured: d.measured.measured, total: d.measured.total })}</Paragraph> : null}
        {d.measured.capped ? <Alert data-color="info">{t('maturity.overview.capped')}</Alert> : null}
        <MaturityScaleChart
          title={t('maturity.overview.svgTitle', { year: d.year })}
          desc={t('maturity.overview.svgDesc')}
          stages={[t('maturity.stage.unsystematic'), t('maturity.stage.systematic'), t('maturity.stage.systemic')]}
          thresholds={d.thresholds}
          measured={{ label: t('maturity.overview.measuredMarker'), position: d.measured.weakest }}
          selfImage={d.selfImage.map((g) => ({ label: t(`maturity.groups.${g.group}`), position: g.position }))}
        />
        <Table data-size="sm">
          <caption>{t('maturity.overview.tableCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('maturity.overview.what')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('maturity.overview.position')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('maturity.overview.stageCol')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            <Table.Row>
              <Table.HeaderCell scope="row">{t('maturity.overview.measured')}</Table.HeaderCell>
              <Table.Cell>{d.measured.weakest === null ? t('maturity.overview.notShown') : pct.format(d.measured.weakest)}</Table.Cell>
              <Table.Cell>{stageName(d.measured.stage)}</Table.Cell>
            </Table.Row>
            {d.selfImage.map((g) => (
              <Table.Row key={g.group} data-testid={`self-${g.group}`}>
                <Table.HeaderCell scope="row">
                  {t('maturity.overview.selfImageHeading')}: {t(`maturity.groups.${g.group}`)}
                </Table.HeaderCell>
                <Table.Cell>{g.position === null || g.mean === null ? t('maturity.overview.notShown') : `${pct.format(g.position)} (${t('maturity.results.mean')} ${one.format(g.mean)})`}</Table.Cell>
                <Table.Cell>{stageName(g.stage)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <Paragraph data-size="sm">{t('maturity.overview.selfImageIntro')}</Paragraph>
        {d.selfImage.every((g) => g.position === null) ? <Paragraph data-size="sm">{t('maturity.overview.selfImageNone', { year: d.year })}</Paragraph> : null}
      </section>
      <section aria-labelledby="indicators-heading" className="stack">
        <Heading level={2} data-size="sm" id="indicators-heading">
          {t('maturity.overview.indicatorsHeading')}
        </Heading>
        <ul className="stack">
          {d.indicators.map((i) => (
            <li key={i.key} data-testid={`indicator-${i.key}`}>
              <strong>{t(`maturity.overview.indicator.${i.key}`)}</strong>:{' '}
              {i.status === 'measured' && i.share !== null
                ? `${t('maturity.overview.share', { share: pct.format(i.share), numerator: i.numerator, denominator: i.denominator })} – ${stageName(i.stage)}`
                : i.status === 'not_measured' && i.reason === 'no_source'
                  ? t('maturity.overview.reason.no_source')
                  : t(`maturity.overview.nothingYet.${i.key}`)}
            </li>
          ))}
        </ul>
        <Paragraph data-size="sm">{t('maturity.overview.thresholds', { systematic: pct.format(d.thresholds.systematic), systemic: pct.format(d.thresholds.systemic) })}</Paragraph>
      </section>
      <section aria-labelledby="stages-heading" className="stack">
        <Heading level={2} data-size="sm" id="stages-heading">
          {t('maturity.overview.stagesHeading')}
        </Heading>
        <dl className="facts">
          {STAGES.map((s) => (
            <div key={s}>
              <dt>{t(`maturity.stage.${s}`)}</dt>
              <dd>{t(`maturity.stageText.${s}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
