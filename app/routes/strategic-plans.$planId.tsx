// /strategic-plans/:planId — a plan's overview: the seven steps with their progress, links to
// each step's guided page and to the printable plan, and (for coordinators) the plan's settings
// and the retirement assumptions of its analysis.
import { data, Form, Link, useActionData } from 'react-router';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Route } from './+types/strategic-plans.$planId';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getStrategicPlan } from '../../core/strategic-plan/get-strategic-plan.ts';
import { updatePlanSettings } from '../../core/strategic-plan/update-plan-settings.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, formError, FormErrorSummary } from '../components/form-errors.tsx';
import { SelectInput, TextInput } from '../components/form-field.tsx';
import { ProgressBar } from '../components/progress-bar.tsx';
import '../styles/org.css';
import '../styles/strategic-plan.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const p = (d as { plan?: { id: string; title: string } } | undefined)?.plan;
    return [{ label: t('strategicPlan.nav.title'), to: '/strategic-plans' }, ...(p ? [{ label: p.title, to: `/strategic-plans/${p.id}` }] : [])];
  },
};

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return runForPage(context, () => getStrategicPlan({ database: getServices(context).database, actor, planId: params.planId }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const input = Object.fromEntries(['version', 'title', 'status', 'retirementAge', 'earlyRetirementPercent'].map((k) => [k, String(form.get(k) ?? '')]));
  const result = await runForForm(context, () => updatePlanSettings({ database: getServices(context).database, actor, planId: params.planId, input, requestId: getRequestInfo(context).requestId }));
  return data({ result, submitted: input }, { status: result.ok ? 200 : STATUS_FOR[result.error.code] });
}

export default function StrategicPlanPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const p = d.plan;
  const nextStep = d.progress.next;
  return (
    <div className="stack">
      <title>{`${p.title} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {p.title}
      </Heading>
      <Paragraph>
        {t('strategicPlan.plan.period', { start: p.startYear, end: p.endYear })} · {p.scopeName ?? t('strategicPlan.list.wholeMunicipality')} · {t(`strategicPlan.status.${p.status}`)}
      </Paragraph>
      {actionData?.result.ok ? <Alert data-color="success">{t('strategicPlan.plan.saved')}</Alert> : null}
      <section className="stack" aria-labelledby="steps-heading">
        <Heading level={2} data-size="sm" id="steps-heading">
          {t('strategicPlan.plan.steps')}
        </Heading>
        <ProgressBar done={d.progress.done} total={d.progress.total} label={t('strategicPlan.plan.progress', { done: d.progress.done, total: d.progress.total })} />
        <Paragraph>{nextStep ? t('strategicPlan.plan.next', { step: `${nextStep}. ${t(`strategicPlan.steps.${nextStep}.name`)}` }) : t('strategicPlan.plan.allDone')}</Paragraph>
        <ol className="plan-steps">
          {d.steps.map((s) => (
            <li key={s.step}>
              <span className="plan-step__mark">{s.done ? `✓ ${t('strategicPlan.plan.done')}` : `○ ${t('strategicPlan.plan.notDone')}`}</span>
              <Link to={`/strategic-plans/${p.id}/steps/${s.step}`} className="ds-link">
                {t('strategicPlan.plan.stepLink', { step: s.step, name: t(`strategicPlan.steps.${s.step}.name`) })}
              </Link>
            </li>
          ))}
        </ol>
        <div className="cluster">
          <Link to={`/strategic-plans/${p.id}/print`} className="ds-button" data-variant="secondary" data-size="sm">
            {t('strategicPlan.plan.print')}
          </Link>
        </div>
      </section>
      {d.canWrite ? (
        <section className="stack plan-card" aria-labelledby="settings-heading">
          <Heading level={2} data-size="sm" id="settings-heading">
            {t('strategicPlan.plan.settings')}
          </Heading>
          <FormErrorSummary error={error} prefix="settings" />
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="version" value={p.version} />
            <TextInput prefix="settings" name="title" label={t('strategicPlan.form.title')} required defaultValue={p.title} error={fieldError(error, 'title')} />
            <SelectInput prefix="settings" name="status" label={t('strategicPlan.list.status')} required defaultValue={p.status} options={(['draft', 'adopted', 'archived'] as const).map((s) => ({ value: s, label: t(`strategicPlan.status.${s}`) }))} />
            <TextInput prefix="settings" name="retirementAge" type="number" inputMode="numeric" width="short" label={t('strategicPlan.plan.retirementAge')} description={t('strategicPlan.plan.retirementAgeHelp')} required defaultValue={p.retirementAge} error={fieldError(error, 'retirementAge')} />
            <TextInput prefix="settings" name="earlyRetirementPercent" type="number" inputMode="numeric" width="short" label={t('strategicPlan.plan.earlyPercent')} description={t('strategicPlan.plan.earlyPercentHelp')} required defaultValue={p.earlyRetirementPercent} error={fieldError(error, 'earlyRetirementPercent')} />
            <div>
              <Button type="submit">{t('strategicPlan.form.save')}</Button>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
