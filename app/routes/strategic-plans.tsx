// /strategic-plans — the strategic competence and staffing plans (KS method) with their
// progress through the seven steps; coordinators and administrators start a new plan here.
import { data, Form, Link, redirect, useActionData } from 'react-router';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Route } from './+types/strategic-plans';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { listStrategicPlans } from '../../core/strategic-plan/list-strategic-plans.ts';
import { createStrategicPlan } from '../../core/strategic-plan/create-strategic-plan.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, formError, FormErrorSummary } from '../components/form-errors.tsx';
import { SelectInput, TextInput } from '../components/form-field.tsx';
import '../styles/org.css';
import '../styles/strategic-plan.css';

export const handle: BreadcrumbHandle = { breadcrumb: (_d, t) => ({ label: t('strategicPlan.nav.title'), to: '/strategic-plans' }) };

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return runForPage(context, () => listStrategicPlans({ database: getServices(context).database, actor }));
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const submitted = { title: String(form.get('title') ?? ''), startYear: String(form.get('startYear') ?? ''), horizonYears: String(form.get('horizonYears') ?? ''), scopeUnitId: String(form.get('scopeUnitId') ?? '') };
  const result = await runForForm(context, () => createStrategicPlan({ database: getServices(context).database, actor, input: submitted, requestId: getRequestInfo(context).requestId }));
  if (result.ok) return redirect(`/strategic-plans/${result.value.id}`);
  return data({ result, submitted }, { status: STATUS_FOR[result.error.code] });
}

export default function StrategicPlansPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const values = actionData?.submitted ?? { title: '', startYear: String(d.currentYear + 1), horizonYears: '4', scopeUnitId: '' };
  return (
    <div className="stack">
      <title>{`${t('strategicPlan.list.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('strategicPlan.list.title')}
      </Heading>
      <Paragraph>{t('strategicPlan.list.intro')}</Paragraph>
      {d.plans.length === 0 ? (
        <Paragraph>{t('strategicPlan.list.empty')}</Paragraph>
      ) : (
        <Table zebra>
          <caption className="visually-hidden">{t('strategicPlan.list.title')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('strategicPlan.list.plan')}</Table.HeaderCell>
              <Table.HeaderCell>{t('strategicPlan.list.period')}</Table.HeaderCell>
              <Table.HeaderCell>{t('strategicPlan.list.scope')}</Table.HeaderCell>
              <Table.HeaderCell>{t('strategicPlan.list.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('strategicPlan.list.progress')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {d.plans.map((p) => (
              <Table.Row key={p.id}>
                <Table.Cell>
                  <Link to={`/strategic-plans/${p.id}`} className="ds-link">
                    {p.title}
                  </Link>
                </Table.Cell>
                <Table.Cell>{t('strategicPlan.plan.period', { start: p.startYear, end: p.endYear })}</Table.Cell>
                <Table.Cell>{p.scopeName ?? t('strategicPlan.list.wholeMunicipality')}</Table.Cell>
                <Table.Cell>{t(`strategicPlan.status.${p.status}`)}</Table.Cell>
                <Table.Cell>{t('strategicPlan.list.progressValue', { done: p.doneSteps, total: p.totalSteps })}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {d.canWrite ? (
        <section className="stack plan-card" aria-labelledby="new-plan">
          <Heading level={2} data-size="sm" id="new-plan">
            {t('strategicPlan.list.new')}
          </Heading>
          <FormErrorSummary error={error} prefix="plan" />
          <Form method="post" className="stack">
            <CsrfField />
            <TextInput prefix="plan" name="title" label={t('strategicPlan.form.title')} required defaultValue={values.title} error={fieldError(error, 'title')} />
            <TextInput prefix="plan" name="startYear" type="number" inputMode="numeric" width="short" label={t('strategicPlan.form.startYear')} required defaultValue={values.startYear} error={fieldError(error, 'startYear')} />
            <TextInput prefix="plan" name="horizonYears" type="number" inputMode="numeric" width="short" label={t('strategicPlan.form.horizonYears')} description={t('strategicPlan.form.horizonHelp')} required defaultValue={values.horizonYears} error={fieldError(error, 'horizonYears')} />
            <SelectInput
              prefix="plan"
              name="scopeUnitId"
              label={t('strategicPlan.form.scope')}
              defaultValue={values.scopeUnitId}
              options={[{ value: '', label: t('strategicPlan.list.wholeMunicipality') }, ...d.serviceAreas.map((u) => ({ value: u.id, label: u.name }))]}
              error={fieldError(error, 'scopeUnitId')}
            />
            <div>
              <Button type="submit">{t('strategicPlan.form.create')}</Button>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
