// /wheel/region/new?year= — add a milestone to the region's shared wheel (coordinators of a member municipality).
import { data, redirect, useActionData } from 'react-router';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Route } from './+types/wheel.region.new';
import { getRequestInfo, getServices, getSessionState, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { createRegionMilestone } from '../../core/annual-wheel/create-region-milestone.ts';
import { getRegionWheel } from '../../core/annual-wheel/get-region-wheel.ts';
import { parseWheelYear } from '../../core/annual-wheel/annual-wheel.rules.ts';
import { authorize } from '../../core/shared/policy.ts';
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
      { label: t('wheel.region.title'), to: `/wheel/region${year ? `?year=${year}` : ''}` },
      { label: t('wheel.region.newTitle', { year: year ?? '' }), to: `/wheel/region/new${year ? `?year=${year}` : ''}` },
    ];
  },
};

function yearOf(request: Request): string {
  return new URL(request.url).searchParams.get('year') ?? String(new Date().getFullYear());
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return runForPage(context, async () => {
    authorize(actor, 'wheel.region.write', { tenantId: actor.tenantId });
    const year = parseWheelYear(yearOf(request));
    const { region } = await getRegionWheel({ database: getServices(context).database, actor, year });
    return { year, region };
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const year = yearOf(request);
  const submitted = milestoneValuesFrom(form);
  const result = await runForForm(context, () =>
    createRegionMilestone({ database: getServices(context).database, actor, input: { ...submitted, year }, language: getSessionState(context).language, requestId: getRequestInfo(context).requestId }),
  );
  if (result.ok) return redirect(`/wheel/region?year=${encodeURIComponent(year)}&saved=1`);
  return data({ result, submitted }, { status: STATUS_FOR[result.error.code] });
}

export default function NewRegionMilestonePage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  return (
    <div className="stack">
      <title>{`${t('wheel.region.newTitle', { year: d.year })} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('wheel.region.newTitle', { year: d.year })}
      </Heading>
      {d.region ? (
        <MilestoneForm mode="new" regional values={actionData?.submitted ?? EMPTY_MILESTONE(d.year)} units={[]} error={error} cancelTo={`/wheel/region?year=${d.year}`} />
      ) : (
        <Paragraph>{t('wheel.region.noRegion')}</Paragraph>
      )}
    </div>
  );
}
