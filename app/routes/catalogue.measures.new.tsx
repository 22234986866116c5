// /catalogue/measures/new — add a measure (as a draft) to the catalogue of its half-year (coordinators).
import { data, redirect, useActionData } from 'react-router';
import { Heading } from '@digdir/designsystemet-react';
import type { Route } from './+types/catalogue.measures.new';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getMeasureForm } from '../../core/catalogue/get-measure-form.ts';
import { createMeasure } from '../../core/catalogue/create-measure.ts';
import { cataloguePermissions } from '../../core/catalogue/catalogue-access.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { formError } from '../components/form-errors.tsx';
import { CatalogueNav } from '../components/catalogue-nav.tsx';
import { EMPTY_MEASURE, MeasureForm, measureValuesFrom } from '../components/measure-form.tsx';
import '../styles/org.css';
import '../styles/wheel.css';
import '../styles/catalogue.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [
    { label: t('catalogue.nav.title'), to: '/catalogue' },
    { label: t('catalogue.form.newTitle'), to: '/catalogue/measures/new' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const result = await runForPage(context, () => getMeasureForm({ database: getServices(context).database, actor }));
  return { ...result, nav: cataloguePermissions(actor) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const submitted = measureValuesFrom(await request.formData());
  const result = await runForForm(context, () => createMeasure({ database: getServices(context).database, actor, input: submitted, requestId: getRequestInfo(context).requestId }));
  if (result.ok) return redirect(`/catalogue/measures/${result.value.id}?saved=1`);
  return data({ result, submitted }, { status: STATUS_FOR[result.error.code] });
}

export default function NewMeasurePage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack">
      <title>{`${t('catalogue.form.newTitle')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('catalogue.form.newTitle')}
      </Heading>
      <CatalogueNav nav={d.nav} />
      <MeasureForm mode="new" values={actionData?.submitted ?? EMPTY_MEASURE} choices={d} error={formError(actionData?.result)} cancelTo="/catalogue" />
    </div>
  );
}
