// /wheel/region/:regionMilestoneId/edit — change a region's shared milestone (coordinators of a
// member municipality); a stale save is refused and the form shows the saved values again.
import { type ShouldRevalidateFunction, data, redirect, useActionData } from 'react-router';
import { Alert, Heading } from '@digdir/designsystemet-react';
import type { Route } from './+types/wheel.region.$regionMilestoneId.edit';
import { getRequestInfo, getServices, getSessionState, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getRegionMilestone } from '../../core/annual-wheel/get-region-wheel.ts';
import { updateRegionMilestone } from '../../core/annual-wheel/update-region-milestone.ts';
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
      { label: t('wheel.region.title'), to: `/wheel/region${x ? `?year=${x.milestone.year}` : ''}` },
      ...(x ? [{ label: t('wheel.region.editTitle', { title: x.milestone.title }), to: `/wheel/region/${x.milestone.id}/edit` }] : []),
    ];
  },
};

export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => (actionStatus === 409 ? true : defaultShouldRevalidate);

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return runForPage(context, () => getRegionMilestone({ database: getServices(context).database, actor, regionMilestoneId: params.regionMilestoneId }));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const submitted = milestoneValuesFrom(form);
  const result = await runForForm(context, () =>
    updateRegionMilestone({
      database: getServices(context).database,
      actor,
      regionMilestoneId: params.regionMilestoneId,
      input: { ...submitted, version: form.get('version') },
      language: getSessionState(context).language,
      requestId: getRequestInfo(context).requestId,
    }),
  );
  if (result.ok) return redirect(`/wheel/region?year=${encodeURIComponent(String(form.get('year') ?? ''))}&saved=1`);
  return data({ result, submitted }, { status: STATUS_FOR[result.error.code] });
}

export default function EditRegionMilestonePage({ loaderData: d }: Route.ComponentProps) {
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
    target: m.targetKind ? `kind:${m.targetKind}` : 'none',
    targetUnitIds: [],
    reminderOffsets: m.reminderOffsets.join(', '),
    overdueEveryDays: String(m.overdueEveryDays),
    escalateAfterDays: m.escalateAfterDays === null ? '' : String(m.escalateAfterDays),
  };
  return (
    <div className="stack">
      <title>{`${t('wheel.region.editTitle', { title: m.title })} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('wheel.region.editTitle', { title: m.title })}
      </Heading>
      {stale ? <Alert data-color="warning">{t('wheel.region.stale')}</Alert> : null}
      <MilestoneForm
        key={m.version}
        mode="edit"
        regional
        version={m.version}
        values={error && !stale && actionData?.submitted ? actionData.submitted : saved}
        units={[]}
        error={stale ? null : error}
        cancelTo={`/wheel/region?year=${m.year}`}
        extraHidden={{ year: String(m.year) }}
      />
    </div>
  );
}
