// /login: choose the municipality (by ?tenant=, the remembered choice, or a list), then sign
// in with e-mail and password or through the municipality's OpenID Connect provider (a plain
// link: the CSP's form-action 'self' would block a form that redirects to the IdP).
import { Form, data, redirect, useNavigation } from 'react-router';
import { z } from 'zod';
import { Button, Divider, Field, Heading, Label, Link as DsLink, Paragraph, Select, Alert } from '@digdir/designsystemet-react';
import type { Route } from './+types/login';
import { getLoginOptions } from '../../core/auth/get-login-options.ts';
import { signInWithPassword } from '../../core/auth/sign-in-with-password.ts';
import { safeNextPath } from '../../core/auth/auth.rules.ts';
import { parseOrThrow } from '../../core/shared/zod.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { useT } from '../i18n/use-t.ts';
import { SESSION_COOKIE, readCookies, serializeCookie } from '../server/cookies.ts';
import { getRequestInfo, getServices, getSessionState, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { FormProblems, TENANT_COOKIE, fieldError, TextField } from './login.shared.tsx';

const OIDC_ERRORS = ['failed', 'noAccount', 'expired', 'unavailable'] as const;

export const handle = { breadcrumb: (_: unknown, t: (k: string) => string) => ({ label: t('auth.login.title'), to: '/login' }) };

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const next = safeNextPath(url.searchParams.get('next'));
  const state = getSessionState(context);
  if (state.session) throw redirect(next);
  const services = getServices(context);
  const asked = url.searchParams.get('tenant');
  const remembered = readCookies(request.headers.get('cookie')).get(TENANT_COOKIE);
  const choosing = url.searchParams.has('choose');
  const options = await runForPage(context, () => getLoginOptions({ database: services.database, candidates: choosing ? [] : [asked, remembered] }));
  if (options.chosen && asked === options.chosen.slug) {
    state.setCookies.push(serializeCookie(TENANT_COOKIE, options.chosen.slug, { secure: services.env.COOKIE_SECURE, maxAgeSeconds: 365 * 24 * 3600 }));
  }
  const oidcError = OIDC_ERRORS.find((e) => e === url.searchParams.get('oidcError')) ?? null;
  return { ...options, next, oidcError };
}

const ZLoginFormSchema = z.object({
  tenant: z.string().regex(/^[a-z0-9-]{1,64}$/),
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
  next: z.string().max(1000).optional(),
});

export async function action({ request, context }: Route.ActionArgs) {
  const services = getServices(context);
  const info = getRequestInfo(context);
  const form = Object.fromEntries(await request.formData());
  const result = await runForForm(context, async () => {
    const input = parseOrThrow(ZLoginFormSchema, form);
    const signedIn = await signInWithPassword({
      database: services.database,
      tenantSlug: input.tenant,
      email: input.email,
      password: input.password,
      ip: info.ip,
      userAgent: info.userAgent,
      now: new Date(),
      absoluteMinutes: services.env.SESSION_ABSOLUTE_MINUTES,
      previousSessionToken: readCookies(request.headers.get('cookie')).get(SESSION_COOKIE) ?? null,
      requestId: info.requestId,
    });
    return { signedIn, next: safeNextPath(input.next) };
  });
  if (!result.ok) return data({ ok: false as const, error: result.error, email: typeof form.email === 'string' ? form.email.slice(0, 254) : '' }, { status: STATUS_FOR[result.error.code] });
  const secure = services.env.COOKIE_SECURE;
  const headers = new Headers();
  headers.append('Set-Cookie', serializeCookie(SESSION_COOKIE, result.value.signedIn.token, { secure, maxAgeSeconds: services.env.SESSION_ABSOLUTE_MINUTES * 60 }));
  headers.append('Set-Cookie', serializeCookie(TENANT_COOKIE, result.value.signedIn.tenantSlug, { secure, maxAgeSeconds: 365 * 24 * 3600 }));
  return redirect(result.value.next, { headers });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const navigation = useNavigation();
  const { tenants, chosen, next, oidcError } = loaderData;
  const nextQuery = next !== '/' ? `&next=${encodeURIComponent(next)}` : '';
  return (
    <div className="stack" style={{ maxWidth: '34rem' }}>
      <title>{`${t('auth.login.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('auth.login.title')}
      </Heading>
      {oidcError ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t(`auth.oidc.${oidcError}`)}</Paragraph>
        </Alert>
      ) : null}
      {tenants.length === 0 ? <Paragraph>{t('auth.login.tenantNone')}</Paragraph> : null}
      {tenants.length > 0 && !chosen ? (
        <Form method="get" action="/login" className="stack">
          <input type="hidden" name="next" value={next} />
          <Field>
            <Label htmlFor="tenant">{t('auth.login.tenantChoose')}</Label>
            <Select name="tenant" id="tenant" defaultValue={tenants[0]?.slug}>
              {tenants.map((tenant) => (
                <Select.Option key={tenant.slug} value={tenant.slug}>
                  {tenant.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <div>
            <Button type="submit">{t('auth.login.tenantContinue')}</Button>
          </div>
        </Form>
      ) : null}
      {chosen ? (
        <>
          <Paragraph>
            {t('auth.login.tenantCurrent', { tenant: chosen.name })}{' '}
            {tenants.length > 1 ? <DsLink href={`/login?choose=1${nextQuery}`}>{t('auth.login.tenantChange')}</DsLink> : null}
          </Paragraph>
          <Paragraph>{t('auth.login.intro')}</Paragraph>
          {chosen.oidcDisplayName ? (
            <>
              <div>
                <Button asChild variant="secondary">
                  <a href={`/auth/oidc/start?tenant=${encodeURIComponent(chosen.slug)}${nextQuery}`}>{t('auth.login.oidc', { provider: chosen.oidcDisplayName })}</a>
                </Button>
              </div>
              <Divider />
            </>
          ) : null}
          <FormProblems result={actionData} titleKey="auth.login.errorTitle" />
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <input type="hidden" name="tenant" value={chosen.slug} />
            <input type="hidden" name="next" value={next} />
            <TextField name="email" type="email" label={t('auth.login.email')} autoComplete="username" required defaultValue={actionData && !actionData.ok ? actionData.email : ''} error={fieldError(actionData, 'email')} />
            <TextField name="password" type="password" label={t('auth.login.password')} autoComplete="current-password" required error={fieldError(actionData, 'password')} />
            <div>
              <Button type="submit" loading={navigation.state === 'submitting'}>
                {t('auth.login.submit')}
              </Button>
            </div>
          </Form>
          <Paragraph>
            <DsLink href={`/password/forgot?tenant=${encodeURIComponent(chosen.slug)}`}>{t('auth.login.forgot')}</DsLink>
          </Paragraph>
        </>
      ) : null}
    </div>
  );
}
