// /catalogue/measures/:measureId/feedback — the attendee's short feedback after the measure:
// what I learned, how useful it was (1–5), how I will share it with colleagues. Others are refused.
import { data, Form, redirect, useActionData } from 'react-router';
import { Button, Field, Fieldset, Heading, Label, Paragraph, Radio, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import type { Route } from './+types/catalogue.measures.$measureId.feedback';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getFeedbackForm } from '../../core/catalogue/get-feedback-form.ts';
import { giveFeedback } from '../../core/catalogue/give-feedback.ts';
import { cataloguePermissions } from '../../core/catalogue/catalogue-access.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, fieldId, formError, FormErrorSummary } from '../components/form-errors.tsx';
import { CatalogueNav } from '../components/catalogue-nav.tsx';
import '../styles/org.css';
import '../styles/wheel.css';
import '../styles/catalogue.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const m = (d as { measure?: { id: string; title: string } } | undefined)?.measure;
    return [{ label: t('catalogue.nav.title'), to: '/catalogue' }, ...(m ? [{ label: m.title, to: `/catalogue/measures/${m.id}` }, { label: t('catalogue.feedback.title'), to: `/catalogue/measures/${m.id}/feedback` }] : [])];
  },
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const result = await runForPage(context, () => getFeedbackForm({ database: getServices(context).database, actor, measureId: params.measureId }));
  return { ...result, nav: cataloguePermissions(actor) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const submitted = { learned: String(form.get('learned') ?? ''), usefulness: String(form.get('usefulness') ?? ''), sharing: String(form.get('sharing') ?? '') };
  const result = await runForForm(context, () => giveFeedback({ database: getServices(context).database, actor, measureId: params.measureId, input: submitted, requestId: getRequestInfo(context).requestId }));
  if (result.ok) return redirect(`/catalogue/measures/${params.measureId}?feedback=1`);
  return data({ result, submitted }, { status: STATUS_FOR[result.error.code] });
}

export default function FeedbackPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const v = actionData?.submitted;
  const p = 'feedback';
  return (
    <div className="stack">
      <title>{`${t('catalogue.feedback.title')}: ${d.measure.title} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('catalogue.feedback.title')}: {d.measure.title}
      </Heading>
      <CatalogueNav nav={d.nav} />
      {d.refusal ? (
        <Paragraph>{t(`catalogue.errors.${d.refusal}`)}</Paragraph>
      ) : (
        <Form method="post" className="stack form-narrow" noValidate>
          <CsrfField />
          <Paragraph>{t('catalogue.feedback.intro')}</Paragraph>
          <FormErrorSummary error={error} prefix={p} />
          <Field className="form-field">
            <Label htmlFor={fieldId(p, 'learned')}>{t('catalogue.feedback.learned')}</Label>
            <Textarea id={fieldId(p, 'learned')} name="learned" rows={3} required defaultValue={v?.learned ?? ''} aria-invalid={fieldError(error, 'learned') ? true : undefined} aria-describedby={fieldError(error, 'learned') ? `${fieldId(p, 'learned')}-error` : undefined} />
            {fieldError(error, 'learned') ? <ValidationMessage id={`${fieldId(p, 'learned')}-error`}>{fieldError(error, 'learned')}</ValidationMessage> : null}
          </Field>
          <Fieldset id={fieldId(p, 'usefulness')}>
            <Fieldset.Legend>{t('catalogue.feedback.usefulness')}</Fieldset.Legend>
            {fieldError(error, 'usefulness') ? <ValidationMessage>{fieldError(error, 'usefulness')}</ValidationMessage> : null}
            {[1, 2, 3, 4, 5].map((n) => (
              <Radio key={n} name="usefulness" value={String(n)} label={t(`catalogue.score.${n}` as 'catalogue.score.1')} defaultChecked={v?.usefulness === String(n)} />
            ))}
          </Fieldset>
          <Field className="form-field">
            <Label htmlFor={fieldId(p, 'sharing')}>{t('catalogue.feedback.sharing')}</Label>
            <Field.Description id={`${fieldId(p, 'sharing')}-desc`}>{t('catalogue.feedback.sharingHelp')}</Field.Description>
            <Textarea id={fieldId(p, 'sharing')} name="sharing" rows={3} required defaultValue={v?.sharing ?? ''} aria-invalid={fieldError(error, 'sharing') ? true : undefined} aria-describedby={`${fieldId(p, 'sharing')}-desc${fieldError(error, 'sharing') ? ` ${fieldId(p, 'sharing')}-error` : ''}`} />
            {fieldError(error, 'sharing') ? <ValidationMessage id={`${fieldId(p, 'sharing')}-error`}>{fieldError(error, 'sharing')}</ValidationMessage> : null}
          </Field>
          <div className="cluster">
            <Button type="submit">{t('catalogue.feedback.submit')}</Button>
          </div>
        </Form>
      )}
    </div>
  );
}
