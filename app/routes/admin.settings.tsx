// /admin/settings: the municipality's sign-in settings — default language and OpenID Connect
// (Entra ID, Feide or another provider). The client secret is write-only.
import { Form, data, redirect } from 'react-router';
import { Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import type { Route } from './+types/admin.settings';
import { getTenantSignInSettings } from '../../core/auth/get-tenant-sign-in-settings.ts';
import { updateTenantSignInSettings } from '../../core/auth/update-tenant-sign-in-settings.ts';
import { LANGUAGES } from '../../locales/index.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { useT } from '../i18n/use-t.ts';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { FormProblems, StatusMessage, fieldError, TextField } from './login.shared.tsx';

const KINDS = ['entra', 'feide', 'generic'] as const;

export const handle = {
  breadcrumb: (_: unknown, t: (k: string) => string) => [
    { label: t('common.nav.admin'), to: '/admin' },
    { label: t('auth.settings.title'), to: '/admin/settings' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const services = getServices(context);
  const settings = await runForPage(context, () => getTenantSignInSettings({ database: services.database, actor }));
  return { settings, redirectUri: `${services.env.PUBLIC_URL.replace(/\/+$/, '')}/auth/oidc/callback`, saved: new URL(request.url).searchParams.has('saved') };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const services = getServices(context);
  const form = await request.formData();
  const str = (name: string) => String(form.get(name) ?? '').trim();
  const input = {
    version: str('version'),
    defaultLanguage: str('defaultLanguage'),
    oidcEnabled: form.get('oidcEnabled') === 'on',
    kind: str('kind'),
    issuer: str('issuer'),
    clientId: str('clientId'),
    clientSecret: String(form.get('clientSecret') ?? '') || undefined,
    displayName: str('displayName'),
  };
  const result = await runForForm(context, () => updateTenantSignInSettings({ database: services.database, actor, input, nodeEnv: services.env.NODE_ENV, requestId: getRequestInfo(context).requestId }));
  if (result.ok) return redirect('/admin/settings?saved=1');
  // Never echo the secret back.
  return data({ ok: false as const, error: result.error, values: { ...input, clientSecret: undefined } }, { status: STATUS_FOR[result.error.code] });
}

export default function AdminSettings({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { settings, redirectUri, saved } = loaderData;
  const v = actionData?.values;
  const oidc = settings.oidc;
  return (
    <div className="stack" style={{ maxWidth: '44rem' }}>
      <title>{`${t('auth.settings.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('auth.settings.title')}
      </Heading>
      <Paragraph>{t('auth.settings.intro')}</Paragraph>
      <StatusMessage message={saved && !actionData ? t('auth.settings.saved') : null} />
      <FormProblems result={actionData} />
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <input type="hidden" name="version" value={settings.version} />
        <Field>
          <Label htmlFor="defaultLanguage">{t('auth.settings.language')}</Label>
          <Select id="defaultLanguage" name="defaultLanguage" defaultValue={v?.defaultLanguage ?? settings.defaultLanguage}>
            {LANGUAGES.map((l) => (
              <Select.Option key={l} value={l} lang={l}>
                {t(`common.language.${l}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Fieldset>
          <Fieldset.Legend>{t('auth.settings.oidcHeading')}</Fieldset.Legend>
          <Paragraph data-size="sm">{t('auth.settings.redirectUri', { uri: redirectUri })}</Paragraph>
          <Checkbox id="oidcEnabled" name="oidcEnabled" label={t('auth.settings.oidcEnabled')} defaultChecked={v ? v.oidcEnabled : oidc !== null} />
          <Field>
            <Label htmlFor="kind">{t('auth.settings.kind')}</Label>
            <Select id="kind" name="kind" defaultValue={v?.kind || oidc?.kind || 'entra'}>
              {KINDS.map((k) => (
                <Select.Option key={k} value={k}>
                  {t(`auth.settings.kinds.${k}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <TextField name="issuer" type="url" label={t('auth.settings.issuer')} description={t('auth.settings.issuerHint')} defaultValue={v?.issuer ?? oidc?.issuer ?? ''} error={fieldError(actionData, 'issuer')} autoComplete="off" />
          <TextField name="clientId" label={t('auth.settings.clientId')} defaultValue={v?.clientId ?? oidc?.clientId ?? ''} error={fieldError(actionData, 'clientId')} autoComplete="off" />
          <TextField
            name="clientSecret"
            type="password"
            label={t('auth.settings.clientSecret')}
            description={oidc?.hasSecret ? t('auth.settings.secretStored') : t('auth.settings.secretMissing')}
            defaultValue=""
            error={fieldError(actionData, 'clientSecret')}
            autoComplete="new-password"
          />
          <TextField name="displayName" label={t('auth.settings.displayName')} description={t('auth.settings.displayNameHint')} defaultValue={v?.displayName ?? oidc?.displayName ?? ''} error={fieldError(actionData, 'displayName')} autoComplete="off" />
        </Fieldset>
        <div>
          <Button type="submit">{t('auth.settings.submit')}</Button>
        </div>
      </Form>
    </div>
  );
}
