// /maturity/survey — answer the self-assessment survey: one page, plain language, every question
// a native radio group (arrow keys move, space chooses), skippable; anonymous (see docs/maturity.md).
import { data, Form, useActionData } from 'react-router';
import { Alert, Button, Heading, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import type { Route } from './+types/maturity.survey';
import { getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getSurveyForm } from '../../core/maturity/get-survey-form.ts';
import { submitSurveyResponse } from '../../core/maturity/submit-survey-response.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, fieldId, formError, FormErrorSummary } from '../components/form-errors.tsx';
import { MaturityNav } from '../components/maturity-nav.tsx';
import '../styles/wheel.css';
import '../styles/maturity.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [{ label: t('maturity.survey.title'), to: '/maturity/survey' }],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return runForPage(context, () => getSurveyForm({ database: getServices(context).database, actor }));
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const roundId = String(form.get('roundId') ?? '');
  const input = Object.fromEntries([...form.entries()].filter(([k]) => k !== 'roundId' && k !== '_csrf').map(([k, v]) => [k, String(v)]));
  const result = await runForForm(context, () => submitSurveyResponse({ database: getServices(context).database, actor, roundId, input }));
  if (result.ok) return data({ result, roundId });
  return data({ result, roundId }, { status: STATUS_FOR[result.error.code] });
}

export default function SurveyPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const year = d.rounds[0]?.year ?? new Date().getFullYear();
  const sections = ['priority', 'sector', 'system'] as const;
  return (
    <div className="stack">
      <title>{`${t('maturity.survey.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('maturity.survey.title')}
      </Heading>
      <MaturityNav year={year} canManage={d.canManage} canSeeResults={d.canSeeResults} canChecklist={d.canChecklist} />
      {actionData?.result.ok ? (
        <Alert data-color="success" role="status">
          {t('maturity.survey.sent')}
        </Alert>
      ) : null}
      <Paragraph>{t('maturity.survey.intro')}</Paragraph>
      <Alert data-color="info">{t('maturity.survey.anonymous')}</Alert>
      {d.rounds.length === 0 ? <Paragraph>{t('maturity.survey.none')}</Paragraph> : null}
      {d.rounds.map((round) =>
        round.answered ? (
          <Paragraph key={round.id}>{t('maturity.survey.answered', { title: round.title })}</Paragraph>
        ) : (
          <Form key={round.id} method="post" className="stack" noValidate aria-labelledby={`round-${round.id}`}>
            <Heading level={2} data-size="md" id={`round-${round.id}`}>
              {round.title}
            </Heading>
            <CsrfField />
            <input type="hidden" name="roundId" value={round.id} />
            {actionData?.roundId === round.id ? <FormErrorSummary error={error} prefix="survey" /> : null}
            {sections.map((section) => (
              <section key={section} className="stack" aria-labelledby={`${round.id}-${section}`}>
                <Heading level={3} data-size="sm" id={`${round.id}-${section}`}>
                  {t(`maturity.sections.${section}`)}
                </Heading>
                {d.questions
                  .filter((q) => q.section === section)
                  .map((q) => {
                    const err = actionData?.roundId === round.id ? fieldError(error, q.key) : undefined;
                    const values = q.kind === 'scale' ? Array.from({ length: d.scale.max - d.scale.min + 1 }, (_, i) => String(d.scale.min + i)) : ['yes', 'no'];
                    return (
                      <fieldset key={q.key} className="maturity-question stack" id={fieldId('survey', q.key)} aria-describedby={err ? `${q.key}-error` : q.kind === 'scale' ? `${round.id}-${q.key}-help` : undefined}>
                        <legend>
                          <strong>{t(`maturity.questions.${q.key}`)}</strong>
                        </legend>
                        {q.kind === 'scale' ? (
                          <Paragraph data-size="sm" id={`${round.id}-${q.key}-help`}>
                            {t('maturity.survey.scaleHelp')}
                          </Paragraph>
                        ) : null}
                        {err ? (
                          <ValidationMessage id={`${q.key}-error`}>{err}</ValidationMessage>
                        ) : null}
                        <div className="maturity-scale">
                          {values.map((v) => (
                            <label key={v}>
                              <input type="radio" name={q.key} value={v} />
                              {q.kind === 'scale' ? v : t(`maturity.survey.${v as 'yes' | 'no'}`)}
                            </label>
                          ))}
                          <label>
                            <input type="radio" name={q.key} value="" defaultChecked />
                            {t('maturity.survey.skip')}
                          </label>
                        </div>
                      </fieldset>
                    );
                  })}
              </section>
            ))}
            <Paragraph>{t('maturity.survey.once')}</Paragraph>
            <div className="cluster">
              <Button type="submit">{t('maturity.survey.submit')}</Button>
            </div>
          </Form>
        ),
      )}
    </div>
  );
}
