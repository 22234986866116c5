// /maturity/checklist?year= — the checklist for competence development: every unit the actor may
// see with its summary, the municipality's summary per item (chart and table), and for
// coordinators the items (start from the seed's list, add own, remove).
import { data, Form, Link, useActionData } from 'react-router';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Route } from './+types/maturity.checklist';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getChecklistOverview } from '../../core/maturity/get-checklist-overview.ts';
import { applyChecklistTemplate } from '../../core/maturity/apply-checklist-template.ts';
import { addChecklistItem } from '../../core/maturity/add-checklist-item.ts';
import { archiveChecklistItem } from '../../core/maturity/archive-checklist-item.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { numberFormat } from '../i18n/format.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, formError, FormErrorSummary } from '../components/form-errors.tsx';
import { TextInput } from '../components/form-field.tsx';
import { MaturityNav } from '../components/maturity-nav.tsx';
import { StackedBarsChart } from '../components/maturity-charts.tsx';
import { useChecklistItemText } from '../components/checklist-item-text.tsx';
import '../styles/wheel.css';
import '../styles/maturity.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [
    { label: t('maturity.nav.title'), to: '/maturity' },
    { label: t('maturity.tabs.checklist'), to: '/maturity/checklist' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const year = new URL(request.url).searchParams.get('year') ?? undefined;
  return runForPage(context, () => getChecklistOverview({ database: getServices(context).database, actor, year }));
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const database = getServices(context).database;
  const requestId = getRequestInfo(context).requestId;
  const intent = String(form.get('intent') ?? '');
  const result = await runForForm(context, async () => {
    if (intent === 'template') await applyChecklistTemplate({ database, actor, requestId });
    else if (intent === 'add') await addChecklistItem({ database, actor, input: { text: String(form.get('text') ?? '') }, requestId });
    else await archiveChecklistItem({ database, actor, input: { itemId: String(form.get('itemId') ?? ''), version: String(form.get('version') ?? '') }, requestId });
    return intent;
  });
  if (result.ok) return data({ result, intent });
  return data({ result, intent }, { status: STATUS_FOR[result.error.code] });
}

export default function ChecklistOverviewPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const pct = numberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const itemText = useChecklistItemText();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const done = actionData?.result.ok ? actionData.intent : null;
  return (
    <div className="stack">
      <title>{`${t('maturity.checklist.title', { year: d.year })} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('maturity.checklist.title', { year: d.year })}
      </Heading>
      <MaturityNav year={d.year} canManage={d.canManage} canSeeResults={d.canSeeResults} canChecklist={d.canChecklist} />
      <Paragraph>{t('maturity.checklist.intro')}</Paragraph>
      {done ? (
        <Alert data-color="success" role="status">
          {done === 'template' ? t('maturity.checklist.templateApplied') : done === 'add' ? t('maturity.checklist.added') : t('maturity.checklist.archived')}
        </Alert>
      ) : null}
      {!d.hasCycle ? (
        <Alert data-color="info">
          {t('maturity.checklist.noCycle', { year: d.year })}{' '}
          <Link to={`/wheel?year=${d.year}`} className="ds-link">
            {t('wheel.page.title', { year: d.year })}
          </Link>
        </Alert>
      ) : null}
      {d.items.length === 0 ? <Paragraph>{t('maturity.checklist.noItems')}</Paragraph> : null}

      {d.units.length > 0 && d.items.length > 0 ? (
        <section aria-labelledby="units-heading" className="stack">
          <Heading level={2} data-size="sm" id="units-heading">
            {t('maturity.checklist.unitsHeading')}
          </Heading>
          <Paragraph data-size="sm">{t('maturity.checklist.scoreHelp')}</Paragraph>
          <Table data-size="sm">
            <caption className="visually-hidden">{t('maturity.checklist.unitsHeading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('maturity.checklist.unit')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('maturity.checklist.answer.yes')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('maturity.checklist.answer.partly')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('maturity.checklist.answer.no')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('maturity.checklist.answer.unanswered')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('maturity.checklist.score')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">
                  <span className="visually-hidden">{t('maturity.checklist.actions')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.units.map((u) => (
                <Table.Row key={u.id} data-testid={`unit-${u.id}`}>
                  <Table.HeaderCell scope="row" style={{ paddingInlineStart: `${0.5 + (u.depth - 1) * 1.25}rem` }}>
                    {u.name}
                  </Table.HeaderCell>
                  {u.submitted ? (
                    <>
                      <Table.Cell>{u.summary.yes}</Table.Cell>
                      <Table.Cell>{u.summary.partly}</Table.Cell>
                      <Table.Cell>{u.summary.no}</Table.Cell>
                      <Table.Cell>{u.summary.unanswered}</Table.Cell>
                      <Table.Cell>{u.summary.score === null ? '–' : pct.format(u.summary.score)}</Table.Cell>
                    </>
                  ) : (
                    <Table.Cell colSpan={5}>{t('maturity.checklist.notSubmitted')}</Table.Cell>
                  )}
                  <Table.Cell>
                    {d.hasCycle ? (
                      <Link to={`/maturity/checklist/${u.id}?year=${d.year}`} className="ds-link">
                        {u.canWrite ? t('maturity.checklist.fill', { unit: u.name }) : t('maturity.checklist.view', { unit: u.name })}
                      </Link>
                    ) : null}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </section>
      ) : null}

      {d.municipality && d.items.length > 0 ? (
        <section aria-labelledby="municipality-heading" className="stack">
          <Heading level={2} data-size="sm" id="municipality-heading">
            {d.tenantWide ? t('maturity.checklist.municipalityHeading') : t('maturity.checklist.unitsHeading')}
          </Heading>
          <Paragraph data-testid="submitted-of">{t('maturity.checklist.submittedOf', { submitted: d.municipality.submitted, units: d.municipality.units })}</Paragraph>
          {d.municipality.score !== null ? <Paragraph>{t('maturity.checklist.municipalityScore', { score: pct.format(d.municipality.score) })}</Paragraph> : null}
          {d.municipality.submitted > 0 ? (
            <>
              <StackedBarsChart
                title={t('maturity.checklist.svgTitle')}
                desc={t('maturity.checklist.svgDesc')}
                labelWidth={90}
                rows={d.municipality.items.map((i, n) => ({
                  label: `${t('maturity.checklist.item')} ${n + 1}`,
                  parts: [
                    { label: t('maturity.checklist.answer.yes'), value: i.yes },
                    { label: t('maturity.checklist.answer.partly'), value: i.partly },
                    { label: t('maturity.checklist.answer.no'), value: i.no },
                  ],
                  hiddenText: '',
                }))}
              />
              <Table data-size="sm">
                <caption className="visually-hidden">{t('maturity.checklist.svgTitle')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('maturity.checklist.item')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('maturity.checklist.answer.yes')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('maturity.checklist.answer.partly')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('maturity.checklist.answer.no')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {d.municipality.items.map((i, n) => {
                    const item = d.items.find((x) => x.id === i.itemId)!;
                    return (
                      <Table.Row key={i.itemId}>
                        <Table.HeaderCell scope="row">{`${n + 1}. ${itemText(item)}`}</Table.HeaderCell>
                        <Table.Cell>{i.yes}</Table.Cell>
                        <Table.Cell>{i.partly}</Table.Cell>
                        <Table.Cell>{i.no}</Table.Cell>
                      </Table.Row>
                    );
                  })}
                </Table.Body>
              </Table>
            </>
          ) : null}
        </section>
      ) : null}

      {d.canManage ? (
        <section aria-labelledby="items-heading" className="stack">
          <Heading level={2} data-size="sm" id="items-heading">
            {t('maturity.checklist.itemsHeading')}
          </Heading>
          <FormErrorSummary error={error} prefix="item" />
          {d.items.length === 0 ? (
            <Form method="post" className="stack">
              <CsrfField />
              <input type="hidden" name="intent" value="template" />
              <Paragraph>{t('maturity.checklist.templateHelp')}</Paragraph>
              <div className="cluster">
                <Button type="submit">{t('maturity.checklist.template')}</Button>
              </div>
            </Form>
          ) : (
            <ol className="stack">
              {d.items.map((item) => (
                <li key={item.id}>
                  <div className="cluster">
                    <span>{itemText(item)}</span>
                    <Form method="post">
                      <CsrfField />
                      <input type="hidden" name="intent" value="archive" />
                      <input type="hidden" name="itemId" value={item.id} />
                      <input type="hidden" name="version" value={item.version} />
                      <Button type="submit" variant="tertiary" data-size="sm" aria-label={t('maturity.checklist.archive', { item: itemText(item) })}>
                        {t('maturity.checklist.archiveShort')}
                      </Button>
                    </Form>
                  </div>
                </li>
              ))}
            </ol>
          )}
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="add" />
            <TextInput prefix="item" name="text" label={t('maturity.checklist.itemText')} error={fieldError(error, 'text')} required />
            <div className="cluster">
              <Button type="submit" variant="secondary">
                {t('maturity.checklist.addItem')}
              </Button>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
