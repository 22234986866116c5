// /mapping/offers?unit= — what the units can offer others (tilbydarkompetanse), municipality-wide:
// internal instructors and own programmes. A unit's leaders and coordinators register offers
// for the unit chosen with ?unit=.
import { data, Form, redirect, useActionData, useSearchParams } from 'react-router';
import { Alert, Button, Field, Heading, Input, Label, Paragraph, Select, Table, Textarea } from '@digdir/designsystemet-react';
import type { Route } from './+types/mapping.offers';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { listUnitOffers } from '../../core/mapping/list-unit-offers.ts';
import { addUnitOffer } from '../../core/mapping/add-unit-offer.ts';
import { archiveUnitOffer } from '../../core/mapping/archive-unit-offer.ts';
import { can } from '../../core/shared/policy.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, fieldId, formError, FormErrorSummary } from '../components/form-errors.tsx';
import { MappingNav } from '../components/mapping-parts.tsx';
import '../styles/org.css';
import '../styles/wheel.css';
import '../styles/mapping.css';

const P = 'offer';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [
    { label: t('mapping.nav.title'), to: '/mapping' },
    { label: t('mapping.nav.offers'), to: '/mapping/offers' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const unitId = new URL(request.url).searchParams.get('unit');
  const offers = await runForPage(context, () => listUnitOffers({ database: getServices(context).database, actor, unitId }));
  return { ...offers, canOverview: can(actor, 'mapping.overview', { tenantId: actor.tenantId }) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const options = { database: getServices(context).database, actor, requestId: getRequestInfo(context).requestId };
  const unitId = String(form.get('unitId') ?? '');
  const result =
    intent === 'archive'
      ? await runForForm<unknown>(context, () => archiveUnitOffer({ ...options, offerId: String(form.get('offerId') ?? ''), input: { version: String(form.get('version') ?? '') } }))
      : await runForForm<unknown>(context, () =>
          addUnitOffer({
            ...options,
            unitId,
            input: Object.fromEntries(['kind', 'personId', 'title', 'description', 'competenceAreaId', 'capacity'].map((k) => [k, String(form.get(k) ?? '')])),
          }),
        );
  if (result.ok) return redirect(`/mapping/offers?${unitId ? `unit=${encodeURIComponent(unitId)}&` : ''}saved=1`);
  return data({ result }, { status: STATUS_FOR[result.error.code] });
}

export default function MappingOffersPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const err = (f: string) => fieldError(error, f);
  const canArchive = d.offers.some((o) => o.canArchive);
  return (
    <div className="stack">
      <title>{`${t('mapping.offers.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('mapping.offers.title')}
      </Heading>
      <MappingNav canOverview={d.canOverview} />
      <Paragraph>{t('mapping.offers.intro')}</Paragraph>
      {params.get('saved') ? <Alert data-color="success" role="status">{t('mapping.offers.saved')}</Alert> : null}
      <FormErrorSummary error={error} prefix={P} />
      {d.offers.length === 0 ? (
        <Paragraph>{t('mapping.offers.empty')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table data-size="sm">
            <caption className="visually-hidden">{t('mapping.offers.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('mapping.offers.topic')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mapping.offers.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mapping.offers.area')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mapping.offers.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mapping.offers.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mapping.offers.capacity')}</Table.HeaderCell>
                {canArchive ? <Table.HeaderCell>{t('mapping.offers.remove')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.offers.map((o) => (
                <Table.Row key={o.id}>
                  <Table.HeaderCell scope="row">
                    {o.title}
                    {o.description ? <div className="need-description">{o.description}</div> : null}
                  </Table.HeaderCell>
                  <Table.Cell>{t(o.kind === 'instructor' ? 'mapping.offers.kindInstructor' : 'mapping.offers.kindProgramme')}</Table.Cell>
                  <Table.Cell>{o.areaName ?? '–'}</Table.Cell>
                  <Table.Cell>{o.unitName}</Table.Cell>
                  <Table.Cell>{o.personName ?? '–'}</Table.Cell>
                  <Table.Cell>{o.capacity ?? '–'}</Table.Cell>
                  {canArchive ? (
                    <Table.Cell>
                      {o.canArchive ? (
                        <Form method="post">
                          <CsrfField />
                          <input type="hidden" name="intent" value="archive" />
                          <input type="hidden" name="offerId" value={o.id} />
                          <input type="hidden" name="version" value={o.version} />
                          <Button type="submit" variant="tertiary" data-size="sm" aria-label={t('mapping.offers.removeLabel', { title: o.title })}>
                            {t('mapping.offers.remove')}
                          </Button>
                        </Form>
                      ) : null}
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {d.writableUnits.length ? (
        <section aria-labelledby="offer-add-heading" className="stack">
          <Heading level={2} data-size="sm" id="offer-add-heading">
            {t('mapping.offers.addHeading')}
          </Heading>
          <Form method="get" className="cluster">
            <Field>
              <Label htmlFor="offer-unit-select">{t('mapping.offers.chooseUnit')}</Label>
              <Select id="offer-unit-select" name="unit" defaultValue={d.form?.unitId ?? ''}>
                <Select.Option value="">{t('mapping.offers.chooseUnit')}</Select.Option>
                {d.writableUnits.map((u) => (
                  <Select.Option key={u.id} value={u.id}>
                    {u.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Button type="submit" variant="secondary" data-size="sm">
              {t('mapping.offers.chooseUnitButton')}
            </Button>
          </Form>
          {d.form ? (
            <Form method="post" className="stack">
              <CsrfField />
              <input type="hidden" name="intent" value="add" />
              <input type="hidden" name="unitId" value={d.form.unitId} />
              <Field>
                <Label htmlFor={fieldId(P, 'kind')}>{t('mapping.offers.kind')}</Label>
                <Select id={fieldId(P, 'kind')} name="kind" defaultValue="instructor">
                  <Select.Option value="instructor">{t('mapping.offers.kindInstructor')}</Select.Option>
                  <Select.Option value="programme">{t('mapping.offers.kindProgramme')}</Select.Option>
                </Select>
              </Field>
              <Field>
                <Label htmlFor={fieldId(P, 'title')}>{t('mapping.offers.topic')}</Label>
                <Input id={fieldId(P, 'title')} name="title" aria-invalid={err('title') ? true : undefined} />
              </Field>
              <Field>
                <Label htmlFor={fieldId(P, 'personId')}>{t('mapping.offers.person')}</Label>
                <Select id={fieldId(P, 'personId')} name="personId" defaultValue="" aria-invalid={err('personId') ? true : undefined}>
                  <Select.Option value="">{t('mapping.offers.choosePerson')}</Select.Option>
                  {d.form.persons.map((p) => (
                    <Select.Option key={p.id} value={p.id}>
                      {p.name}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Field>
                <Label htmlFor={fieldId(P, 'competenceAreaId')}>{t('mapping.offers.area')}</Label>
                <Select id={fieldId(P, 'competenceAreaId')} name="competenceAreaId" defaultValue="">
                  <Select.Option value="">{t('mapping.offers.noArea')}</Select.Option>
                  {d.form.areas.map((a) => (
                    <Select.Option key={a.id} value={a.id}>
                      {a.name}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Field className="form-field--short">
                <Label htmlFor={fieldId(P, 'capacity')}>{t('mapping.offers.capacity')}</Label>
                <Input id={fieldId(P, 'capacity')} name="capacity" inputMode="numeric" aria-invalid={err('capacity') ? true : undefined} />
              </Field>
              <Field>
                <Label htmlFor={fieldId(P, 'description')}>{t('mapping.offers.description')}</Label>
                <Textarea id={fieldId(P, 'description')} name="description" rows={2} />
              </Field>
              <div>
                <Button type="submit">{t('mapping.offers.add')}</Button>
              </div>
            </Form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
