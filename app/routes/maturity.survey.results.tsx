// /maturity/survey/results?year= — the closed round's results side by side per group (appendix 2):
// per question a chart (scale rows or yes/no bars) and a table with the same numbers. Groups
// below the minimum size and a round still open show nothing but that fact.
import { Link } from 'react-router';
import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Route } from './+types/maturity.survey.results';
import { getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { getSurveyResults } from '../../core/maturity/get-survey-results.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { numberFormat } from '../i18n/format.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { MaturityNav } from '../components/maturity-nav.tsx';
import { ScaleByGroupChart, StackedBarsChart } from '../components/maturity-charts.tsx';
import '../styles/wheel.css';
import '../styles/maturity.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [
    { label: t('maturity.nav.title'), to: '/maturity' },
    { label: t('maturity.tabs.results'), to: '/maturity/survey/results' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const year = new URL(request.url).searchParams.get('year') ?? undefined;
  return runForPage(context, () => getSurveyResults({ database: getServices(context).database, actor, year }));
}

export default function SurveyResultsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const fmt = numberFormat(language, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const min = d.round?.minGroupSize ?? 3;
  return (
    <div className="stack">
      <title>{`${t('maturity.results.title', { year: d.year })} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('maturity.results.title', { year: d.year })}
      </Heading>
      <MaturityNav year={d.year} canManage={d.canManage} canSeeResults={d.canSeeResults} canChecklist={d.canChecklist} />
      {d.years.length > 1 ? (
        <nav aria-label={t('maturity.admin.rounds')}>
          <ul className="cluster" style={{ listStyle: 'none', padding: 0 }}>
            {d.years.map((y) => (
              <li key={y}>
                <Link to={`/maturity/survey/results?year=${y}`} className="ds-link" aria-current={y === d.year ? 'page' : undefined}>
                  {y}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <Paragraph>{t('maturity.results.intro')}</Paragraph>
      {!d.round ? <Paragraph>{t('maturity.results.none', { year: d.year })}</Paragraph> : null}
      {d.round && !d.groups ? <Alert data-color="info">{t('maturity.results.open')}</Alert> : null}
      {d.groups ? (
        <>
          <ul>
            {d.groups.map((g) => (
              <li key={g.group} data-testid={`group-${g.group}`}>
                {t(`maturity.groups.${g.group}`)}: {g.shown ? t('maturity.results.responses', { count: g.responses }) : t('maturity.results.hidden', { min })}
              </li>
            ))}
          </ul>
          {d.questions.map((q) => {
            const label = t(`maturity.questions.${q.key}`);
            const per = d.groups!.map((g) => ({ g, r: g.questions.find((x) => x.key === q.key) ?? null }));
            return (
              <section key={q.key} className="stack" aria-labelledby={`q-${q.key}`}>
                <Heading level={2} data-size="sm" id={`q-${q.key}`}>
                  {label}
                </Heading>
                {q.kind === 'scale' ? (
                  <ScaleByGroupChart
                    title={t('maturity.results.svgTitle', { question: label })}
                    desc={t('maturity.results.svgDescScale')}
                    meanLabel={t('maturity.results.mean')}
                    rows={per.map(({ g, r }) => ({
                      label: t(`maturity.groups.${g.group}`),
                      distribution: r && r.kind === 'scale' && r.shown ? r.distribution : null,
                      mean: r && r.kind === 'scale' && r.shown ? r.mean : null,
                      hiddenText: g.shown ? t('maturity.results.questionHidden') : t('maturity.results.hidden', { min }),
                    }))}
                  />
                ) : (
                  <StackedBarsChart
                    title={t('maturity.results.svgTitle', { question: label })}
                    desc={t('maturity.results.svgDescYesNo')}
                    rows={per.map(({ g, r }) => ({
                      label: t(`maturity.groups.${g.group}`),
                      parts:
                        r && r.kind === 'yesNo' && r.shown
                          ? [
                              { label: t('maturity.results.yes'), value: r.yes ?? 0 },
                              { label: t('maturity.results.no'), value: r.no ?? 0 },
                            ]
                          : null,
                      hiddenText: g.shown ? t('maturity.results.questionHidden') : t('maturity.results.hidden', { min }),
                    }))}
                  />
                )}
                <Table data-size="sm">
                  <caption className="visually-hidden">{t('maturity.results.tableCaption', { question: label })}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t('maturity.results.group')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('maturity.results.answered')}</Table.HeaderCell>
                      {q.kind === 'scale' ? (
                        <>
                          <Table.HeaderCell scope="col">{t('maturity.results.mean')}</Table.HeaderCell>
                          <Table.HeaderCell scope="col">{t('maturity.results.distribution')} (1–10)</Table.HeaderCell>
                        </>
                      ) : (
                        <>
                          <Table.HeaderCell scope="col">{t('maturity.results.yes')}</Table.HeaderCell>
                          <Table.HeaderCell scope="col">{t('maturity.results.no')}</Table.HeaderCell>
                        </>
                      )}
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {per.map(({ g, r }) => (
                      <Table.Row key={g.group} data-testid={`row-${q.key}-${g.group}`}>
                        <Table.HeaderCell scope="row">{t(`maturity.groups.${g.group}`)}</Table.HeaderCell>
                        {!r || !r.shown ? (
                          <Table.Cell colSpan={3}>{g.shown ? t('maturity.results.questionHidden') : t('maturity.results.hidden', { min })}</Table.Cell>
                        ) : r.kind === 'scale' ? (
                          <>
                            <Table.Cell>{r.answered}</Table.Cell>
                            <Table.Cell>{r.mean === null ? '–' : fmt.format(r.mean)}</Table.Cell>
                            <Table.Cell>{r.distribution.join(' · ')}</Table.Cell>
                          </>
                        ) : (
                          <>
                            <Table.Cell>{r.answered}</Table.Cell>
                            <Table.Cell>{r.yes}</Table.Cell>
                            <Table.Cell>{r.no}</Table.Cell>
                          </>
                        )}
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </section>
            );
          })}
        </>
      ) : null}
    </div>
  );
}
