// /mapping/units/:unitId?year= — a unit's mapping form for a wheel cycle, read-only and printable
// on one page: status, deadline and whether it is late, the joint discussion, the needs, sums and
// the measure mix; last cycle's form beside it. Leaders start it (empty or rolled over);
// coordinators return it with a comment or approve it.
import { data, Form, Link, redirect, useActionData, useSearchParams } from 'react-router';
import { Alert, Button, Heading, Paragraph, Textarea, Label, Field, ValidationMessage } from '@digdir/designsystemet-react';
import type { Route } from './+types/mapping.units.$unitId';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getMappingForm } from '../../core/mapping/get-mapping-form.ts';
import { startMappingForm } from '../../core/mapping/start-mapping-form.ts';
import { approveMappingForm } from '../../core/mapping/approve-mapping-form.ts';
import { returnMappingForm } from '../../core/mapping/return-mapping-form.ts';
import { can } from '../../core/shared/policy.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, fieldId, formError, FormErrorSummary } from '../components/form-errors.tsx';
import { FormReadView, FormStatusTag, MappingNav } from '../components/mapping-parts.tsx';
import { PersonPrintButton } from '../components/person-print-button.tsx';
import { formatDate } from '../components/wheel-format.ts';
import { formatDateTime } from './login.shared.tsx';
import { LastYearEvaluations } from '../components/last-year-evaluations.tsx';
import '../styles/org.css';
import '../styles/wheel.css';
import '../styles/mapping.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const x = d as Awaited<ReturnType<typeof loader>> | undefined;
    return [{ label: t('mapping.nav.title'), to: '/mapping' }, ...(x ? [{ label: x.page.unit.name, to: `/mapping/units/${x.page.unit.id}${x.page.cycle ? `?year=${x.page.cycle.year}` : ''}` }] : [])];
  },
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const year = new URL(request.url).searchParams.get('year');
  const page = await runForPage(context, () => getMappingForm({ database: getServices(context).database, actor, unitId: params.unitId, year, requestId: getRequestInfo(context).requestId }));
  return { page, canOverview: can(actor, 'mapping.overview', { tenantId: actor.tenantId }) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const year = String(form.get('year') ?? '');
  const database = getServices(context).database;
  const requestId = getRequestInfo(context).requestId;
  const back = (flag: string) => redirect(`/mapping/units/${params.unitId}?year=${encodeURIComponent(year)}&${flag}=1`);
  if (intent === 'start' || intent === 'rollOver') {
    const result = await runForForm(context, () => startMappingForm({ database, actor, unitId: params.unitId, input: { year, rollOver: intent === 'rollOver' }, requestId }));
    if (result.ok) return redirect(`/mapping/units/${params.unitId}/edit?year=${encodeURIComponent(year)}&started=1`);
    return data({ result, intent }, { status: STATUS_FOR[result.error.code] });
  }
  const formId = String(form.get('formId') ?? '');
  const version = String(form.get('version') ?? '');
  const result =
    intent === 'approve'
      ? await runForForm(context, () => approveMappingForm({ database, actor, formId, input: { version }, requestId }))
      : await runForForm(context, () => returnMappingForm({ database, actor, formId, input: { version, comment: String(form.get('comment') ?? '') }, requestId }));
  if (result.ok) return back(intent === 'approve' ? 'approved' : 'returned');
  return data({ result, intent }, { status: STATUS_FOR[result.error.code] });
}

export default function MappingFormPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const d = loaderData.page;
  const year = d.cycle?.year;
  const title = t('mapping.form.title', { unit: d.unit.name });
  const shown = d.form ? d.form.status : d.formHidden ? null : d.lateness === 'late' ? 'late' : 'missing';
  return (
    <div className="stack">
      <title>{`${title} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <MappingNav canOverview={loaderData.canOverview} />
      {params.get('approved') ? <Alert data-color="success" role="status">{t('mapping.form.approved')}</Alert> : null}
      {params.get('returned') ? <Alert data-color="success" role="status">{t('mapping.form.returned')}</Alert> : null}
      {params.get('submitted') ? <Alert data-color="success" role="status">{t('mapping.form.submitted')}</Alert> : null}
      <FormErrorSummary error={error} prefix="decide" />
      {d.years.length > 1 ? (
        <Form method="get" className="cluster no-print">
          <Field>
            <Label htmlFor="year-select">{t('mapping.form.chooseCycle')}</Label>
            <select id="year-select" name="year" defaultValue={year} className="ds-input">
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
      ) : (
        <>
          <dl className="facts">
            <dt>{t('mapping.form.cycle')}</dt>
            <dd>{d.cycle.title}</dd>
            <dt>{t('mapping.form.deadline')}</dt>
            <dd>
              {d.milestone ? (
                <>
                  <Link to={`/wheel/milestones/${d.milestone.id}`}>{formatDate(d.milestone.deadline, language)}</Link> ({t(`mapping.lateness.${d.lateness}`)})
                </>
              ) : (
                t('mapping.form.noMilestone')
              )}
            </dd>
            {shown ? (
              <>
                <dt>{t('mapping.form.status')}</dt>
                <dd>
                  <FormStatusTag status={shown} />
                  {d.form?.submittedAt ? ` ${t('mapping.form.submittedAt')} ${formatDateTime(d.form.submittedAt, language)}` : null}
                </dd>
              </>
            ) : null}
          </dl>
          {d.form?.returnComment && d.form.status === 'returned' ? (
            <Alert data-color="warning">
              <Heading level={2} data-size="xs">
                {t('mapping.form.returnComment')}
              </Heading>
              <Paragraph style={{ whiteSpace: 'pre-line' }}>{d.form.returnComment}</Paragraph>
            </Alert>
          ) : null}
          {d.formHidden ? <Paragraph>{t('mapping.form.hidden')}</Paragraph> : null}
          {!d.form && !d.formHidden ? <Paragraph>{t('mapping.form.noForm', { year: d.cycle.year })}</Paragraph> : null}
          {d.canStart ? (
            <div className="stack no-print">
              {d.canRollOver && d.previous ? (
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="year" value={d.cycle.year} />
                  <input type="hidden" name="intent" value="rollOver" />
                  <Paragraph data-size="sm">{t('mapping.form.rollOverHint')}</Paragraph>
                  <Button type="submit">{t('mapping.form.rollOver', { year: d.previous.year })}</Button>
                </Form>
              ) : null}
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="year" value={d.cycle.year} />
                <input type="hidden" name="intent" value="start" />
                <Button type="submit" variant={d.canRollOver ? 'secondary' : 'primary'}>
                  {t('mapping.form.start')}
                </Button>
              </Form>
            </div>
          ) : null}
          {d.form ? (
            <>
              <div className="cluster no-print">
                {d.canEdit ? (
                  <Link to={`/mapping/units/${d.unit.id}/edit?year=${d.cycle.year}`} className="ds-button" data-variant="primary" data-size="sm">
                    {t('mapping.form.edit')}
                  </Link>
                ) : null}
                <PersonPrintButton />
              </div>
              {d.form.rolledOver ? <Paragraph data-size="sm">{t('mapping.form.rolledOver')}</Paragraph> : null}
              <section aria-labelledby="form-needs-heading" className="stack">
                <Heading level={2} data-size="sm" id="form-needs-heading">
                  {t('mapping.form.needs')}
                </Heading>
                <FormReadView form={d.form} caption={t('mapping.form.needs')} />
              </section>
            </>
          ) : null}
          {d.canDecide && d.form ? (
            <section aria-labelledby="decide-heading" className="stack no-print decide">
              <Heading level={2} data-size="sm" id="decide-heading">
                {t('mapping.form.decide')}
              </Heading>
              {d.form.status === 'submitted' ? (
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="year" value={d.cycle.year} />
                  <input type="hidden" name="intent" value="approve" />
                  <input type="hidden" name="formId" value={d.form.id} />
                  <input type="hidden" name="version" value={d.form.version} />
                  <Button type="submit">{t('mapping.form.approve')}</Button>
                </Form>
              ) : null}
              <Form method="post" className="stack">
                <CsrfField />
                <input type="hidden" name="year" value={d.cycle.year} />
                <input type="hidden" name="intent" value="return" />
                <input type="hidden" name="formId" value={d.form.id} />
                <input type="hidden" name="version" value={d.form.version} />
                <Field>
                  <Label htmlFor={fieldId('decide', 'comment')}>{t('mapping.form.comment')}</Label>
                  <Textarea id={fieldId('decide', 'comment')} name="comment" rows={3} aria-invalid={fieldError(error, 'comment') ? true : undefined} aria-describedby={fieldError(error, 'comment') ? `${fieldId('decide', 'comment')}-error` : undefined} />
                  {fieldError(error, 'comment') ? <ValidationMessage id={`${fieldId('decide', 'comment')}-error`}>{fieldError(error, 'comment')}</ValidationMessage> : null}
                </Field>
                <div>
                  <Button type="submit" variant="secondary">
                    {t('mapping.form.return')}
                  </Button>
                </div>
              </Form>
            </section>
          ) : null}
          <section aria-labelledby="previous-heading" className="stack no-print previous">
            <Heading level={2} data-size="sm" id="previous-heading">
              {d.previous ? t('mapping.form.previous', { year: d.previous.year }) : t('mapping.form.previous', { year: d.cycle.year - 1 })}
            </Heading>
            {d.previous ? (
              <>
                <FormStatusTag status={d.previous.form.status} />
                <FormReadView form={d.previous.form} caption={t('mapping.form.previous', { year: d.previous.year })} />
              </>
            ) : (
              <Paragraph data-size="sm">{t('mapping.form.noPrevious')}</Paragraph>
            )}
          </section>
          {d.lastYearEvaluations ? <LastYearEvaluations data={d.lastYearEvaluations} /> : null}
          <ul className="no-print">
            <li>
              <Link to={`/mapping/units/${d.unit.id}/basis`}>{t('mapping.form.basisLink')}</Link>
            </li>
            <li>
              <Link to={`/mapping/offers?unit=${d.unit.id}`}>{t('mapping.form.offersLink')}</Link>
            </li>
          </ul>
        </>
      )}
    </div>
  );
}
