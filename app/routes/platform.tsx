// /platform: the platform administration. Every municipality (tenant) with region, status and
// counts; suspend and reactivate with a confirmation-free button that names the tenant (the
// action is reversible and audited); regions with their members, and a form for a new region.
import { Alert, Button, ErrorSummary, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { Form, redirect, useNavigation } from 'react-router';
import type { Route } from './+types/platform';
import { createRegion } from '../../core/platform/create-region.ts';
import { listPlatformOverview } from '../../core/platform/list-platform-overview.ts';
import { setTenantStatus } from '../../core/platform/set-tenant-status.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { numberFormat } from '../i18n/format.ts';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_data, t) => ({ label: t('admin.platform.title'), to: '/platform' }),
};

const NOTICES = ['created', 'createdStored', 'createdMailFailed', 'suspended', 'reactivated', 'regionCreated'] as const;
type Notice = (typeof NOTICES)[number];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const { database } = getServices(context);
  const overview = await runForPage(context, () => listPlatformOverview({ database, actor }));
  const params = new URL(request.url).searchParams;
  const noticeRaw = params.get('notice');
  const notice = (NOTICES as readonly string[]).includes(noticeRaw ?? '') ? (noticeRaw as Notice) : null;
  const subject = params.get('id');
  const noticeName = notice
    ? notice === 'regionCreated'
      ? (overview.regions.find((r) => r.id === subject)?.name ?? null)
      : (overview.tenants.find((tn) => tn.id === subject)?.name ?? null)
    : null;
  // Suspending ends every session of a municipality: a confirmation step that works without JavaScript.
  const confirmId = params.get('suspend');
  const confirm = overview.tenants.find((tn) => tn.id === confirmId && tn.status === 'active' && !tn.isOwn) ?? null;
  return { ...overview, notice: notice && noticeName ? { kind: notice, name: noticeName } : null, confirm: confirm ? { id: confirm.id, name: confirm.name, version: confirm.version } : null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const { database } = getServices(context);
  const { requestId } = getRequestInfo(context);
  const form = await request.formData();
  if (form.get('intent') === 'createRegion') {
    const input = { name: String(form.get('name') ?? '') };
    const result = await runForForm(context, () => createRegion({ database, actor, input, requestId }));
    if (result.ok) throw redirect(`/platform?notice=regionCreated&id=${result.value.id}`);
    return { intent: 'createRegion' as const, error: result.error, input };
  }
  const input = { tenantId: form.get('tenantId'), status: form.get('status'), version: form.get('version') };
  const result = await runForForm(context, () => setTenantStatus({ database, actor, input, requestId }));
  if (result.ok) throw redirect(`/platform?notice=${result.value.status === 'suspended' ? 'suspended' : 'reactivated'}&id=${result.value.tenantId}`);
  return { intent: 'status' as const, error: result.error, input: { name: '' } };
}

const NUMERIC = { textAlign: 'end' } as const;
const SCROLL = { overflowX: 'auto' } as const;

export default function PlatformPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const busy = useNavigation().state !== 'idle';
  const num = numberFormat(language);
  const regionError = actionData?.intent === 'createRegion' ? actionData.error : null;
  const statusError = actionData?.intent === 'status' ? actionData.error : null;
  const { tenants, regions, notice, confirm } = loaderData;

  return (
    <div className="stack">
      <title>{`${t('admin.platform.title')} – Rytme`}</title>
      <Heading level={1} data-size="xl">
        {t('admin.platform.title')}
      </Heading>
      <Paragraph>{t('admin.platform.intro')}</Paragraph>

      {notice ? (
        <Alert data-color={notice.kind === 'createdMailFailed' ? 'warning' : 'success'} role="status">
          <Paragraph>
            {notice.kind === 'regionCreated'
              ? t('admin.platform.regions.created', { name: notice.name })
              : notice.kind === 'suspended' || notice.kind === 'reactivated'
                ? t(`admin.platform.${notice.kind}`, { name: notice.name })
                : t(`admin.platform.create.${notice.kind}`, { name: notice.name })}
          </Paragraph>
        </Alert>
      ) : null}
      {confirm && !statusError ? (
        <Alert data-color="warning" role="alertdialog" aria-labelledby="suspend-title" aria-describedby="suspend-body">
          <Heading level={2} data-size="sm" id="suspend-title">
            {t('admin.platform.confirmSuspend.title', { name: confirm.name })}
          </Heading>
          <Paragraph id="suspend-body">{t('admin.platform.confirmSuspend.body')}</Paragraph>
          <Form method="post" action="/platform" className="cluster" style={{ marginTop: '1rem' }}>
            <CsrfField />
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="tenantId" value={confirm.id} />
            <input type="hidden" name="version" value={confirm.version} />
            <input type="hidden" name="status" value="suspended" />
            <Button type="submit" data-color="danger" disabled={busy} autoFocus>
              {t('admin.platform.suspend', { name: confirm.name })}
            </Button>
            <Button asChild variant="secondary">
              <a href="/platform">{t('common.actions.cancel')}</a>
            </Button>
          </Form>
        </Alert>
      ) : null}
      {statusError ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{statusError.message}</Paragraph>
        </Alert>
      ) : null}

      <section aria-labelledby="tenants-heading" className="stack">
        <div className="cluster" style={{ justifyContent: 'space-between' }}>
          <Heading level={2} data-size="md" id="tenants-heading">
            {t('admin.platform.tenants.title')}
          </Heading>
          <Button asChild variant="primary">
            <a href="/platform/tenants/new">{t('admin.platform.tenants.new')}</a>
          </Button>
        </div>
        {tenants.length === 0 ? (
          <Paragraph>{t('admin.platform.tenants.empty')}</Paragraph>
        ) : (
          <div style={SCROLL}>
            <Table zebra>
              <caption className="visually-hidden">{t('admin.platform.tenants.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('admin.platform.tenants.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.platform.tenants.slug')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.platform.tenants.municipalityNumber')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.platform.tenants.region')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.platform.tenants.status')}</Table.HeaderCell>
                  <Table.HeaderCell style={NUMERIC}>{t('admin.platform.tenants.units')}</Table.HeaderCell>
                  <Table.HeaderCell style={NUMERIC}>{t('admin.platform.tenants.people')}</Table.HeaderCell>
                  <Table.HeaderCell style={NUMERIC}>{t('admin.platform.tenants.accounts')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.platform.tenants.actions')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {tenants.map((tn) => (
                  <Table.Row key={tn.id} data-testid={`tenant-${tn.slug}`}>
                    <Table.Cell>
                      {tn.name} {tn.isOwn ? <span>{t('admin.platform.tenants.own')}</span> : null}
                    </Table.Cell>
                    <Table.Cell>
                      <code>{tn.slug}</code>
                    </Table.Cell>
                    <Table.Cell>{tn.municipalityNumber ?? '–'}</Table.Cell>
                    <Table.Cell>{tn.regionName ?? t('admin.platform.tenants.noRegion')}</Table.Cell>
                    <Table.Cell>
                      <Tag data-color={tn.status === 'active' ? 'success' : 'danger'}>{t(`admin.platform.status.${tn.status === 'active' ? 'active' : 'suspended'}`)}</Tag>
                    </Table.Cell>
                    <Table.Cell style={NUMERIC}>{num.format(tn.units)}</Table.Cell>
                    <Table.Cell style={NUMERIC}>{num.format(tn.people)}</Table.Cell>
                    <Table.Cell style={NUMERIC}>{num.format(tn.accounts)}</Table.Cell>
                    <Table.Cell>
                      {tn.isOwn ? null : tn.status === 'active' ? (
                        <Button asChild variant="secondary" data-size="sm" data-color="danger">
                          <a href={`/platform?suspend=${tn.id}`}>{t('admin.platform.suspend', { name: tn.name })}</a>
                        </Button>
                      ) : (
                        <Form method="post" action="/platform">
                          <CsrfField />
                          <input type="hidden" name="intent" value="status" />
                          <input type="hidden" name="tenantId" value={tn.id} />
                          <input type="hidden" name="version" value={tn.version} />
                          <input type="hidden" name="status" value="active" />
                          <Button type="submit" variant="secondary" data-size="sm" disabled={busy}>
                            {t('admin.platform.reactivate', { name: tn.name })}
                          </Button>
                        </Form>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="regions-heading" className="stack">
        <Heading level={2} data-size="md" id="regions-heading">
          {t('admin.platform.regions.title')}
        </Heading>
        <Paragraph>{t('admin.platform.regions.intro')}</Paragraph>
        {regions.length === 0 ? (
          <Paragraph>{t('admin.platform.regions.empty')}</Paragraph>
        ) : (
          <Table zebra>
            <caption className="visually-hidden">{t('admin.platform.regions.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('admin.platform.regions.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.platform.regions.members')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {regions.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>{r.name}</Table.Cell>
                  <Table.Cell>{r.tenantNames.length ? r.tenantNames.join(', ') : t('admin.platform.regions.noMembers')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        {regionError && regionError.issues.length ? (
          <ErrorSummary>
            <ErrorSummary.Heading>{t('errors.summaryTitle')}</ErrorSummary.Heading>
            <ErrorSummary.List>
              {regionError.issues.map((issue) => (
                <ErrorSummary.Item key={issue.path}>
                  <ErrorSummary.Link href="#region-name">{issue.message}</ErrorSummary.Link>
                </ErrorSummary.Item>
              ))}
            </ErrorSummary.List>
          </ErrorSummary>
        ) : null}
        <Form method="post" action="/platform" className="stack" style={{ maxWidth: '32rem' }} noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="createRegion" />
          <Textfield
            id="region-name"
            name="name"
            label={t('admin.platform.regions.newName')}
            defaultValue={actionData?.intent === 'createRegion' ? actionData.input.name : ''}
            error={regionError?.issues.find((i) => i.path === 'name')?.message}
            required
            maxLength={120}
            autoComplete="off"
          />
          <div>
            <Button type="submit" variant="secondary" disabled={busy}>
              {t('admin.platform.regions.create')}
            </Button>
          </div>
        </Form>
      </section>
    </div>
  );
}
