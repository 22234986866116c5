// /org/units/new?parent= — create a unit under a parent.
import { data, redirect, useActionData } from 'react-router';
import { Heading } from '@digdir/designsystemet-react';
import type { Route } from './+types/org.units.new';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getUnitForm } from '../../core/org/get-unit-form.ts';
import { createUnit } from '../../core/org/create-unit.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { formError } from '../components/form-errors.tsx';
import { UnitForm, type UnitFormValues } from '../components/unit-form.tsx';
import '../styles/org.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [
    { label: t('org.tree.title'), to: '/org' },
    { label: t('org.unit.new'), to: '/org/units/new' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const parent = new URL(request.url).searchParams.get('parent');
  const form = await runForPage(context, () => getUnitForm({ database: getServices(context).database, actor }));
  const parentId = form.parentOptions.some((p) => p.id === parent) ? parent : (form.parentOptions[0]?.id ?? null);
  return { parentOptions: form.parentOptions, parentId, hasUnits: form.hasUnits };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const submitted: UnitFormValues = {
    name: String(form.get('name') ?? ''),
    kind: String(form.get('kind') ?? ''),
    code: String(form.get('code') ?? ''),
    parentId: String(form.get('parentId') ?? '') || null,
  };
  const result = await runForForm(context, () =>
    createUnit({ database: getServices(context).database, actor, input: submitted, requestId: getRequestInfo(context).requestId }),
  );
  if (result.ok) return redirect(`/org/units/${result.value.id}?created=1`);
  return data({ result, submitted }, { status: STATUS_FOR[result.error.code] });
}

export default function NewUnitPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const values: UnitFormValues = actionData?.submitted ?? { name: '', kind: d.hasUnits ? 'eining' : 'kommune', code: '', parentId: d.parentId };
  return (
    <div className="stack">
      <title>{`${t('org.unit.new')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('org.unit.new')}
      </Heading>
      <UnitForm mode="new" values={values} parentOptions={d.parentOptions} isRoot={!d.hasUnits} error={error} cancelTo={d.parentId ? `/org/units/${d.parentId}` : '/org'} />
    </div>
  );
}
