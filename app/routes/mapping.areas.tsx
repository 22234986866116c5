// /mapping/areas — the tenant's competence-area vocabulary. Everyone reads it; coordinators add,
// rename, approve proposals, merge and archive.
import { data, Form, redirect, useActionData, useSearchParams } from 'react-router';
import { Alert, Button, Field, Heading, Input, Label, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import type { Route } from './+types/mapping.areas';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { listCompetenceAreas } from '../../core/mapping/list-competence-areas.ts';
import { createCompetenceArea } from '../../core/mapping/create-competence-area.ts';
import { renameCompetenceArea } from '../../core/mapping/rename-competence-area.ts';
import { approveCompetenceArea } from '../../core/mapping/approve-competence-area.ts';
import { archiveCompetenceArea } from '../../core/mapping/archive-competence-area.ts';
import { mergeCompetenceArea } from '../../core/mapping/merge-competence-area.ts';
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

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [
    { label: t('mapping.nav.title'), to: '/mapping' },
    { label: t('mapping.nav.areas'), to: '/mapping/areas' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const list = await runForPage(context, () => listCompetenceAreas({ database: getServices(context).database, actor }));
  return { ...list, canOverview: can(actor, 'mapping.overview', { tenantId: actor.tenantId }) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const areaId = String(form.get('areaId') ?? '');
  const version = String(form.get('version') ?? '');
  const options = { database: getServices(context).database, actor, requestId: getRequestInfo(context).requestId };
  const run = () => {
    switch (intent) {
      case 'create':
        return createCompetenceArea({ ...options, input: { name: String(form.get('name') ?? '') } });
      case 'rename':
        return renameCompetenceArea({ ...options, areaId, input: { name: String(form.get('name') ?? ''), version } });
      case 'approve':
        return approveCompetenceArea({ ...options, areaId, input: { version } });
      case 'archive':
        return archiveCompetenceArea({ ...options, areaId, input: { version } });
      default:
        return mergeCompetenceArea({ ...options, areaId, input: { intoId: String(form.get('intoId') ?? ''), version } });
    }
  };
  const result = await runForForm<unknown>(context, run);
  if (result.ok) return redirect('/mapping/areas?saved=1');
  return data({ result, intent, areaId }, { status: STATUS_FOR[result.error.code] });
}

export default function MappingAreasPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const live = d.areas.filter((a) => a.status !== 'archived');
  const archived = d.areas.filter((a) => a.status === 'archived');
  const statusLabel = (s: string) => t(s === 'proposed' ? 'mapping.areas.statusProposed' : s === 'archived' ? 'mapping.areas.statusArchived' : 'mapping.areas.statusActive');
  return (
    <div className="stack">
      <title>{`${t('mapping.areas.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('mapping.areas.title')}
      </Heading>
      <MappingNav canOverview={d.canOverview} />
      <Paragraph>{t('mapping.areas.intro')}</Paragraph>
      {params.get('saved') ? <Alert data-color="success" role="status">{t('mapping.areas.saved')}</Alert> : null}
      <FormErrorSummary error={error} prefix={actionData?.intent === 'create' ? 'area-new' : `area-${actionData?.areaId ?? ''}`} />
      {d.canManage ? (
        <section aria-labelledby="add-area-heading" className="stack">
          <Heading level={2} data-size="xs" id="add-area-heading">
            {t('mapping.areas.addHeading')}
          </Heading>
          <Form method="post" className="cluster">
            <CsrfField />
            <input type="hidden" name="intent" value="create" />
            <Field>
              <Label htmlFor={fieldId('area-new', 'name')}>{t('mapping.areas.name')}</Label>
              <Input id={fieldId('area-new', 'name')} name="name" aria-invalid={actionData?.intent === 'create' && fieldError(error, 'name') ? true : undefined} />
            </Field>
            <Button type="submit">{t('mapping.areas.add')}</Button>
          </Form>
        </section>
      ) : null}
      <Table data-size="sm">
        <caption className="visually-hidden">{t('mapping.areas.title')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('mapping.areas.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('mapping.areas.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('mapping.areas.uses')}</Table.HeaderCell>
            {d.canManage ? <Table.HeaderCell>{t('mapping.areas.actions')}</Table.HeaderCell> : null}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {live.map((a) => (
            <Table.Row key={a.id}>
              <Table.HeaderCell scope="row">{a.name}</Table.HeaderCell>
              <Table.Cell>
                <Tag data-size="sm" data-color={a.status === 'proposed' ? 'warning' : 'success'}>
                  {statusLabel(a.status)}
                </Tag>
              </Table.Cell>
              <Table.Cell>{a.needCount}</Table.Cell>
              {d.canManage ? (
                <Table.Cell>
                  <div className="area-actions">
                    <Form method="post" className="cluster">
                      <CsrfField />
                      <input type="hidden" name="intent" value="rename" />
                      <input type="hidden" name="areaId" value={a.id} />
                      <input type="hidden" name="version" value={a.version} />
                      <label htmlFor={fieldId(`area-${a.id}`, 'name')} className="visually-hidden">
                        {t('mapping.areas.renameLabel', { name: a.name })}
                      </label>
                      <Input id={fieldId(`area-${a.id}`, 'name')} name="name" defaultValue={a.name} data-size="sm" />
                      <Button type="submit" variant="secondary" data-size="sm" aria-label={`${t('mapping.areas.rename')}: ${a.name}`}>
                        {t('mapping.areas.rename')}
                      </Button>
                    </Form>
                    {a.status === 'proposed' ? (
                      <Form method="post">
                        <CsrfField />
                        <input type="hidden" name="intent" value="approve" />
                        <input type="hidden" name="areaId" value={a.id} />
                        <input type="hidden" name="version" value={a.version} />
                        <Button type="submit" data-size="sm" aria-label={`${t('mapping.areas.approve')}: ${a.name}`}>
                          {t('mapping.areas.approve')}
                        </Button>
                      </Form>
                    ) : null}
                    <Form method="post" className="cluster">
                      <CsrfField />
                      <input type="hidden" name="intent" value="merge" />
                      <input type="hidden" name="areaId" value={a.id} />
                      <input type="hidden" name="version" value={a.version} />
                      <label htmlFor={fieldId(`area-${a.id}`, 'intoId')} className="visually-hidden">
                        {t('mapping.areas.mergeLabel', { name: a.name })}
                      </label>
                      <Select id={fieldId(`area-${a.id}`, 'intoId')} name="intoId" data-size="sm" defaultValue="">
                        <Select.Option value="">{t('mapping.areas.chooseTarget')}</Select.Option>
                        {live
                          .filter((o) => o.id !== a.id)
                          .map((o) => (
                            <Select.Option key={o.id} value={o.id}>
                              {o.name}
                            </Select.Option>
                          ))}
                      </Select>
                      <Button type="submit" variant="secondary" data-size="sm" aria-label={`${t('mapping.areas.mergeButton')}: ${a.name}`}>
                        {t('mapping.areas.mergeButton')}
                      </Button>
                    </Form>
                    <Form method="post">
                      <CsrfField />
                      <input type="hidden" name="intent" value="archive" />
                      <input type="hidden" name="areaId" value={a.id} />
                      <input type="hidden" name="version" value={a.version} />
                      <Button type="submit" variant="tertiary" data-size="sm" aria-label={`${t('mapping.areas.archive')}: ${a.name}`}>
                        {t('mapping.areas.archive')}
                      </Button>
                    </Form>
                  </div>
                </Table.Cell>
              ) : null}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {archived.length ? (
        <section aria-labelledby="archived-heading">
          <Heading level={2} data-size="xs" id="archived-heading">
            {t('mapping.areas.archivedHeading')}
          </Heading>
          <ul>
            {archived.map((a) => (
              <li key={a.id}>
                {a.name} ({a.needCount})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
