// /roster/units/:unitId/new — the leader starts a roster period for a unit: name, start
// (a Monday), rotation length in weeks, the wish deadline and the publishing lead time.
import { data, Form, redirect, useActionData } from 'react-router';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Route } from './+types/roster.units.$unitId.new';
import { getRequestInfo, getServices, getSessionState, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { createRosterPeriod } from '../../core/roster/create-roster-period.ts';
import { getNewRosterPeriodForm } from '../../core/roster/get-new-roster-period-form.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, formError, FormErrorSummary } from '../components/form-errors.tsx';
import { TextInput } from '../components/form-field.tsx';
import '../styles/roster.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const unit = (d as { unit?: { id: string; name: string } } | undefined)?.unit;
    return [{ label: t('roster.title'), to: '/roster' }, ...(unit ? [{ label: t('roster.home.newPeriodFor', { unit: unit.name }), to: `/roster/units/${unit.id}/new` }] : [])];
  },
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return runForPage(context, () => getNewRosterPeriodForm({ database: getServices(context).database, actor, unitId: params.unitId }));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const input = {
    name: String(form.get('name') ?? ''),
    startDate: String(form.get('startDate') ?? ''),
    weeks: String(form.get('weeks') ?? ''),
    wishDeadline: String(form.get('wishDeadline') ?? ''),
    publishLeadDays: String(form.get('publishLeadDays') ?? ''),
    ...(form.get('ruleSetId') ? { ruleSetId: String(form.get('ruleSetId')) } : {}),
  };
  const result = await runForForm(context, () => createRosterPeriod({ database: getServices(context).database, actor, unitId: params.unitId, input, language: getSessionState(context).language, requestId: getRequestInfo(context).requestId }));
  if (result.ok) return redirect(`/roster/periods/${result.value.id}/setup?${result.value.wheelMilestoneId ? 'wheel=added' : `wheel=noCycle&year=${result.value.wishDeadlineYear}`}`);
  return data({ result, input }, { status: STATUS_FOR[result.error.code] });
}

export default function NewRosterPeriodPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const v = actionData?.input ?? d.suggestion;
  const title = t('roster.home.newPeriodFor', { unit: d.unit.name });
  return (
    <div className="stack">
      <title>{`${title} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <Paragraph>{t('roster.period.createIntro')}</Paragraph>
      <FormErrorSummary error={error} prefix="period" />
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <TextInput prefix="period" name="name" label={t('roster.period.name')} required defaultValue={v.name} error={fieldError(error, 'name')} />
        <TextInput prefix="period" name="startDate" type="date" label={t('roster.period.startDate')} description={t('roster.period.startDateHelp')} required defaultValue={v.startDate} error={fieldError(error, 'startDate')} width="short" />
        <TextInput prefix="period" name="weeks" type="number" inputMode="numeric" label={t('roster.period.weeks')} description={t('roster.period.weeksHelp')} required defaultValue={v.weeks} error={fieldError(error, 'weeks')} width="short" />
        <TextInput prefix="period" name="wishDeadline" type="date" label={t('roster.period.wishDeadline')} description={t('roster.period.wishDeadlineHelp')} required defaultValue={v.wishDeadline} error={fieldError(error, 'wishDeadline')} width="short" />
        <TextInput prefix="period" name="publishLeadDays" type="number" inputMode="numeric" label={t('roster.period.publishLeadDays')} description={t('roster.period.publishLeadDaysHelp')} required defaultValue={v.publishLeadDays} error={fieldError(error, 'publishLeadDays')} width="short" />
        <div className="cluster">
          <Button type="submit">{t('roster.period.create')}</Button>
        </div>
      </Form>
    </div>
  );
}
