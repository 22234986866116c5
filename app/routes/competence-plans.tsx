// /competence-plans — the municipal competence plans, newest year first (employees see only
// published plans); coordinators start the plan of a wheel year here, with its budget frame.
import { data, Form, Link, redirect, useActionData } from 'react-router';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Route } from './+types/competence-plans';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { listCompetencePlans } from '../../core/competence-plan/list-competence-plans.ts';
import { createCompetencePlan } from '../../core/competence-plan/create-competence-plan.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { numberFormat } from '../i18n/format.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, formError, FormErrorSummary } from '../components/form-errors.tsx';
import { SelectInput, TextInput } from '../components/form-field.tsx';
import '../styles/org.css';
import '../styles/competence-plan.css';

export const handle: BreadcrumbHandle = { breadcrumb: (_d, t) => ({ label: t('competencePlan.nav.title'), to: '/competence-plans' }) };

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return runForPage(context, () => listCompetencePlans({ database: getServices(context).database, actor }));
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const submitted = { year: String(form.get('year') ?? ''), title: String(form.get('title') ?? ''), budgetFrameNok: String(form.get('budgetFrameNok') ?? '') };
  const result = await runForForm(context, () => createCompetencePlan({ database: getServices(context).database, actor, input: submitted, requestId: getRequestInfo(context).requestId }));
  if (result.ok) return redirect(`/competence-plans/${result.value.id}`);
  return data({ result, submitted }, { status: STATUS_FOR[result.error.code] });
}

export default function CompetencePlansPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const nok = numberFormat(language, { maximumFractionDigits: 0 });
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const firstYear = d.yearsWithoutPlan[0];
  const values = actionData?.submitted ?? { year: firstYear ? String(firstYear) : '', title: firstYear ? `${t('competencePlan.nav.title')} ${firstYear}` : '', budgetFrameNok: '' };
  return (
    <div className="stack">
      <title>{`${t('competencePlan.list.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('competencePlan.list.title')}
      </Heading>
      <Paragraph>{t('competencePlan.list.intro')}</Paragraph>
      <p className="no-print">
        <Link to="/unit-plans" className="ds-link">
          {t('unitPlan.links.fromCompetencePlan')}
        </Link>
      </p>
      {d.plans.length === 0 ? (
        <Paragraph>{t('competencePlan.list.empty')}</Paragraph>
      ) : (
        <Table zebra>
          <caption className="visually-hidden">{t('competencePlan.list.title')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('competencePlan.list.plan')}</Table.HeaderCell>
              <Table.HeaderCell>{t('competencePlan.list.year')}</Table.HeaderCell>
              <Table.HeaderCell>{t('competencePlan.list.status')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('competencePlan.list.frame')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {d.plans.map((p) => (
              <Table.Row key={p.id}>
                <Table.Cell>
                  <Link to={`/competence-plans/${p.id}`} className="ds-link">
                    {p.title}
                  </Link>
                </Table.Cell>
                <Table.Cell>{p.year}</Table.Cell>
                <Table.Cell>{t(`competencePlan.status.${p.status}`)}</Table.Cell>
                <Table.Cell className="num">{p.budgetFrameNok === null ? '–' : `${nok.format(p.budgetFrameNok)} kr`}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {d.canCreate ? (
        <section className="stack cplan-card" aria-labelledby="new-competence-plan">
          <Heading level={2} data-size="sm" id="new-competence-plan">
            {t('competencePlan.list.new')}
          </Heading>
          {d.yearsWithoutPlan.length === 0 ? (
            <Paragraph>{t('competencePlan.list.noYears')}</Paragraph>
          ) : (
            <>
              <FormErrorSummary error={error} prefix="cplan" />
              <Form method="post" className="stack">
                <CsrfField />
                <SelectInput prefix="cplan" name="year" label={t('competencePlan.form.year')} required defaultValue={values.year} options={d.yearsWithoutPlan.map((y) => ({ value: String(y), label: String(y) }))} error={fieldError(error, 'year')} />
                <TextInput prefix="cplan" name="title" label={t('competencePlan.form.title')} required defaultValue={values.title} error={fieldError(error, 'title')} />
                <TextInput prefix="cplan" name="budgetFrameNok" inputMode="numeric" width="short" label={t('competencePlan.form.frame')} description={t('competencePlan.form.frameHelp')} defaultValue={values.budgetFrameNok} error={fieldError(error, 'budgetFrameNok')} />
                <div>
                  <Button type="submit">{t('competencePlan.form.create')}</Button>
                </div>
              </Form>
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
