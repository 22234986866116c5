// /catalogue?year=&half=&area=&type= — the combined catalogue of a half-year: the measures with
// places left and costs, filters by competence area and measure type, the mix of courses and
// learning at work as a bar, and (coordinators) publishing the catalogue.
import { data, Form, Link, useActionData } from 'react-router';
import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { Route } from './+types/catalogue';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getCatalogue } from '../../core/catalogue/get-catalogue.ts';
import { publishCatalogue } from '../../core/catalogue/publish-catalogue.ts';
import { setCatalogueSharing } from '../../core/catalogue/set-catalogue-sharing.ts';
import { cataloguePermissions } from '../../core/catalogue/catalogue-access.ts';
import { MEASURE_TYPES } from '../../core/shared/measure-types.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { formError, FormErrorSummary } from '../components/form-errors.tsx';
import { SelectInput } from '../components/form-field.tsx';
import { CatalogueNav, formatNok } from '../components/catalogue-nav.tsx';
import { MeasureMixBar } from '../components/measure-mix-bar.tsx';
import { formatDate } from '../components/wheel-format.ts';
import '../styles/org.css';
import '../styles/wheel.css';
import '../styles/catalogue.css';

export const handle: BreadcrumbHandle = { breadcrumb: (_d, t) => [{ label: t('catalogue.nav.title'), to: '/catalogue' }] };

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const q = new URL(request.url).searchParams;
  const query = { year: q.get('year'), half: q.get('half'), area: q.get('area'), type: q.get('type') };
  const result = await runForPage(context, () => getCatalogue({ database: getServices(context).database, actor, query }));
  return { ...result, nav: cataloguePermissions(actor) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const input = { year: String(form.get('year') ?? ''), half: String(form.get('half') ?? ''), version: String(form.get('version') ?? ''), shared: String(form.get('shared') ?? '') };
  const options = { database: getServices(context).database, actor, input, requestId: getRequestInfo(context).requestId };
  const intent = form.get('intent') === 'share' ? ('share' as const) : ('publish' as const);
  const result = await runForForm(context, async () => (intent === 'share' ? (await setCatalogueSharing(options)).shared : (await publishCatalogue(options), true)));
  return data({ result, intent }, { status: result.ok ? 200 : STATUS_FOR[result.error.code] });
}

export default function CataloguePage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const halfName = t(`catalogue.half.${d.half}`, { year: d.year });
  const prev = d.half === 'spring' ? { year: d.year - 1, half: 'autumn' } : { year: d.year, half: 'spring' };
  const next = d.half === 'spring' ? { year: d.year, half: 'autumn' } : { year: d.year + 1, half: 'spring' };
  const published = d.catalogue?.status === 'published';
  return (
    <div className="stack">
      <title>{`${t('catalogue.page.title', { half: halfName })} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('catalogue.page.title', { half: halfName })}
      </Heading>
      <CatalogueNav nav={d.nav} />
      <div className="cluster no-print">
        <Link to={`/catalogue?year=${prev.year}&half=${prev.half}`}>{t('catalogue.page.previous', { half: t(`catalogue.half.${prev.half}`, { year: prev.year }) })}</Link>
        <Link to={`/catalogue?year=${next.year}&half=${next.half}`}>{t('catalogue.page.next', { half: t(`catalogue.half.${next.half}`, { year: next.year }) })}</Link>
      </div>
      {actionData?.result.ok ? (
        <Alert data-color="success" role="status">
          {actionData.intent === 'publish' ? t('catalogue.page.publishedNow') : actionData.result.value ? t('catalogue.region.sharedNow') : t('catalogue.region.unsharedNow')}
        </Alert>
      ) : null}
      <FormErrorSummary error={error} prefix="publish" />
      {d.canWrite ? (
        <div className="cluster">
          <Paragraph>{published ? t('catalogue.page.isPublished') : t('catalogue.page.isDraft')}{published && d.catalogue?.sharedWithRegion && d.region ? ` ${t('catalogue.region.isShared', { region: d.region.name })}` : ''}</Paragraph>
          {!published ? (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="year" value={d.year} />
              <input type="hidden" name="half" value={d.half} />
              <input type="hidden" name="version" value={d.catalogue?.version ?? 1} />
              <Button type="submit" data-size="sm">
                {t('catalogue.page.publish')}
              </Button>
            </Form>
          ) : null}
          {published && d.region ? (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="share" />
              <input type="hidden" name="year" value={d.year} />
              <input type="hidden" name="half" value={d.half} />
              <input type="hidden" name="version" value={d.catalogue?.version ?? 1} />
              <input type="hidden" name="shared" value={d.catalogue?.sharedWithRegion ? 'no' : 'yes'} />
              <Button type="submit" variant="secondary" data-size="sm">
                {d.catalogue?.sharedWithRegion ? t('catalogue.region.unshare', { region: d.region.name }) : t('catalogue.region.share', { region: d.region.name })}
              </Button>
            </Form>
          ) : null}
        </div>
      ) : null}
      <Form method="get" className="catalogue-filter no-print" aria-label={t('catalogue.filter.label')}>
        <input type="hidden" name="year" value={d.year} />
        <input type="hidden" name="half" value={d.half} />
        <SelectInput prefix="filter" name="area" label={t('catalogue.filter.area')} defaultValue={d.filter.area} emptyLabel={t('catalogue.filter.all')} options={d.areas.map((a) => ({ value: a.id, label: a.name }))} />
        <SelectInput prefix="filter" name="type" label={t('catalogue.filter.type')} defaultValue={d.filter.type} emptyLabel={t('catalogue.filter.all')} options={MEASURE_TYPES.map((m) => ({ value: m, label: t(`measures.type.${m}`) }))} />
        <Button type="submit" variant="secondary" data-size="sm">
          {t('catalogue.filter.apply')}
        </Button>
      </Form>
      <section aria-labelledby="mix-heading" className="stack">
        <Heading level={2} data-size="xs" id="mix-heading">
          {t('catalogue.mix.heading')}
        </Heading>
        <MeasureMixBar course={d.mix.course} work={d.mix.work} />
      </section>
      <section aria-labelledby="list-heading" className="stack">
        <Heading level={2} data-size="sm" id="list-heading">
          {t('catalogue.page.measures', { count: d.measures.length })}
        </Heading>
        {d.measures.length === 0 ? (
          <Paragraph>{d.catalogue && (published || d.canWrite) ? t('catalogue.page.empty') : t('catalogue.page.notPublished')}</Paragraph>
        ) : (
          <Table>
            <caption className="visually-hidden">{t('catalogue.page.measures', { count: d.measures.length })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('catalogue.list.measure')}</Table.HeaderCell>
                <Table.HeaderCell>{t('catalogue.list.type')}</Table.HeaderCell>
                <Table.HeaderCell>{t('catalogue.list.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('catalogue.list.where')}</Table.HeaderCell>
                <Table.HeaderCell>{t('catalogue.list.places')}</Table.HeaderCell>
                <Table.HeaderCell>{t('catalogue.list.costs')}</Table.HeaderCell>
                {d.canWrite ? <Table.HeaderCell>{t('catalogue.list.status')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.measures.map((m) => (
                <Table.Row key={m.id}>
                  <Table.HeaderCell scope="row">
                    <Link to={`/catalogue/measures/${m.id}`}>{m.title}</Link>
                    {m.providerName ? <div>{m.providerName}</div> : null}
                    {m.areaName ? <div>{m.areaName}</div> : null}
                  </Table.HeaderCell>
                  <Table.Cell>{t(`measures.type.${m.type}` as 'measures.type.external_course')}</Table.Cell>
                  <Table.Cell>{m.endDate ? `${formatDate(m.startDate, language)} – ${formatDate(m.endDate, language)}` : t('catalogue.detail.ongoingFrom', { date: formatDate(m.startDate, language) })}</Table.Cell>
                  <Table.Cell>{[m.place, m.online ? t('catalogue.detail.online') : ''].filter(Boolean).join(', ')}</Table.Cell>
                  <Table.Cell>{t('catalogue.list.placesLeft', { left: m.placesLeft, capacity: m.capacity })}</Table.Cell>
                  <Table.Cell>
                    {t('catalogue.list.fee', { amount: formatNok(m.costNok, language) })}
                    <br />
                    {t('catalogue.list.substitute', { amount: formatNok(m.substituteCostNok, language) })}
                  </Table.Cell>
                  {d.canWrite ? (
                    <Table.Cell>
                      <Tag data-color={m.status === 'published' ? 'success' : 'neutral'}>{t(`catalogue.status.${m.status}` as 'catalogue.status.draft')}</Tag>
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>
      {d.region && d.regionMeasures.length ? (
        <section aria-labelledby="region-heading" className="stack">
          <Heading level={2} data-size="sm" id="region-heading">
            {t('catalogue.region.heading', { region: d.region.name })}
          </Heading>
          <Paragraph>{t('catalogue.region.intro')}</Paragraph>
          <Table>
            <caption className="visually-hidden">{t('catalogue.region.heading', { region: d.region.name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('catalogue.list.measure')}</Table.HeaderCell>
                <Table.HeaderCell>{t('catalogue.region.municipality')}</Table.HeaderCell>
                <Table.HeaderCell>{t('catalogue.list.type')}</Table.HeaderCell>
                <Table.HeaderCell>{t('catalogue.list.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('catalogue.list.where')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.regionMeasures.map((m) => (
                <Table.Row key={m.id}>
                  <Table.HeaderCell scope="row">
                    {m.title}
                    {m.providerName ? <div>{m.providerName}</div> : null}
                  </Table.HeaderCell>
                  <Table.Cell>{m.tenantName}</Table.Cell>
                  <Table.Cell>{t(`measures.type.${m.type}` as 'measures.type.external_course')}</Table.Cell>
                  <Table.Cell>{m.endDate ? `${formatDate(m.startDate, language)} – ${formatDate(m.endDate, language)}` : t('catalogue.detail.ongoingFrom', { date: formatDate(m.startDate, language) })}</Table.Cell>
                  <Table.Cell>{[m.place, m.online ? t('catalogue.detail.online') : ''].filter(Boolean).join(', ')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </section>
      ) : null}
    </div>
  );
}
