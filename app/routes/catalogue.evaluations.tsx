// /catalogue/evaluations?year= — a leader's year-end evaluation: per unit they lead, each
// measure the unit used that year gets a rating (1–5) and a text, and each attendee's
// report-back to the unit is recorded (date, how). It feeds provider ratings and the next mapping.
import { data, Form, Link, useActionData } from 'react-router';
import { Alert, Button, Field, Heading, Label, Paragraph, Textarea } from '@digdir/designsystemet-react';
import type { Route } from './+types/catalogue.evaluations';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getYearEvaluation } from '../../core/catalogue/get-year-evaluation.ts';
import { saveYearEvaluation } from '../../core/catalogue/save-year-evaluation.ts';
import { recordReportBack } from '../../core/catalogue/record-report-back.ts';
import { cataloguePermissions } from '../../core/catalogue/catalogue-access.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { formError, FormErrorSummary } from '../components/form-errors.tsx';
import { SelectInput, TextInput } from '../components/form-field.tsx';
import { CatalogueNav } from '../components/catalogue-nav.tsx';
import { formatDate } from '../components/wheel-format.ts';
import '../styles/org.css';
import '../styles/wheel.css';
import '../styles/catalogue.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [
    { label: t('catalogue.nav.title'), to: '/catalogue' },
    { label: t('catalogue.evaluations.crumb'), to: '/catalogue/evaluations' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const year = new URL(request.url).searchParams.get('year') ?? undefined;
  const result = await runForPage(context, () => getYearEvaluation({ database: getServices(context).database, actor, year, requestId: getRequestInfo(context).requestId }));
  return { ...result, nav: cataloguePermissions(actor) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const s = (k: string) => String(form.get(k) ?? '');
  const database = getServices(context).database;
  const requestId = getRequestInfo(context).requestId;
  const result = await runForForm(context, async () => {
    if (s('intent') === 'reportBack') {
      await recordReportBack({ database, actor, input: { enrolmentId: s('enrolmentId'), reportBackDate: s('reportBackDate'), reportBackHow: s('reportBackHow'), version: s('version') }, requestId });
      return 'reportBack' as const;
    }
    await saveYearEvaluation({ database, actor, input: { measureId: s('measureId'), unitId: s('unitId'), year: s('year'), rating: s('rating'), text: s('text'), version: s('version') }, requestId });
    return 'evaluation' as const;
  });
  return data({ result, key: s('intent') === 'reportBack' ? s('enrolmentId') : `${s('unitId')}-${s('measureId')}` }, { status: result.ok ? 200 : STATUS_FOR[result.error.code] });
}

export default function EvaluationsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  return (
    <div className="stack">
      <title>{`${t('catalogue.evaluations.title', { year: d.year })} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('catalogue.evaluations.title', { year: d.year })}
      </Heading>
      <CatalogueNav nav={d.nav} />
      <div className="cluster no-print">
        <Link to={`/catalogue/evaluations?year=${d.year - 1}`}>{t('catalogue.evaluations.year', { year: d.year - 1 })}</Link>
        <Link to={`/catalogue/evaluations?year=${d.year + 1}`}>{t('catalogue.evaluations.year', { year: d.year + 1 })}</Link>
      </div>
      <Paragraph>{t('catalogue.evaluations.intro')}</Paragraph>
      {actionData?.result.ok ? (
        <Alert data-color="success" role="status">
          {t('catalogue.evaluations.saved')}
        </Alert>
      ) : null}
      <FormErrorSummary error={error} prefix="evaluation" />
      {d.units.map((u) => (
        <section key={u.unit.id} aria-labelledby={`unit-${u.unit.id}`} className="stack">
          <Heading level={2} data-size="sm" id={`unit-${u.unit.id}`}>
            {u.unit.name}
          </Heading>
          {u.measures.length === 0 ? <Paragraph>{t('catalogue.evaluations.noMeasures')}</Paragraph> : null}
          {u.measures.map((m) => {
            const p = `evaluation-${u.unit.id}-${m.id}`;
            return (
              <Form method="post" key={m.id} className="stack form-narrow" aria-labelledby={`${p}-h`}>
                <Heading level={3} data-size="xs" id={`${p}-h`}>
                  <Link to={`/catalogue/measures/${m.id}`}>{m.title}</Link>
                  {m.providerName ? ` (${m.providerName})` : ''}
                </Heading>
                <CsrfField />
                <input type="hidden" name="intent" value="evaluation" />
                <input type="hidden" name="measureId" value={m.id} />
                <input type="hidden" name="unitId" value={u.unit.id} />
                <input type="hidden" name="year" value={d.year} />
                <input type="hidden" name="version" value={m.evaluation?.version ?? ''} />
                <SelectInput prefix={p} name="rating" label={t('catalogue.evaluations.rating')} required defaultValue={m.evaluation ? String(m.evaluation.rating) : ''} emptyLabel={t('catalogue.evaluations.choose')} options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`catalogue.score.${n}` as 'catalogue.score.1') }))} />
                <Field className="form-field">
                  <Label htmlFor={`${p}-text`}>{t('catalogue.evaluations.text')}</Label>
                  <Textarea id={`${p}-text`} name="text" rows={2} defaultValue={m.evaluation?.text ?? ''} />
                </Field>
                <div className="cluster">
                  <Button type="submit" data-size="sm" variant="secondary">
                    {t('catalogue.evaluations.save')}
                  </Button>
                </div>
              </Form>
            );
          })}
          {u.attendees.length ? (
            <>
              <Heading level={3} data-size="xs">
                {t('catalogue.evaluations.reportBackHeading')}
              </Heading>
              {u.attendees.map((a) => {
                const p = `report-${a.id}`;
                return (
                  <Form method="post" key={a.id} className="stack form-narrow" aria-label={`${t('catalogue.evaluations.reportBackHeading')}: ${a.personName}, ${a.measureTitle}`}>
                    <Paragraph>
                      <strong>{a.personName}</strong>, {a.measureTitle}
                      {a.reportBackDate ? ` – ${t('catalogue.evaluations.reportedOn', { date: formatDate(a.reportBackDate, language), how: a.reportBackHow ?? '' })}` : ''}
                    </Paragraph>
                    <CsrfField />
                    <input type="hidden" name="intent" value="reportBack" />
                    <input type="hidden" name="enrolmentId" value={a.id} />
                    <input type="hidden" name="version" value={a.version} />
                    <TextInput prefix={p} name="reportBackDate" type="date" width="short" label={t('catalogue.evaluations.reportBackDate')} required defaultValue={a.reportBackDate ?? ''} />
                    <TextInput prefix={p} name="reportBackHow" label={t('catalogue.evaluations.reportBackHow')} required defaultValue={a.reportBackHow ?? ''} />
                    <div className="cluster">
                      <Button type="submit" data-size="sm" variant="secondary">
                        {t('catalogue.evaluations.saveReportBack')}
                      </Button>
                    </div>
                  </Form>
                );
              })}
            </>
          ) : null}
        </section>
      ))}
    </div>
  );
}
