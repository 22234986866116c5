// /mapping/units/:unitId/basis — a unit's basis for "why": its goals, service standards and
// user-survey findings as short entries; the unit's leaders and coordinators add, edit, remove.
import { data, Form, Link, redirect, useActionData, useSearchParams } from 'react-router';
import { Alert, Button, Field, Heading, Input, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import type { Route } from './+types/mapping.units.$unitId.basis';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getUnitBasis } from '../../core/mapping/get-unit-basis.ts';
import { addBasisEntry } from '../../core/mapping/add-basis-entry.ts';
import { updateBasisEntry } from '../../core/mapping/update-basis-entry.ts';
import { BASIS_KINDS } from '../../core/mapping/mapping.rules.ts';
import { can } from '../../core/shared/policy.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldId, formError, FormErrorSummary } from '../components/form-errors.tsx';
import { MappingNav } from '../components/mapping-parts.tsx';
import '../styles/org.css';
import '../styles/wheel.css';
import '../styles/mapping.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const x = d as Awaited<ReturnType<typeof loader>> | undefined;
    return [{ label: t('mapping.nav.title'), to: '/mapping' }, ...(x ? [{ label: x.unit.name, to: `/mapping/units/${x.unit.id}` }, { label: t('mapping.form.basisLink'), to: `/mapping/units/${x.unit.id}/basis` }] : [])];
  },
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const basis = await runForPage(context, () => getUnitBasis({ database: getServices(context).database, actor, unitId: params.unitId }));
  return { ...basis, canOverview: can(actor, 'mapping.overview', { tenantId: actor.tenantId }) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const options = { database: getServices(context).database, actor, requestId: getRequestInfo(context).requestId };
  const entryId = String(form.get('entryId') ?? '');
  const result =
    intent === 'add'
      ? await runForForm<unknown>(context, () => addBasisEntry({ ...options, unitId: params.unitId, input: { kind: String(form.get('kind') ?? ''), text: String(form.get('text') ?? '') } }))
      : await runForForm<unknown>(context, () => updateBasisEntry({ ...options, entryId, intent: intent === 'archive' ? 'archive' : 'update', input: { text: String(form.get('text') ?? ''), version: String(form.get('version') ?? '') } }));
  if (result.ok) return redirect(`/mapping/units/${params.unitId}/basis?saved=1`);
  return data({ result, entryId }, { status: STATUS_FOR[result.error.code] });
}

export default function UnitBasisPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const title = t('mapping.basis.title', { unit: d.unit.name });
  return (
    <div className="stack">
      <title>{`${title} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <MappingNav canOverview={d.canOverview} />
      <Paragraph>{t('mapping.basis.intro')}</Paragraph>
      {params.get('saved') ? <Alert data-color="success" role="status">{t('mapping.basis.saved')}</Alert> : null}
      <FormErrorSummary error={error} prefix={actionData?.entryId ? `basis-${actionData.entryId}` : 'basis-new'} />
      {BASIS_KINDS.map((kind) => {
        const entries = d.entries.filter((e) => e.kind === kind);
        return (
          <section key={kind} aria-labelledby={`basis-${kind}`} className="stack">
            <Heading level={2} data-size="xs" id={`basis-${kind}`}>
              {t(`mapping.basisKind.${kind}`)}
            </Heading>
            {entries.length === 0 ? <Paragraph data-size="sm">{t('mapping.basis.empty')}</Paragraph> : null}
            <ul className="basis-list">
              {entries.map((e) => (
                <li key={e.id}>
                  {d.canWrite ? (
                    <div className="cluster">
                      <Form method="post" className="cluster">
                        <CsrfField />
                        <input type="hidden" name="intent" value="update" />
                        <input type="hidden" name="entryId" value={e.id} />
                        <input type="hidden" name="version" value={e.version} />
                        <label htmlFor={fieldId(`basis-${e.id}`, 'text')} className="visually-hidden">
                          {t('mapping.basis.editLabel', { text: e.text })}
                        </label>
                        <Input id={fieldId(`basis-${e.id}`, 'text')} name="text" defaultValue={e.text} data-size="sm" className="basis-input" />
                        <Button type="submit" variant="secondary" data-size="sm" aria-label={`${t('mapping.basis.save')}: ${e.text}`}>
                          {t('mapping.basis.save')}
                        </Button>
                      </Form>
                      <Form method="post">
                        <CsrfField />
                        <input type="hidden" name="intent" value="archive" />
                        <input type="hidden" name="entryId" value={e.id} />
                        <input type="hidden" name="version" value={e.version} />
                        <Button type="submit" variant="tertiary" data-size="sm" aria-label={`${t('mapping.basis.archive')}: ${e.text}`}>
                          {t('mapping.basis.archive')}
                        </Button>
                      </Form>
                    </div>
                  ) : (
                    e.text
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {d.canWrite ? (
        <section aria-labelledby="basis-add-heading" className="stack">
          <Heading level={2} data-size="xs" id="basis-add-heading">
            {t('mapping.basis.addHeading')}
          </Heading>
          <Form method="post" className="cluster">
            <CsrfField />
            <input type="hidden" name="intent" value="add" />
            <Field>
              <Label htmlFor={fieldId('basis-new', 'kind')}>{t('mapping.basis.kind')}</Label>
              <Select id={fieldId('basis-new', 'kind')} name="kind" defaultValue="goal">
                {BASIS_KINDS.map((k) => (
                  <Select.Option key={k} value={k}>
                    {t(`mapping.basisKind.${k}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label htmlFor={fieldId('basis-new', 'text')}>{t('mapping.basis.text')}</Label>
              <Input id={fieldId('basis-new', 'text')} name="text" className="basis-input" />
            </Field>
            <Button type="submit">{t('mapping.basis.add')}</Button>
          </Form>
        </section>
      ) : null}
      <Link to={`/mapping/units/${d.unit.id}`}>{t('mapping.edit.back')}</Link>
    </div>
  );
}
