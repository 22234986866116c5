// /wheel/milestones/new?year= — add a milestone to a year's wheel (coordinators, tenant admins).
import { data, redirect, useActionData } from 'react-router';
import { Heading } from '@digdir/designsystemet-react';
import type { Route } from './+types/wheel.milestones.new';
import { getRequestInfo, getServices, getSessionState, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getMilestoneForm } from '../../core/annual-wheel/get-milestone-form.ts';
import { createMilestone } from '../../core/annual-wheel/create-milestone.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { formError } from '../components/form-errors.tsx';
import { EMPTY_MILESTONE, MilestoneForm, milestoneValuesFrom } from '../components/milestone-form.tsx';
import '../styles/org.css';
import '../styles/wheel.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const year = (d as { year?: number } | undefined)?.year;
    return [
      { label: t('wheel.nav.title'), to: '/wheel' },
      { label: t('wheel.form.newTitle', { year: year ?? '' }), to: `/wheel/milestones/new${year ? `?year=${year}` : ''}` },
    ];
  },
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const year = new URL(request.url).searchParams.get('year') ?? undefined;
  return runForPage(context, () => getMilestoneForm({ database: getServices(context).database, actor, year }));
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const year = new URL(request.url).searchParams.get('year') ?? String(new Date().getFullYear());
  const submitted = milestoneValuesFrom(form);
  const result = await runForForm(context, () =>
    createMilestone({ database: getServices(context).database, actor, year, input: submitted, language: getSessionState(context).language, requestId: getRequestInfo(context).requestId }),
  );
  if (result.ok) return redirect(`/wheel/milestones/${result.value.id}?saved=1`);
  return data({ result, submitted }, { status: STATUS_FOR[result.error.code] });
}

export default function NewMilestonePage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  return (
    <div className="stack">
      <title>{`${t('wheel.form.newTitle', { year: d.year })} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('wheel.form.newTitle', { year: d.year })}
      </Heading>
      <MilestoneForm mode="new" values={actionData?.submitted ?? EMPTY_MILESTONE(d.year)} units={d.units} error={error} cancelTo={`/wheel/milestones?year=${d.year}`} />
    </div>
  );
}
