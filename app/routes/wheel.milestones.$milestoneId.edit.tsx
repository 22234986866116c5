// /wheel/milestones/:milestoneId/edit — change a milestone; a stale save (someone saved first)
// is refused and the form shows the saved values again.
import { type ShouldRevalidateFunction, data, redirect, useActionData } from 'react-router';
import { Alert, Heading } from '@digdir/designsystemet-react';
import type { Route } from './+types/wheel.milestones.$milestoneId.edit';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getMilestone } from '../../core/annual-wheel/get-milestone.ts';
import { updateMilestone } from '../../core/annual-wheel/update-milestone.ts';
import { authorize } from '../../core/shared/policy.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { formError } from '../components/form-errors.tsx';
import { MilestoneForm, milestoneValuesFrom, type MilestoneFormValues } from '../components/milestone-form.tsx';
import '../styles/org.css';
import '../styles/wheel.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const x = d as Awaited<ReturnType<typeof loader>> | undefined;
    return [
      { label: t('wheel.nav.title'), to: '/wheel' },
      ...(x ? [{ label: x.milestone.title, to: `/wheel/milestones/${x.milestone.id}` }, { label: t('wheel.detail.edit'), to: `/wheel/milestones/${x.milestone.id}/edit` }] : []),
    ];
  },
};

export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => (actionStatus === 409 ? true : defaultShouldRevalidate);

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return runForPage(context, async () => {
    authorize(actor, 'wheel.write', { tenantId: actor.tenantId });
    return getMilestone({ database: getServices(context).database, actor, milestoneId: params.milestoneId });
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const submitted = milestoneValuesFrom(form);
  const result = await runForForm(context, () =>
    updateMilestone({ database: getServices(context).database, actor, milestoneId: params.milestoneId, input: { ...submitted, version: form.get('version') }, requestId: getRequestInfo(context).requestId }),
  );
  if (result.ok) return redirect(`/wheel/milestones/${params.milestoneId}?saved=1`);
  return data({ result, submitted }, { status: STATUS_FOR[result.error.code] });
}

export default function EditMilestonePage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const stale = error?.code === 'STALE_VERSION';
  const m = d.milestone;
  const saved: MilestoneFormValues = {
    title: m.title,
    description: m.description,
    deadline: m.deadline,
    ownerRole: m.ownerRole,
    concerns: m.concerns,
    target: m.targetKind ? `kind:${m.targetKind}` : m.targetUnitIds.length ? 'units' : 'none',
    targetUnitIds: m.targetUnitIds,
    reminderOffsets: m.reminderOffsets.join(', '),
    overdueEveryDays: String(m.overdueEveryDays),
    escalateAfterDays: m.escalateAfterDays === null ? '' : String(m.escalateAfterDays),
  };
  return (
    <div className="stack">
      <title>{`${t('wheel.form.editTitle', { title: m.title })} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('wheel.form.editTitle', { title: m.title })}
      </Heading>
      {stale ? <Alert data-color="warning">{t('wheel.form.stale')}</Alert> : null}
      <MilestoneForm
        key={m.version}
        mode="edit"
        version={m.version}
        values={error && !stale && actionData?.submitted ? actionData.submitted : saved}
        units={d.unitOptions}
        error={stale ? null : error}
        cancelTo={`/wheel/milestones/${m.id}`}
      />
    </div>
  );
}
