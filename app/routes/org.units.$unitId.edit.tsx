// /org/units/:unitId/edit — rename, re-kind, re-code, move and set leaders of a unit, or
// archive it when empty. A stale edit (someone saved first) is refused with the current
// values shown and what the user tried to save listed, so nothing is lost silently.
import { type ShouldRevalidateFunction, data, Form, redirect, useActionData } from 'react-router';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Route } from './+types/org.units.$unitId.edit';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getUnitForm } from '../../core/org/get-unit-form.ts';
import { updateUnit } from '../../core/org/update-unit.ts';
import { archiveUnit } from '../../core/org/archive-unit.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { formError, FormErrorSummary } from '../components/form-errors.tsx';
import { UnitForm, type UnitFormValues } from '../components/unit-form.tsx';
import '../styles/org.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const unit = (d as Awaited<ReturnType<typeof loader>> | undefined)?.unit;
    return [{ label: t('org.tree.title'), to: '/org' }, ...(unit ? [{ label: unit.name, to: `/org/units/${unit.id}` }, { label: t('org.unit.edit'), to: `/org/units/${unit.id}/edit` }] : [])];
  },
};

/** After a stale refusal (409) reload the current values; other failed submits keep the page as is. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const form = await runForPage(context, () => getUnitForm({ database: getServices(context).database, actor, unitId: params.unitId }));
  return { ...form, unit: form.unit! };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const database = getServices(context).database;
  const requestId = getRequestInfo(context).requestId;
  const intent = String(form.get('intent') ?? 'save');
  if (intent === 'archive') {
    const result = await runForForm(context, () => archiveUnit({ database, actor, unitId: params.unitId, input: { version: form.get('version') }, requestId }));
    if (result.ok) return redirect(result.value.parentId ? `/org/units/${result.value.parentId}?archived=1` : '/org');
    return data({ intent, result, submitted: null }, { status: STATUS_FOR[result.error.code] });
  }
  const submitted: UnitFormValues & { version: string } = {
    name: String(form.get('name') ?? ''),
    kind: String(form.get('kind') ?? ''),
    code: String(form.get('code') ?? ''),
    parentId: String(form.get('parentId') ?? '') || null,
    version: String(form.get('version') ?? ''),
    ...(form.get('leadersSubmitted') ? { leaderPersonIds: form.getAll('leaderPersonIds').map(String) } : {}),
  };
  const result = await runForForm(context, () => updateUnit({ database, actor, unitId: params.unitId, input: submitted, requestId }));
  if (result.ok) return redirect(`/org/units/${params.unitId}?saved=1`);
  return data({ intent, result, submitted }, { status: STATUS_FOR[result.error.code] });
}

export default function EditUnitPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const stale = error?.code === 'STALE_VERSION';
  const archiveError = actionData?.intent === 'archive' ? error : null;
  const saveError = actionData?.intent === 'archive' ? null : error;
  // After a stale refusal show the current saved values; after other errors keep what was typed.
  const values: UnitFormValues =
    saveError && !stale && actionData?.submitted
      ? actionData.submitted
      : { name: d.unit.name, kind: d.unit.kind, code: d.unit.code, parentId: d.unit.parentId };
  const parentName = (id: string | null) => d.parentOptions.find((p) => p.id === id)?.name ?? '–';
  return (
    <div className="stack">
      <title>{`${t('org.unit.editTitle', { name: d.unit.name })} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('org.unit.editTitle', { name: d.unit.name })}
      </Heading>
      {stale && actionData?.submitted ? (
        <Alert data-color="warning" className="stale-attempt">
          <Heading level={2} data-size="xs">
            {t('org.stale.yourAttempt')}
          </Heading>
          <dl className="facts">
            <dt>{t('org.unit.fields.name')}</dt>
            <dd>{actionData.submitted.name}</dd>
            <dt>{t('org.unit.fields.kind')}</dt>
            <dd>{t(`org.kind.${actionData.submitted.kind}`)}</dd>
            <dt>{t('org.unit.fields.code')}</dt>
            <dd>{actionData.submitted.code}</dd>
            <dt>{t('org.unit.fields.parent')}</dt>
            <dd>{parentName(actionData.submitted.parentId)}</dd>
          </dl>
          <Paragraph data-size="sm">{t('org.stale.formShowsCurrent')}</Paragraph>
        </Alert>
      ) : null}
      <UnitForm
        key={`${d.unit.version}`}
        mode="edit"
        values={values}
        version={d.unit.version}
        parentOptions={d.parentOptions}
        isRoot={d.isRoot}
        leaders={d.leaders}
        leaderCandidates={d.leaderCandidates}
        error={saveError}
        cancelTo={`/org/units/${d.unit.id}`}
      />
      <section aria-labelledby="archive-heading" className="stack danger-zone no-print">
        <Heading level={2} data-size="sm" id="archive-heading">
          {t('org.unit.archiveTitle')}
        </Heading>
        <Paragraph>{t('org.unit.archiveHelp')}</Paragraph>
        <FormErrorSummary error={archiveError} prefix="archive" />
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="version" value={d.unit.version} />
          <Button type="submit" name="intent" value="archive" variant="secondary" data-color="danger">
            {t('org.unit.archive')}
          </Button>
        </Form>
      </section>
    </div>
  );
}
