// /password/reset/:token: choose a new password with a single-use link from a mail (reset or
// a new account's invitation). Expired and used links get a clear message and a way on.
import { Form, data, useNavigation } from 'react-router';
import { Alert, Button, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import type { Route } from './+types/password.reset.$token';
import { checkResetToken } from '../../core/auth/check-reset-token.ts';
import { resetPassword } from '../../core/auth/reset-password.ts';
import { PASSWORD_MIN_LENGTH } from '../../core/auth/password.ts';
import { AppError, AppErrorCode } from '../../core/shared/app-error.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { useT } from '../i18n/use-t.ts';
import { getRequestInfo, getServices, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { FormProblems, fieldError, TextField } from './login.shared.tsx';

export const handle = { breadcrumb: (_: unknown, t: (k: string) => string) => ({ label: t('auth.reset.title'), to: '#' }) };

export function meta() {
  return [{ name: 'referrer', content: 'no-referrer' }];
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const status = await runForPage(context, () => checkResetToken({ database: getServices(context).database, token: params.token, now: new Date() }));
  return { status, minLength: PASSWORD_MIN_LENGTH };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const services = getServices(context);
  const form = await request.formData();
  const password = String(form.get('password') ?? '');
  const confirm = String(form.get('confirm') ?? '');
  const result = await runForForm(context, async () => {
    if (password !== confirm) throw new AppError(AppErrorCode.VALIDATION, { issues: [{ path: 'confirm', key: 'auth.reset.mismatch' }] });
    const info = getRequestInfo(context);
    await resetPassword({
      database: services.database,
      token: params.token,
      password,
      now: new Date(),
      requestId: info.requestId,
      mailer: services.mailer,
      background: (delivery) => void delivery.catch((error: unknown) => info.log.error({ err: error }, 'password notice failed')),
    });
  });
  if (result.ok) return { ok: true as const };
  return data({ ok: false as const, error: result.error }, { status: STATUS_FOR[result.error.code] });
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const navigation = useNavigation();
  const failedStatus = actionData && !actionData.ok && actionData.error.code === 'CONFLICT';
  return (
    <div className="stack" style={{ maxWidth: '34rem' }}>
      <title>{`${t('auth.reset.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('auth.reset.title')}
      </Heading>
      {actionData?.ok ? (
        <>
          <Alert data-color="success" role="status">
            <Paragraph>{t('auth.reset.done')}</Paragraph>
          </Alert>
          <Paragraph>
            <DsLink href="/login">{t('auth.reset.toLogin')}</DsLink>
          </Paragraph>
        </>
      ) : loaderData.status !== 'valid' || failedStatus ? (
        <>
          <Alert data-color="warning" role="alert">
            <Paragraph>{failedStatus ? actionData.error.message : t(`auth.reset.${loaderData.status}`)}</Paragraph>
          </Alert>
          <Paragraph>
            <DsLink href="/password/forgot">{t('auth.reset.newLink')}</DsLink>
          </Paragraph>
        </>
      ) : (
        <>
          <Paragraph>{t('auth.reset.intro', { min: loaderData.minLength })}</Paragraph>
          <FormProblems result={actionData} />
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <TextField name="password" type="password" label={t('auth.reset.password')} autoComplete="new-password" minLength={loaderData.minLength} required error={fieldError(actionData, 'password')} />
            <TextField name="confirm" type="password" label={t('auth.reset.confirm')} autoComplete="new-password" required error={fieldError(actionData, 'confirm')} />
            <div>
              <Button type="submit" loading={navigation.state === 'submitting'}>
                {t('auth.reset.submit')}
              </Button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
