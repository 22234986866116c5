// /platform/tenants/new: create a municipality and its first administrator, who is mailed a
// single-use link to set a password. On success, back to /platform with a notice.
import { Button, ErrorSummary, Field, Fieldset, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { Form, redirect, useNavigation } from 'react-router';
import type { Route } from './+types/platform.tenants.new';
import { createTenant } from '../../core/platform/create-tenant.ts';
import { listPlatformOverview } from '../../core/platform/list-platform-overview.ts';
import { LANGUAGES } from '../../locales/index.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { useT } from '../i18n/use-t.ts';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_data, t) => [
    { label: t('admin.platform.title'), to: '/platform' },
    { label: t('admin.platform.create.title'), to: '/platform/tenants/new' },
  ],
};

const FIELDS = ['name', 'slug', 'municipalityNumber', 'regionId', 'defaultLanguage', 'adminName', 'adminEmail'] as const;
type FieldName = (typeof FIELDS)[number];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const { database } = getServices(context);
  const overview = await runForPage(context, () => listPlatformOverview({ database, actor }));
  return { regions: overview.regions.map((r) => ({ id: r.id, name: r.name })) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const services = getServices(context);
  const { requestId } = getRequestInfo(context);
  const form = await request.formData();
  const input = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? '')])) as Record<FieldName, string>;
  const result = await runForForm(context, () =>
    createTenant({ database: services.database, actor, mailer: services.mailer, publicUrl: services.env.PUBLIC_URL, input, now: new Date(), requestId }),
  );
  if (result.ok) {
    const notice = result.value.mailStatus === 'sent' ? 'created' : result.value.mailStatus === 'stored' ? 'createdStored' : 'createdMailFailed';
    throw redirect(`/platform?notice=${notice}&id=${result.value.tenantId}`);
  }
  return { error: result.error, input };
}

export default function NewTenantPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const busy = useNavigation().state !== 'idle';
  const error = actionData?.error ?? null;
  const previous = actionData?.input;
  const fieldError = (field: FieldName) => error?.issues.find((i) => i.path === field)?.message;
  const fieldId = (field: FieldName) => `tenant-${field}`;
  const LABEL: Record<FieldName, string> = {
    name: t('admin.platform.create.name'),
    slug: t('admin.platform.create.slug'),
    municipalityNumber: t('admin.platform.create.municipalityNumber'),
    regionId: t('admin.platform.create.region'),
    defaultLanguage: t('admin.platform.create.defaultLanguage'),
    adminName: `${t('admin.platform.create.adminSection')}: ${t('admin.platform.create.adminName')}`,
    adminEmail: `${t('admin.platform.create.adminSection')}: ${t('admin.platform.create.adminEmail')}`,
  };
  const isField = (path: string): path is FieldName => (FIELDS as readonly string[]).includes(path);
  // In the order of the form, each named by its field.
  const summary = (error?.issues ?? [])
    .map((issue) => ({ ...issue, field: isField(issue.path) ? issue.path : ('name' as FieldName) }))
    .sort((x, y) => FIELDS.indexOf(x.field) - FIELDS.indexOf(y.field));

  return (
    <div className="stack" style={{ maxWidth: '40rem' }}>
      <title>{`${t('admin.platform.create.title')} – Rytme`}</title>
      <Heading level={1} data-size="xl">
        {t('admin.platform.create.title')}
      </Heading>
      <Paragraph>{t('admin.platform.create.intro')}</Paragraph>
      {error && error.issues.length ? (
        <ErrorSummary>
          <ErrorSummary.Heading>{t('errors.summaryTitle')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {summary.map((issue) => (
              <ErrorSummary.Item key={`${issue.path}:${issue.message}`}>
                <ErrorSummary.Link href={`#${fieldId(issue.field)}`}>{`${LABEL[issue.field]}: ${issue.message}`}</ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      ) : error ? (
        <ErrorSummary>
          <ErrorSummary.Heading>{error.message}</ErrorSummary.Heading>
        </ErrorSummary>
      ) : null}
      <Form method="post" action="/platform/tenants/new" className="stack" noValidate>
        <CsrfField />
        <Textfield id={fieldId('name')} name="name" label={t('admin.platform.create.name')} description={t('admin.platform.create.nameHint')} defaultValue={previous?.name} error={fieldError('name')} required maxLength={120} autoComplete="off" />
        <Textfield
          id={fieldId('slug')}
          name="slug"
          label={t('admin.platform.create.slug')}
          description={t('admin.platform.create.slugHint')}
          defaultValue={previous?.slug}
          error={fieldError('slug')}
          required
          maxLength={50}
          pattern="[a-z0-9-]+"
          autoComplete="off"
          spellCheck={false}
        />
        <Textfield
          id={fieldId('municipalityNumber')}
          name="municipalityNumber"
          label={t('admin.platform.create.municipalityNumber')}
          description={t('admin.platform.create.municipalityNumberHint')}
          defaultValue={previous?.municipalityNumber}
          error={fieldError('municipalityNumber')}
          required
          inputMode="numeric"
          maxLength={4}
          autoComplete="off"
        />
        <Field>
          <Label htmlFor={fieldId('regionId')}>{t('admin.platform.create.region')}</Label>
          <Select id={fieldId('regionId')} name="regionId" defaultValue={previous?.regionId ?? ''} aria-invalid={fieldError('regionId') ? true : undefined}>
            <Select.Option value="">{t('admin.platform.create.noRegion')}</Select.Option>
            {loaderData.regions.map((r) => (
              <Select.Option key={r.id} value={r.id}>
                {r.name}
              </Select.Option>
            ))}
          </Select>
          {fieldError('regionId') ? <ValidationMessage>{fieldError('regionId')}</ValidationMessage> : null}
        </Field>
        <Field>
          <Label htmlFor={fieldId('defaultLanguage')}>{t('admin.platform.create.defaultLanguage')}</Label>
          <Select id={fieldId('defaultLanguage')} name="defaultLanguage" defaultValue={previous?.defaultLanguage ?? 'nn'}>
            {LANGUAGES.map((l) => (
              <Select.Option key={l} value={l}>
                {t(`common.language.${l}`)}
              </Select.Option>
            ))}
          </Select>
          {fieldError('defaultLanguage') ? <ValidationMessage>{fieldError('defaultLanguage')}</ValidationMessage> : null}
        </Field>
        <Fieldset>
          <Fieldset.Legend>{t('admin.platform.create.adminSection')}</Fieldset.Legend>
          <div className="stack">
            <Textfield id={fieldId('adminName')} name="adminName" label={t('admin.platform.create.adminName')} defaultValue={previous?.adminName} error={fieldError('adminName')} required maxLength={120} autoComplete="off" />
            <Textfield id={fieldId('adminEmail')} name="adminEmail" type="email" label={t('admin.platform.create.adminEmail')} defaultValue={previous?.adminEmail} error={fieldError('adminEmail')} required maxLength={254} autoComplete="off" />
          </div>
        </Fieldset>
        <div className="cluster">
          <Button type="submit" disabled={busy}>
            {t('admin.platform.create.submit')}
          </Button>
          <Button asChild variant="tertiary">
            <a href="/platform">{t('common.actions.cancel')}</a>
          </Button>
        </div>
      </Form>
    </div>
  );
}
