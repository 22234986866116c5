// /catalogue/measures/:measureId/edit — edit a measure, and for an external measure the ordering
// checklist (bestillarkompetanse): requirements, price/quality/time assessed, and the decision.
import { data, Form, redirect, useActionData } from 'react-router';
import { Button, Field, Fieldset, Heading, Label, Paragraph, Textarea } from '@digdir/designsystemet-react';
import type { Route } from './+types/catalogue.measures.$measureId.edit';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getMeasureForm } from '../../core/catalogue/get-measure-form.ts';
import { updateMeasure } from '../../core/catalogue/update-measure.ts';
import { saveOrderingChecklist } from '../../core/catalogue/save-ordering-checklist.ts';
import { cataloguePermissions } from '../../core/catalogue/catalogue-access.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, fieldId, formError, FormErrorSummary } from '../components/form-errors.tsx';
import { SelectInput } from '../components/form-field.tsx';
import { CatalogueNav } from '../components/catalogue-nav.tsx';
import { MeasureForm, measureValuesFrom, type MeasureFormValues } from '../components/measure-form.tsx';
import '../styles/org.css';
import '../styles/wheel.css';
import '../styles/catalogue.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const m = (d as { measure?: { id: string; title: string } | null } | undefined)?.measure;
    return [{ label: t('catalogue.nav.title'), to: '/catalogue' }, ...(m ? [{ label: m.title, to: `/catalogue/measures/${m.id}` }, { label: t('catalogue.form.editTitle'), to: `/catalogue/measures/${m.id}/edit` }] : [])];
  },
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const result = await runForPage(context, () => getMeasureForm({ database: getServices(context).database, actor, measureId: params.measureId }));
  return { ...result, nav: cataloguePermissions(actor) };
}

const ASPECTS = ['price', 'quality', 'time'] as const;

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const database = getServices(context).database;
  const requestId = getRequestInfo(context).requestId;
  if (form.get('intent') === 'ordering') {
    const s = (k: string) => String(form.get(k) ?? '');
    const input = {
      requirements: s('requirements'),
      ...Object.fromEntries(ASPECTS.map((a) => [a, { score: s(`${a}Score`), note: s(`${a}Note`) }])),
      decision: s('decision'),
      decisionNote: s('decisionNote'),
      version: s('version'),
    };
    const result = await runForForm(context, () => saveOrderingChecklist({ database, actor, measureId: params.measureId, input, requestId }));
    if (result.ok) return redirect(`/catalogue/measures/${params.measureId}?saved=1`);
    return data({ result, intent: 'ordering' as const, submitted: null }, { status: STATUS_FOR[result.error.code] });
  }
  const submitted = measureValuesFrom(form);
  const result = await runForForm(context, () => updateMeasure({ database, actor, measureId: params.measureId, input: { ...submitted, version: String(form.get('version') ?? '') }, requestId }));
  if (result.ok) return redirect(`/catalogue/measures/${params.measureId}?saved=1`);
  return data({ result, intent: 'measure' as const, submitted }, { status: STATUS_FOR[result.error.code] });
}

export default function EditMeasurePage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const m = d.measure!;
  const values: MeasureFormValues = actionData?.submitted ?? {
    type: m.type,
    title: m.title,
    description: m.description,
    providerId: m.providerId ?? '',
    startDate: m.startDate,
    endDate: m.endDate ?? '',
    place: m.place,
    online: m.online,
    capacity: String(m.capacity),
    costNok: String(m.costNok),
    substituteCostNok: String(m.substituteCostNok),
    targetUnitIds: m.targetUnitIds,
    targetGroups: m.targetGroups.join(', '),
    competenceAreaId: m.competenceAreaId ?? '',
    needIds: m.needIds,
  };
  const orderingError = actionData?.intent === 'ordering' ? formError(actionData.result) : null;
  const o = m.ordering;
  const p = 'ordering';
  return (
    <div className="stack">
      <title>{`${t('catalogue.form.editTitle')}: ${m.title} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('catalogue.form.editTitle')}: {m.title}
      </Heading>
      <CatalogueNav nav={d.nav} />
      <MeasureForm mode="edit" values={values} version={m.version} choices={d} error={actionData?.intent === 'measure' ? formError(actionData.result) : null} cancelTo={`/catalogue/measures/${m.id}`} />
      <section aria-labelledby="ordering-heading" className="stack">
        <Heading level={2} data-size="sm" id="ordering-heading">
          {t('catalogue.ordering.heading')}
        </Heading>
        {m.providerKind === 'own_unit' ? (
          <Paragraph>{t('catalogue.ordering.internal')}</Paragraph>
        ) : (
          <Form method="post" className="stack form-narrow" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="ordering" />
            <input type="hidden" name="version" value={m.version} />
            <Paragraph>{t('catalogue.ordering.intro')}</Paragraph>
            <FormErrorSummary error={orderingError} prefix={p} />
            <Field className="form-field">
              <Label htmlFor={fieldId(p, 'requirements')}>{t('catalogue.ordering.requirements')}</Label>
              <Field.Description id={`${fieldId(p, 'requirements')}-desc`}>{t('catalogue.ordering.requirementsHelp')}</Field.Description>
              <Textarea id={fieldId(p, 'requirements')} name="requirements" rows={3} defaultValue={o?.requirements ?? ''} aria-describedby={`${fieldId(p, 'requirements')}-desc`} />
            </Field>
            {ASPECTS.map((a) => (
              <Fieldset key={a}>
                <Fieldset.Legend>{t(`catalogue.ordering.${a}`)}</Fieldset.Legend>
                <SelectInput prefix={p} name={`${a}Score`} label={t('catalogue.ordering.score')} defaultValue={o?.[a].score ? String(o[a].score) : ''} error={fieldError(orderingError, `${a}.score`)} emptyLabel={t('catalogue.ordering.notAssessed')} options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`catalogue.score.${n}` as 'catalogue.score.1') }))} />
                <Field className="form-field">
                  <Label htmlFor={fieldId(p, `${a}Note`)}>{t('catalogue.ordering.note')}</Label>
                  <Textarea id={fieldId(p, `${a}Note`)} name={`${a}Note`} rows={2} defaultValue={o?.[a].note ?? ''} />
                </Field>
              </Fieldset>
            ))}
            <SelectInput prefix={p} name="decision" label={t('catalogue.ordering.decision')} required defaultValue={o?.decision ?? 'pending'} options={(['pending', 'order', 'reject'] as const).map((x) => ({ value: x, label: t(`catalogue.ordering.decisions.${x}`) }))} />
            <Field className="form-field">
              <Label htmlFor={fieldId(p, 'decisionNote')}>{t('catalogue.ordering.decisionNote')}</Label>
              <Textarea id={fieldId(p, 'decisionNote')} name="decisionNote" rows={2} defaultValue={o?.decisionNote ?? ''} />
            </Field>
            <div className="cluster">
              <Button type="submit">{t('catalogue.ordering.save')}</Button>
            </div>
          </Form>
        )}
      </section>
    </div>
  );
}
