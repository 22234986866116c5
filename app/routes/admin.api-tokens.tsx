// /admin/api-tokens: the tenant's API tokens. List (name, scopes, created, last used,
// revoked), create with scope checkboxes (the secret is shown once, in the answer to the
// POST), revoke after a confirmation step that works without JavaScript (?revoke=<id>).
import { Alert, Button, Checkbox, ErrorSummary, Fieldset, Heading, Link as DsLink, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { Form, data, useNavigation } from 'react-router';
import type { Route } from './+types/admin.api-tokens';
import { createApiToken } from '../../core/api-tokens/create-api-token.ts';
import { listApiTokens } from '../../core/api-tokens/list-api-tokens.ts';
import { revokeApiToken } from '../../core/api-tokens/revoke-api-token.ts';
import { API_SCOPES, type ApiScope } from '../../core/shared/actor.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { STATUS_FOR } from '../http/problem.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { useLanguage, useT, type TFunction } from '../i18n/use-t.ts';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { dateTimeFormat } from '../i18n/format.ts';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_data, t) => [
    { label: t('admin.home.title'), to: '/admin' },
    { label: t('admin.apiTokens.title'), to: '/admin/api-tokens' },
  ],
};

const SCOPE_KEY: Record<ApiScope, string> = {
  'org:read': 'orgRead',
  'people:read': 'peopleRead',
  'people:write': 'peopleWrite',
  'import:write': 'importWrite',
};

const scopeName = (t: TFunction, scope: ApiScope) => t(`admin.apiTokens.scopeNames.${SCOPE_KEY[scope]}`);

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const { database } = getServices(context);
  const { requestId } = getRequestInfo(context);
  const tokens = await runForPage(context, () => listApiTokens({ database, actor, requestId }));
  const revokeId = new URL(request.url).searchParams.get('revoke');
  const confirm = tokens.find((tk) => tk.id === revokeId && !tk.revokedAt) ?? null;
  return { tokens, confirm };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const { database } = getServices(context);
  const { requestId } = getRequestInfo(context);
  const form = await request.formData();
  if (form.get('intent') === 'revoke') {
    const result = await runForForm(context, () => revokeApiToken({ database, actor, requestId, input: { id: form.get('id'), version: form.get('version') } }));
    return data({ intent: 'revoke' as const, result }, { status: result.ok ? 200 : STATUS_FOR[result.error.code] });
  }
  const input = { name: String(form.get('name') ?? ''), scopes: form.getAll('scopes').map(String) };
  const result = await runForForm(context, () => createApiToken({ database, actor, requestId, input }));
  return data({ intent: 'create' as const, result, input }, { status: result.ok ? 200 : STATUS_FOR[result.error.code] });
}


export default function ApiTokensPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  const fmt = dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const when = (d: Date | string | null) => (d ? fmt.format(new Date(d)) : t('admin.apiTokens.list.never'));

  const created = actionData?.intent === 'create' && actionData.result.ok ? actionData.result.value : null;
  const createError = actionData?.intent === 'create' && !actionData.result.ok ? actionData.result.error : null;
  const revoked = actionData?.intent === 'revoke' && actionData.result.ok ? actionData.result.value : null;
  const revokeError = actionData?.intent === 'revoke' && !actionData.result.ok ? actionData.result.error : null;
  const fieldError = (field: string) => createError?.issues.find((i) => i.path === field || i.path.startsWith(`${field}.`))?.message;
  const previous = actionData?.intent === 'create' && !actionData.result.ok ? actionData.input : null;
  const confirm = revoked ? null : loaderData.confirm;

  return (
    <div className="stack">
      <title>{`${t('admin.apiTokens.title')} – Rytme`}</title>
      <Heading level={1} data-size="xl">
        {t('admin.apiTokens.title')}
      </Heading>
      <Paragraph>{t('admin.apiTokens.intro')}</Paragraph>
      <Alert data-color="warning">
        <Paragraph>{t('admin.apiTokens.powerNote')}</Paragraph>
      </Alert>
      <Paragraph>
        <DsLink href="/api/v1/openapi.json">{t('admin.apiTokens.docsLink')}</DsLink>
      </Paragraph>

      {created ? (
        <Alert data-color="success" role="status">
          <Heading level={2} data-size="sm">
            {t('admin.apiTokens.created.heading', { name: created.name })}
          </Heading>
          <Paragraph>{t('admin.apiTokens.created.body')}</Paragraph>
          <Textfield label={t('admin.apiTokens.created.label')} description={t('admin.apiTokens.created.copyHint')} readOnly value={created.secret} spellCheck={false} autoComplete="off" data-testid="new-token" />
        </Alert>
      ) : null}
      {revoked ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('admin.apiTokens.revoke.done', { name: revoked.name })}</Paragraph>
        </Alert>
      ) : null}
      {revokeError ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{revokeError.message}</Paragraph>
        </Alert>
      ) : null}

      {confirm ? (
        <Alert data-color="warning" role="alertdialog" aria-labelledby="revoke-title" aria-describedby="revoke-body">
          <Heading level={2} data-size="sm" id="revoke-title">
            {t('admin.apiTokens.revoke.confirmTitle', { name: confirm.name })}
          </Heading>
          <Paragraph id="revoke-body">{t('admin.apiTokens.revoke.confirmBody')}</Paragraph>
          <Form method="post" action="/admin/api-tokens" className="cluster">
            <CsrfField />
            <input type="hidden" name="intent" value="revoke" />
            <input type="hidden" name="id" value={confirm.id} />
            <input type="hidden" name="version" value={confirm.version} />
            <Button type="submit" data-color="danger" disabled={busy} autoFocus>
              {t('admin.apiTokens.revoke.confirm')}
            </Button>
            <Button asChild variant="secondary">
              <a href="/admin/api-tokens">{t('admin.apiTokens.revoke.cancel')}</a>
            </Button>
          </Form>
        </Alert>
      ) : null}

      <section aria-labelledby="tokens-heading" className="stack">
        <Heading level={2} data-size="md" id="tokens-heading">
          {t('admin.apiTokens.list.heading')}
        </Heading>
        {loaderData.tokens.length === 0 ? (
          <Paragraph>{t('admin.apiTokens.list.empty')}</Paragraph>
        ) : (
                      <Table zebra>
              <caption className="visually-hidden">{t('admin.apiTokens.list.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('admin.apiTokens.list.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.apiTokens.list.scopes')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.apiTokens.list.created')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.apiTokens.list.lastUsed')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.apiTokens.list.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.apiTokens.list.actions')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {loaderData.tokens.map((tk) => (
                  <Table.Row key={tk.id}>
                    <Table.Cell>{tk.name}</Table.Cell>
                    <Table.Cell>
                      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: '0.25rem' }}>
                        {tk.scopes.map((s) => (
                          <li key={s}>
                            <Tag data-color="neutral">{scopeName(t, s)}</Tag>
                          </li>
                        ))}
                      </ul>
                    </Table.Cell>
                    <Table.Cell>
                      {when(tk.createdAt)}
                      {tk.createdByName ? ` ${t('admin.apiTokens.list.createdBy', { name: tk.createdByName })}` : ''}
                    </Table.Cell>
                    <Table.Cell>{when(tk.lastUsedAt)}</Table.Cell>
                    <Table.Cell>{tk.revokedAt ? t('admin.apiTokens.list.revoked', { date: when(tk.revokedAt) }) : t('admin.apiTokens.list.active')}</Table.Cell>
                    <Table.Cell>
                      {tk.revokedAt ? null : (
                        <DsLink href={`/admin/api-tokens?revoke=${tk.id}`} aria-label={t('admin.apiTokens.revoke.buttonFor', { name: tk.name })}>
                          {t('admin.apiTokens.revoke.button')}
                        </DsLink>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
        )}
      </section>

      <section aria-labelledby="create-heading" className="stack">
        <Heading level={2} data-size="md" id="create-heading">
          {t('admin.apiTokens.create.heading')}
        </Heading>
        {createError && createError.issues.length ? (
          <ErrorSummary>
            <ErrorSummary.Heading>{t('errors.summaryTitle')}</ErrorSummary.Heading>
            <ErrorSummary.List>
              {createError.issues.map((issue) => (
                <ErrorSummary.Item key={issue.path}>
                  <ErrorSummary.Link href={issue.path.startsWith('scopes') ? '#scope-org-read' : '#token-name'}>{issue.message}</ErrorSummary.Link>
                </ErrorSummary.Item>
              ))}
            </ErrorSummary.List>
          </ErrorSummary>
        ) : null}
        {/* A new key after each created token empties the form. */}
        <Form key={created?.id ?? 'create'} method="post" action="/admin/api-tokens" className="stack" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="create" />
          <Textfield
            id="token-name"
            name="name"
            label={t('admin.apiTokens.create.name')}
            description={t('admin.apiTokens.create.nameHelp')}
            maxLength={100}
            required
            autoComplete="off"
            defaultValue={previous?.name ?? ''}
            error={fieldError('name')}
          />
          <Fieldset>
            <Fieldset.Legend>{t('admin.apiTokens.create.scopes')}</Fieldset.Legend>
            <Fieldset.Description>{t('admin.apiTokens.create.scopesHelp')}</Fieldset.Description>
            {API_SCOPES.map((scope) => (
              <Checkbox
                key={scope}
                id={`scope-${scope.replace(':', '-')}`}
                name="scopes"
                value={scope}
                label={`${scopeName(t, scope)} (${scope})`}
                description={t(`admin.apiTokens.scopeHelp.${SCOPE_KEY[scope]}`)}
                defaultChecked={previous?.scopes.includes(scope) ?? false}
                aria-invalid={fieldError('scopes') ? true : undefined}
              />
            ))}
            {fieldError('scopes') ? (
              <Paragraph data-color="danger" data-size="sm" id="scopes-error">
                {fieldError('scopes')}
              </Paragraph>
            ) : null}
          </Fieldset>
          <div>
            <Button type="submit" disabled={busy}>
              {t('admin.apiTokens.create.submit')}
            </Button>
          </div>
        </Form>
      </section>
    </div>
  );
}
