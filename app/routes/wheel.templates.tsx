// /wheel/templates?year= — start a year's wheel from the Gloppen or Flora template. Refused
// (with a message) when the year already has a wheel.
import { data, Form, Link, redirect, useActionData } from 'react-router';
import { Alert, Button, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import type { Route } from './+types/wheel.templates';
import { getRequestInfo, getServices, getSessionState, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getTemplateChoices } from '../../core/annual-wheel/get-template-choices.ts';
import { applyWheelTemplate } from '../../core/annual-wheel/apply-wheel-template.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, formError, FormErrorSummary } from '../components/form-errors.tsx';
import { TextInput } from '../components/form-field.tsx';
import { WheelNav } from '../components/wheel-nav.tsx';
import { formatDate } from '../components/wheel-format.ts';
import '../styles/wheel.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [
    { label: t('wheel.nav.title'), to: '/wheel' },
    { label: t('wheel.templates.title'), to: '/wheel/templates' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const year = new URL(request.url).searchParams.get('year') ?? undefined;
  return runForPage(context, () => getTemplateChoices({ database: getServices(context).database, actor, year }));
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const input = { template: String(form.get('template') ?? ''), year: String(form.get('year') ?? '') };
  const result = await runForForm(context, () =>
    applyWheelTemplate({ database: getServices(context).database, actor, input, language: getSessionState(context).language, requestId: getRequestInfo(context).requestId }),
  );
  if (result.ok) return redirect(`/wheel?year=${result.value.year}`);
  return data({ result, input }, { status: STATUS_FOR[result.error.code] });
}

export default function TemplatesPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const chosen = actionData?.input.template ?? 'gloppen';
  return (
    <div className="stack">
      <title>{`${t('wheel.templates.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('wheel.templates.title')}
      </Heading>
      <WheelNav year={d.year} canWrite={d.canWrite} canReadLog={d.canReadLog} />
      <Paragraph>{t('wheel.templates.intro')}</Paragraph>
      {d.cycleExists ? (
        <Alert data-color="info">
          {t('wheel.errors.cycleExists', { year: d.year })}{' '}
          <Link to={`/wheel?year=${d.year}`} className="ds-link">
            {t('wheel.page.title', { year: d.year })}
          </Link>
        </Alert>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <FormErrorSummary error={error} prefix="template" />
        <Fieldset id="template-template">
          <Fieldset.Legend>{t('wheel.templates.template')}</Fieldset.Legend>
          {d.templates.map((tpl) => (
            <div key={tpl.id} className="stack" style={{ gap: '0.25rem' }}>
              <Radio name="template" value={tpl.id} label={t(`wheel.templates.${tpl.id}.name`)} description={t(`wheel.templates.${tpl.id}.summary`)} defaultChecked={chosen === tpl.id} />
              <ul>
                {tpl.milestones.map((m) => (
                  <li key={m.key}>
                    {formatDate(m.deadline, language)}: {t(`wheel.templates.${tpl.id}.${m.key}.title`)}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </Fieldset>
        <TextInput prefix="template" name="year" type="number" inputMode="numeric" width="short" label={t('wheel.templates.year')} description={t('wheel.templates.yearHelp')} defaultValue={actionData?.input.year ?? d.year} error={fieldError(error, 'year')} required />
        <div className="cluster">
          <Button type="submit">{t('wheel.templates.apply')}</Button>
        </div>
      </Form>
    </div>
  );
}
