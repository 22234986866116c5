// /password/forgot: ask for a reset link. Always the same answer, whether or not the address
// belongs to an account (the mail goes out in the background so timing tells nothing either).
import { Form, useNavigation } from 'react-router';
import { z } from 'zod';
import { Alert, Button, Field, Heading, Label, Link as DsLink, Paragraph, Select } from '@digdir/designsystemet-react';
import type { Route } from './+types/password.forgot';
import { getLoginOptions } from '../../core/auth/get-login-options.ts';
import { requestPasswordReset } from '../../core/auth/request-password-reset.ts';
import { parseOrThrow } from '../../core/shared/zod.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { useT } from '../i18n/use-t.ts';
import { readCookies } from '../server/cookies.ts';
import { getRequestInfo, getServices, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { FormProblems, TENANT_COOKIE, fieldError, TextField } from './login.shared.tsx';

export const handle = {
  breadcrumb: (_: unknown, t: (k: string) => string) => [
    { label: t('auth.login.title'), to: '/login' },
    { label: t('auth.forgot.title'), to: '/password/forgot' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const remembered = readCookies(request.headers.get('cookie')).get(TENANT_COOKIE);
  return runForPage(context, () => getLoginOptions({ database: getServices(context).database, candidates: [url.searchParams.get('tenant'), remembered] }));
}

const ZForgotFormSchema = z.object({ tenant: z.string().regex(/^[a-z0-9-]{1,64}$/), email: z.email().max(254) });

export async function action({ request, context }: Route.ActionArgs) {
  const services = getServices(context);
  const info = getRequestInfo(context);
  const form = Object.fromEntries(await request.formData());
  const result = await runForForm(context, async () => {
    const input = parseOrThrow(ZForgotFormSchema, form);
    await requestPasswordReset({
      database: services.database,
      mailer: services.mailer,
      tenantSlug: input.tenant,
      email: input.email,
      publicUrl: services.env.PUBLIC_URL,
      now: new Date(),
      requestId: info.requestId,
      background: (delivery) => {
        delivery.catch((error: unknown) => info.log.error({ err: error }, 'reset mail failed'));
      },
    });
  });
  return result.ok ? { ok: true as const } : { ok: false as const, error: result.error };
}

export default function ForgotPassword({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const navigation = useNavigation();
  const { tenants, chosen } = loaderData;
  return (
    <div className="stack" style={{ maxWidth: '34rem' }}>
      <title>{`${t('auth.forgot.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('auth.forgot.title')}
      </Heading>
      {actionData?.ok ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('auth.forgot.sent')}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t('auth.forgot.intro')}</Paragraph>
          <FormProblems result={actionData} />
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            {tenants.length > 1 || !chosen ? (
              <Field>
                <Label htmlFor="tenant">{t('auth.login.tenantLabel')}</Label>
                <Select name="tenant" id="tenant" defaultValue={chosen?.slug ?? tenants[0]?.slug}>
                  {tenants.map((tenant) => (
                    <Select.Option key={tenant.slug} value={tenant.slug}>
                      {tenant.name}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
            ) : (
              <input type="hidden" name="tenant" value={chosen.slug} />
            )}
            <TextField name="email" type="email" label={t('auth.login.email')} autoComplete="email" required error={fieldError(actionData, 'email')} />
            <div>
              <Button type="submit" loading={navigation.state === 'submitting'}>
                {t('auth.forgot.submit')}
              </Button>
            </div>
          </Form>
        </>
      )}
      <Paragraph>
        <DsLink href={chosen ? `/login?tenant=${encodeURIComponent(chosen.slug)}` : '/login'}>{t('auth.forgot.back')}</DsLink>
      </Paragraph>
    </div>
  );
}
