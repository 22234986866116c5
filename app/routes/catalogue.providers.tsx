// /catalogue/providers — the providers (own units, other municipalities, university colleges,
// private), each with a rating from past evaluations and how many it rests on; coordinators add new ones.
import { data, Form, useActionData } from 'react-router';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Route } from './+types/catalogue.providers';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { listProviders } from '../../core/catalogue/list-providers.ts';
import { createProvider } from '../../core/catalogue/create-provider.ts';
import { cataloguePermissions } from '../../core/catalogue/catalogue-access.ts';
import { PROVIDER_KINDS } from '../../core/catalogue/catalogue.rules.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { numberFormat } from '../i18n/format.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, formError, FormErrorSummary } from '../components/form-errors.tsx';
import { SelectInput, TextInput } from '../components/form-field.tsx';
import { CatalogueNav } from '../components/catalogue-nav.tsx';
import '../styles/org.css';
import '../styles/wheel.css';
import '../styles/catalogue.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [
    { label: t('catalogue.nav.title'), to: '/catalogue' },
    { label: t('catalogue.providers.title'), to: '/catalogue/providers' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const result = await runForPage(context, () => listProviders({ database: getServices(context).database, actor }));
  return { ...result, nav: cataloguePermissions(actor) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const submitted = { name: String(form.get('name') ?? ''), kind: String(form.get('kind') ?? ''), contact: String(form.get('contact') ?? '') };
  const result = await runForForm(context, () => createProvider({ database: getServices(context).database, actor, input: submitted, requestId: getRequestInfo(context).requestId }));
  return data({ result, submitted }, { status: result.ok ? 200 : STATUS_FOR[result.error.code] });
}

export default function ProvidersPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const v = actionData && !actionData.result.ok ? actionData.submitted : null;
  const one = (n: number) => numberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
  return (
    <div className="stack">
      <title>{`${t('catalogue.providers.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('catalogue.providers.title')}
      </Heading>
      <CatalogueNav nav={d.nav} />
      <Paragraph>{t('catalogue.providers.intro')}</Paragraph>
      {d.providers.length === 0 ? (
        <Paragraph>{t('catalogue.providers.empty')}</Paragraph>
      ) : (
        <Table>
          <caption className="visually-hidden">{t('catalogue.providers.title')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('catalogue.providers.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('catalogue.providers.kind')}</Table.HeaderCell>
              <Table.HeaderCell>{t('catalogue.providers.contact')}</Table.HeaderCell>
              <Table.HeaderCell>{t('catalogue.providers.rating')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {d.providers.map((p) => (
              <Table.Row key={p.id}>
                <Table.HeaderCell scope="row">{p.name}</Table.HeaderCell>
                <Table.Cell>{t(`catalogue.providerKind.${p.kind}` as 'catalogue.providerKind.private')}</Table.Cell>
                <Table.Cell>{p.contact}</Table.Cell>
                <Table.Cell className="rating-stars">
                  {p.rating.average === null
                    ? t('catalogue.providers.noRating')
                    : t('catalogue.providers.ratingText', { average: one(p.rating.average), count: p.rating.count, feedback: p.feedbackCount, evaluations: p.evaluationCount })}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {d.canWrite ? (
        <section aria-labelledby="new-provider" className="stack">
          <Heading level={2} data-size="sm" id="new-provider">
            {t('catalogue.providers.new')}
          </Heading>
          {actionData?.result.ok ? (
            <Alert data-color="success" role="status">
              {t('catalogue.providers.created')}
            </Alert>
          ) : null}
          <Form method="post" className="stack form-narrow" noValidate key={actionData?.result.ok ? 'done' : 'form'}>
            <CsrfField />
            <FormErrorSummary error={error} prefix="provider" />
            <TextInput prefix="provider" name="name" label={t('catalogue.providers.name')} required defaultValue={v?.name ?? ''} error={fieldError(error, 'name')} />
            <SelectInput prefix="provider" name="kind" label={t('catalogue.providers.kind')} required defaultValue={v?.kind ?? 'private'} error={fieldError(error, 'kind')} options={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`catalogue.providerKind.${k}`) }))} />
            <TextInput prefix="provider" name="contact" label={t('catalogue.providers.contact')} defaultValue={v?.contact ?? ''} error={fieldError(error, 'contact')} />
            <div className="cluster">
              <Button type="submit">{t('catalogue.providers.create')}</Button>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
