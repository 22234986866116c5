// /mapping/overview?year= — the coordinator's overview of a cycle's mapping forms: a chart of the
// forms per sector by status (approved, submitted, draft, late, missing), the same counts as a
// table, every unit's form with its deadline, and the sums of the forms handed in so far.
import { Form, Link } from 'react-router';
import { Button, Field, Heading, Label, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Route } from './+types/mapping.overview';
import { getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { getMappingOverview } from '../../core/mapping/get-mapping-overview.ts';
import { OVERVIEW_CATEGORIES } from '../../core/mapping/mapping.rules.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { FormStatusTag, MappingNav, MixBar, nok } from '../components/mapping-parts.tsx';
import { LegendSwatch, OverviewChart } from '../components/mapping-chart.tsx';
import { formatDate } from '../components/wheel-format.ts';
import '../styles/org.css';
import '../styles/wheel.css';
import '../styles/mapping.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [
    { label: t('mapping.nav.title'), to: '/mapping' },
    { label: t('mapping.nav.overview'), to: '/mapping/overview' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const year = new URL(request.url).searchParams.get('year');
  return runForPage(context, () => getMappingOverview({ database: getServices(context).database, actor, year }));
}

export default function MappingOverviewPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const title = t('mapping.overview.title', { year: d.cycle?.year ?? '' });
  const h = d.handedIn.total;
  return (
    <div className="stack">
      <title>{`${title} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <MappingNav canOverview />
      {d.years.length > 1 ? (
        <Form method="get" className="cluster no-print">
          <Field>
            <Label htmlFor="year-select">{t('mapping.form.chooseCycle')}</Label>
            <select id="year-select" name="year" defaultValue={d.cycle?.year} className="ds-input">
              {d.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </Field>
          <Button type="submit" variant="secondary" data-size="sm">
            {t('mapping.form.show')}
          </Button>
        </Form>
      ) : null}
      {!d.cycle ? (
        <Paragraph>{t('mapping.home.noCycle')}</Paragraph>
      ) : d.sectors.length === 0 ? (
        <Paragraph>{t('mapping.overview.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('mapping.overview.intro')}</Paragraph>
          <div className="overview-layout">
            <OverviewChart sectors={d.sectors} />
            <ul className="wheel-legend-list">
              {OVERVIEW_CATEGORIES.map((c) => (
                <li key={c}>
                  <LegendSwatch category={c} /> {t(`mapping.status.${c}`)}: {d.counts[c]}
                </li>
              ))}
            </ul>
          </div>
          <Table data-size="sm">
            <caption>{t('mapping.overview.chartTitle')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('mapping.overview.sector')}</Table.HeaderCell>
                {OVERVIEW_CATEGORIES.map((c) => (
                  <Table.HeaderCell key={c}>{t(`mapping.status.${c}`)}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.sectors.map((s) => (
                <Table.Row key={s.sectorId ?? '-'}>
                  <Table.HeaderCell scope="row">{s.sectorName ?? t('mapping.overview.noSector')}</Table.HeaderCell>
                  {OVERVIEW_CATEGORIES.map((c) => (
                    <Table.Cell key={c}>{s.counts[c]}</Table.Cell>
                  ))}
                </Table.Row>
              ))}
              <Table.Row>
                <Table.HeaderCell scope="row">{t('mapping.overview.all')}</Table.HeaderCell>
                {OVERVIEW_CATEGORIES.map((c) => (
                  <Table.Cell key={c}>{d.counts[c]}</Table.Cell>
                ))}
              </Table.Row>
            </Table.Body>
          </Table>
          <section aria-labelledby="handed-in-heading" className="stack">
            <Heading level={2} data-size="sm" id="handed-in-heading">
              {t('mapping.overview.handedIn')}
            </Heading>
            <Paragraph>
              {t('mapping.overview.handedInText', { needs: h.needs, people: h.people, cost: nok(h.costNok, language), substitute: nok(h.substituteCostNok, language), total: nok(h.totalNok, language) })}
            </Paragraph>
            {d.handedIn.mix.total > 0 ? <MixBar work={d.handedIn.mix.work} course={d.handedIn.mix.course} /> : null}
          </section>
          {d.sectors.map((s) => (
            <section key={s.sectorId ?? '-'} aria-labelledby={`sector-${s.sectorId ?? 'none'}`} className="stack">
              <Heading level={2} data-size="xs" id={`sector-${s.sectorId ?? 'none'}`}>
                {s.sectorName ?? t('mapping.overview.noSector')}
              </Heading>
              <Table data-size="sm">
                <caption className="visually-hidden">{s.sectorName ?? t('mapping.overview.noSector')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('mapping.overview.unit')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('mapping.form.status')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('mapping.overview.deadline')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('mapping.overview.needs')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('mapping.overview.total')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {s.units.map((u) => (
                    <Table.Row key={u.unitId}>
                      <Table.HeaderCell scope="row">
                        <Link to={`/mapping/units/${u.unitId}?year=${d.cycle!.year}`}>{u.unitName}</Link>
                      </Table.HeaderCell>
                      <Table.Cell>
                        <FormStatusTag status={u.category === 'late' ? 'late' : u.status} />
                        {u.lateness === 'submitted_late' ? ` (${t('mapping.lateness.submitted_late')})` : null}
                      </Table.Cell>
                      <Table.Cell>{u.deadline ? formatDate(u.deadline, language) : '–'}</Table.Cell>
                      <Table.Cell>{u.needs}</Table.Cell>
                      <Table.Cell className="num">{nok(u.totalNok, language)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
