// /dashboard?year= — the coordinator's and executive's dashboard for a cycle year: mapping forms
// per unit and who is overdue, the measure-type mix, evaluation coverage, trends across cycles,
// and the cost-vs-budget panel (waiting for the competence plan module). Every chart is
// server-rendered SVG with a title and description, and a table with the same figures.
import { Link } from 'react-router';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Route } from './+types/dashboard';
import { getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { getDashboard } from '../../core/dashboard/get-dashboard.ts';
import { OVERVIEW_CATEGORIES } from '../../core/mapping/mapping.rules.ts';
import { measureTypeKey } from '../../core/shared/measure-types.ts';
import { numberFormat } from '../i18n/format.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { DataTable } from '../components/data-table.tsx';
import { LegendSwatch, OverviewChart } from '../components/mapping-chart.tsx';
import { MeasureMixBar } from '../components/measure-mix-bar.tsx';
import { CoverageChart, CoverageLegend, TrendSparkline, TypeMixChart } from '../components/dashboard-charts.tsx';
import { formatDate } from '../components/wheel-format.ts';
import '../styles/wheel.css';
import '../styles/mapping.css';
import '../styles/catalogue.css';
import '../styles/dashboard.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [{ label: t('dashboard.nav.title'), to: '/dashboard' }],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const year = new URL(request.url).searchParams.get('year');
  return runForPage(context, () => getDashboard({ database: getServices(context).database, actor, year }));
}

export default function DashboardPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const pct = numberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const nok = numberFormat(language, { maximumFractionDigits: 0 });
  const s = d.submissions;
  const shareText = (x: { numerator: number; denominator: number; share: number } | null) => (x ? `${pct.format(x.share)} (${x.numerator} / ${x.denominator})` : t('dashboard.trends.notMeasured'));
  return (
    <div className="stack">
      <title>{`${t('dashboard.title', { year: d.year })} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('dashboard.title', { year: d.year })}
      </Heading>
      <Paragraph>{t('dashboard.intro')}</Paragraph>
      {d.years.length > 1 ? (
        <nav aria-label={t('dashboard.yearsLabel')}>
          <ul className="cluster" style={{ listStyle: 'none', padding: 0 }}>
            {d.years
              .filter((y) => y !== d.year)
              .map((y) => (
                <li key={y}>
                  <Link to={`/dashboard?year=${y}`} className="ds-link">
                    {t('dashboard.yearLink', { year: y })}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
      ) : null}

      <section aria-labelledby="submissions-heading" className="stack">
        <Heading level={2} data-size="md" id="submissions-heading">
          {t('dashboard.submissions.heading')}
        </Heading>
        {!d.cycle ? (
          <Paragraph>{t('dashboard.noCycle')}</Paragraph>
        ) : (
          <>
            <Paragraph>{t('dashboard.submissions.intro')}</Paragraph>
            <ul className="dashboard-figures" data-testid="submission-totals">
              <li>{t('dashboard.submissions.asked', { count: s.totals.asked })}</li>
              <li>{t('dashboard.submissions.handedIn', { count: s.totals.handedIn })}</li>
              <li>{t('dashboard.submissions.approved', { count: s.totals.approved })}</li>
              <li>{t('dashboard.submissions.overdue', { count: s.totals.overdue })}</li>
              <li>{t('dashboard.submissions.handedInLate', { count: s.totals.handedInLate })}</li>
            </ul>
            {s.sectors.length > 0 ? (
              <div className="overview-layout">
                <OverviewChart sectors={s.sectors} />
                <ul className="wheel-legend-list">
                  {OVERVIEW_CATEGORIES.map((c) => (
                    <li key={c}>
                      <LegendSwatch category={c} /> {t(`mapping.status.${c}`)}: {s.counts[c]}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {s.sectors.length > 0 ? (
              <DataTable
                caption={t('dashboard.submissions.tableCaption')}
                rowHeader={{ key: 'sector', header: t('dashboard.submissions.sector'), cell: (x) => x.sectorName ?? t('mapping.overview.noSector') }}
                columns={OVERVIEW_CATEGORIES.map((c) => ({ key: c, header: t(`mapping.status.${c}`), cell: (x: (typeof s.sectors)[number]) => x.counts[c] }))}
                rows={s.sectors}
                rowKey={(x) => x.sectorId ?? '-'}
              />
            ) : null}
            {s.sectors.length > 0 ? (
              <details className="dashboard-units">
                <summary>{t('dashboard.submissions.unitsSummary', { count: s.totals.asked })}</summary>
                <DataTable
                  testId="unit-submissions"
                  caption={t('dashboard.submissions.unitsCaption')}
                  rowHeader={{ key: 'unit', header: t('dashboard.submissions.unit'), cell: (u) => <Link to={`/mapping/units/${u.unitId}?year=${d.year}`}>{u.unitName}</Link> }}
                  columns={[
                    { key: 'sector', header: t('dashboard.submissions.sector'), cell: (u) => u.sectorName ?? t('mapping.overview.noSector') },
                    { key: 'status', header: t('dashboard.submissions.status'), cell: (u) => (<><LegendSwatch category={u.category} /> {t(`mapping.status.${u.category}`)}</>) },
                    { key: 'deadline', header: t('dashboard.submissions.deadline'), cell: (u) => (u.deadline ? formatDate(u.deadline, language) : '') },
                    { key: 'timeliness', header: t('dashboard.submissions.timeliness'), cell: (u) => t(`mapping.lateness.${u.lateness}`) },
                  ]}
                  rows={s.sectors.flatMap((x) => x.units.map((u) => ({ ...u, sectorName: x.sectorName })))}
                  rowKey={(u) => u.unitId}
                />
              </details>
            ) : null}
            <Heading level={3} data-size="sm">
              {t('dashboard.submissions.overdueHeading')}
            </Heading>
            {s.overdue.length === 0 ? (
              <Paragraph>{t('dashboard.submissions.overdueNone')}</Paragraph>
            ) : (
              <DataTable
                testId="overdue-units"
                caption={t('dashboard.submissions.overdueHeading')}
                captionHidden
                rowHeader={{ key: 'unit', header: t('dashboard.submissions.unit'), cell: (u) => <Link to={`/mapping/units/${u.unitId}?year=${d.year}`}>{u.unitName}</Link> }}
                columns={[
                  { key: 'deadline', header: t('dashboard.submissions.deadline'), cell: (u) => (u.deadline ? formatDate(u.deadline, language) : '') },
                  { key: 'status', header: t('dashboard.submissions.status'), cell: (u) => t(`mapping.status.${u.status}`) },
                ]}
                rows={s.overdue}
                rowKey={(u) => u.unitId}
              />
            )}
            <Paragraph>
              <Link to={`/mapping/overview?year=${d.year}`}>{t('dashboard.submissions.openOverview')}</Link>
            </Paragraph>
          </>
        )}
      </section>

      <section aria-labelledby="mix-heading" className="stack">
        <Heading level={2} data-size="md" id="mix-heading">
          {t('dashboard.mix.heading', { year: d.year })}
        </Heading>
        <Paragraph>{t('dashboard.mix.intro')}</Paragraph>
        {d.mix.total === 0 ? (
          <Paragraph>{t('dashboard.mix.none', { year: d.year })}</Paragraph>
        ) : (
          <>
            <MeasureMixBar course={d.mix.course} work={d.mix.work} />
            <TypeMixChart mix={d.mix} year={d.year} />
            <DataTable
              testId="mix-table"
              caption={t('dashboard.mix.tableCaption')}
              rowHeader={{ key: 'type', header: t('dashboard.mix.type'), cell: (x) => t(measureTypeKey(x.type)) }}
              columns={[
                { key: 'class', header: t('dashboard.mix.class'), cell: (x) => t(`measures.class.${x.measureClass}`) },
                { key: 'count', header: t('dashboard.mix.count'), cell: (x) => x.count },
              ]}
              rows={d.mix.byType}
              rowKey={(x) => x.type}
            />
          </>
        )}
      </section>

      <section aria-labelledby="coverage-heading" className="stack">
        <Heading level={2} data-size="md" id="coverage-heading">
          {t('dashboard.coverage.heading', { year: d.year })}
        </Heading>
        <Paragraph>{t('dashboard.coverage.intro')}</Paragraph>
        {d.coverage.total.ended === 0 ? (
          <Paragraph>{t('dashboard.coverage.none', { year: d.year })}</Paragraph>
        ) : (
          <>
            <div className="overview-layout">
              <CoverageChart rows={d.coverage.rows} year={d.year} />
              <CoverageLegend />
            </div>
            <DataTable
              testId="coverage-table"
              caption={t('dashboard.coverage.tableCaption')}
              rowHeader={{ key: 'class', header: t('dashboard.mix.class'), cell: (r) => r.label }}
              columns={[
                { key: 'ended', header: t('dashboard.coverage.ended'), cell: (r) => r.ended },
                { key: 'evaluated', header: t('dashboard.coverage.evaluated'), cell: (r) => r.evaluated },
                { key: 'share', header: t('dashboard.coverage.share'), cell: (r) => (r.ended > 0 ? pct.format(r.evaluated / r.ended) : '–') },
              ]}
              rows={[...d.coverage.rows.map((r) => ({ key: r.measureClass, label: t(`measures.class.${r.measureClass}`), ended: r.ended, evaluated: r.evaluated })), { key: 'total', label: t('dashboard.coverage.total'), ...d.coverage.total }]}
              rowKey={(r) => r.key}
            />
          </>
        )}
        {d.coverage.notEnded > 0 ? <Paragraph data-size="sm">{t('dashboard.coverage.notEnded', { count: d.coverage.notEnded })}</Paragraph> : null}
      </section>

      <section aria-labelledby="trends-heading" className="stack">
        <Heading level={2} data-size="md" id="trends-heading">
          {t('dashboard.trends.heading')}
        </Heading>
        <Paragraph>{t('dashboard.trends.intro')}</Paragraph>
        {d.trends.length === 0 ? (
          <Paragraph>{t('dashboard.trends.none')}</Paragraph>
        ) : (
          <>
            <div className="small-multiples">
              <TrendSparkline points={d.trends} measure="onTime" />
              <TrendSparkline points={d.trends} measure="needs" />
              <TrendSparkline points={d.trends} measure="evaluated" />
            </div>
            <DataTable
              testId="trends-table"
              caption={t('dashboard.trends.tableCaption')}
              rowHeader={{ key: 'year', header: t('dashboard.trends.year'), cell: (p) => p.year }}
              columns={[
                { key: 'onTime', header: t('dashboard.trends.onTime'), cell: (p) => shareText(p.onTime) },
                { key: 'needs', header: t('dashboard.trends.needs'), cell: (p) => p.needs },
                { key: 'evaluated', header: t('dashboard.trends.evaluated'), cell: (p) => shareText(p.evaluated) },
              ]}
              rows={d.trends}
              rowKey={(p) => String(p.year)}
            />
          </>
        )}
      </section>

      <section aria-labelledby="cost-heading" className="stack dashboard-pending" data-testid="cost-vs-budget">
        <Heading level={2} data-size="md" id="cost-heading">
          {t('dashboard.cost.heading')}
        </Heading>
        {d.costVsBudget.status === 'no_module' ? (
          <Paragraph>{t('dashboard.cost.pending')}</Paragraph>
        ) : d.costVsBudget.status === 'no_plan' ? (
          <Paragraph>{t('dashboard.cost.noPlan', { year: d.costVsBudget.year })}</Paragraph>
        ) : (
          <ul>
            <li>{t('dashboard.cost.budget', { amount: nok.format(d.costVsBudget.budgetNok) })}</li>
            <li>{t('dashboard.cost.planned', { amount: nok.format(d.costVsBudget.plannedNok) })}</li>
          </ul>
        )}
      </section>
    </div>
  );
}
