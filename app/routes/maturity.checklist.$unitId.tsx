// /maturity/checklist/:unitId?year= — one unit's checklist: yes / partly / no and a comment per
// item. The unit's leaders and coordinators edit; tenant-wide readers see it read-only.
import { data, Form, Link, useActionData } from 'react-router';
import { Alert, Button, Heading, Paragraph, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import type { Route } from './+types/maturity.checklist.$unitId';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getChecklistForm } from '../../core/maturity/get-checklist-form.ts';
import { saveChecklist } from '../../core/maturity/save-checklist.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, fieldId, formError, FormErrorSummary } from '../components/form-errors.tsx';
import { MaturityNav } from '../components/maturity-nav.tsx';
import { useChecklistItemText } from '../components/checklist-item-text.tsx';
import '../styles/wheel.css';
import '../styles/maturity.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const x = d as Awaited<ReturnType<typeof loader>> | undefined;
    return [
      { label: t('maturity.tabs.checklist'), to: '/maturity/checklist' },
      ...(x ? [{ label: x.unit.name, to: `/maturity/checklist/${x.unit.id}?year=${x.year}` }] : []),
    ];
  },
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const year = new URL(request.url).searchParams.get('year') ?? undefined;
  return runForPage(context, () => getChecklistForm({ database: getServices(context).database, actor, year, unitId: params.unitId }));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const input = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  const year = new URL(request.url).searchParams.get('year') ?? String(form.get('year') ?? '');
  const result = await runForForm(context, () => saveChecklist({ database: getServices(context).database, actor, year, unitId: params.unitId, input, requestId: getRequestInfo(context).requestId }));
  if (result.ok) return data({ result, input });
  return data({ result, input }, { status: STATUS_FOR[result.error.code] });
}

const ANSWERS = ['yes', 'partly', 'no'] as const;

export default function ChecklistFormPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const itemText = useChecklistItemText();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const sent = !actionData?.result.ok ? actionData?.input : undefined;
  const title = t('maturity.checklist.formTitle', { unit: d.unit.name, year: d.year });
  return (
    <div className="stack">
      <title>{`${title} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <MaturityNav year={d.year} canManage={d.canManage} canSeeResults={d.canSeeResults} canChecklist={d.canChecklist} />
      <Link to={`/maturity/checklist?year=${d.year}`} className="ds-link">
        {t('maturity.checklist.back')}
      </Link>
      {actionData?.result.ok ? (
        <Alert data-color="success" role="status">
          {t('maturity.checklist.saved')}
        </Alert>
      ) : null}
      {!d.hasCycle ? <Alert data-color="info">{t('maturity.checklist.noCycle', { year: d.year })}</Alert> : null}
      {d.items.length === 0 ? <Paragraph>{t('maturity.checklist.noItems')}</Paragraph> : null}
      {d.canWrite ? <Paragraph>{t('maturity.checklist.formIntro')}</Paragraph> : <Paragraph>{t('maturity.checklist.readOnly')}</Paragraph>}
      {d.items.length > 0 ? (
        <Form method="post" className="stack" noValidate>
          <CsrfField />
          <input type="hidden" name="year" value={d.year} />
          <input type="hidden" name="version" value={d.version ?? ''} />
          <FormErrorSummary error={error} prefix="checklist" />
          <ol className="stack">
            {d.items.map((item) => {
              const answer = sent?.[`answer.${item.id}`] ?? d.answers[item.id]?.answer ?? '';
              const comment = sent?.[`comment.${item.id}`] ?? d.answers[item.id]?.comment ?? '';
              const answerError = fieldError(error, `answer.${item.id}`);
              const commentError = fieldError(error, `comment.${item.id}`);
              return (
                <li key={item.id} className="maturity-checklist-item stack">
                  <fieldset className="maturity-question stack" id={fieldId('checklist', `answer.${item.id}`)} disabled={!d.canWrite} aria-describedby={answerError ? `${item.id}-answer-error` : undefined}>
                    <legend>
                      <strong>{itemText(item)}</strong>
                    </legend>
                    {answerError ? <ValidationMessage id={`${item.id}-answer-error`}>{answerError}</ValidationMessage> : null}
                    <div className="maturity-scale">
                      {ANSWERS.map((a) => (
                        <label key={a}>
                          <input type="radio" name={`answer.${item.id}`} value={a} defaultChecked={answer === a} />
                          {t(`maturity.checklist.answer.${a}`)}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                  <Textarea
                    id={fieldId('checklist', `comment.${item.id}`)}
                    name={`comment.${item.id}`}
                    defaultValue={comment}
                    rows={2}
                    readOnly={!d.canWrite}
                    aria-label={`${t('maturity.checklist.comment')}: ${itemText(item)}`}
                    aria-invalid={commentError ? true : undefined}
                  />
                  {commentError ? <ValidationMessage>{commentError}</ValidationMessage> : null}
                </li>
              );
            })}
          </ol>
          {d.canWrite ? (
            <div className="cluster">
              <Button type="submit">{t('maturity.checklist.save')}</Button>
            </div>
          ) : null}
        </Form>
      ) : null}
    </div>
  );
}
