// /account: the signed-in user's own account — language preference and password change.
import { Form, data, useNavigation } from 'react-router';
import { z } from 'zod';
import { Button, Card, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import type { Route } from './+types/account';
import { changePassword } from '../../core/auth/change-password.ts';
import { getOwnAccount } from '../../core/auth/get-own-account.ts';
import { PASSWORD_MIN_LENGTH } from '../../core/auth/password.ts';
import { setAccountLanguage } from '../../core/auth/set-account-language.ts';
import { AppError, AppErrorCode } from '../../core/shared/app-error.ts';
import { parseOrThrow } from '../../core/shared/zod.ts';
import { LANGUAGES } from '../../locales/index.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { LANGUAGE_COOKIE, serializeCookie } from '../server/cookies.ts';
import { getRequestInfo, getServices, getSessionState, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { FactList, FormProblems, StatusMessage, TextField, fieldError, formatDateTime } from './login.shared.tsx';

export const handle = { breadcrumb: (_: unknown, t: (k: string) => string) => ({ label: t('auth.account.title'), to: '/account' }) };

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const account = await runForPage(context, () => getOwnAccount({ database: getServices(context).database, actor }));
  return { ...account, minLength: PASSWORD_MIN_LENGTH };
}

const ZAccountFormSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('language'), language: z.enum(LANGUAGES) }),
  z.object({ intent: z.literal('password'), currentPassword: z.string().max(200), newPassword: z.string().max(200), confirm: z.string().max(200) }),
]);

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const services = getServices(context);
  const state = getSessionState(context);
  const form = Object.fromEntries(await request.formData());
  const result = await runForForm(context, async () => {
    const input = parseOrThrow(ZAccountFormSchema, form);
    if (input.intent === 'language') {
      await setAccountLanguage({ database: services.database, actor, language: input.language });
      state.setCookies.push(serializeCookie(LANGUAGE_COOKIE, input.language, { secure: services.env.COOKIE_SECURE, maxAgeSeconds: 365 * 24 * 3600 }));
      return { intent: 'language' as const, language: input.language };
    }
    if (input.newPassword !== input.confirm) throw new AppError(AppErrorCode.VALIDATION, { issues: [{ path: 'confirm', key: 'auth.reset.mismatch' }] });
    const info = getRequestInfo(context);
    await changePassword({
      database: services.database,
      actor,
      sessionIdHash: state.session!.idHash,
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
      now: new Date(),
      requestId: info.requestId,
      mailer: services.mailer,
      background: (delivery) => void delivery.catch((error: unknown) => info.log.error({ err: error }, 'password notice failed')),
    });
    return { intent: 'password' as const, language: null };
  });
  if (!result.ok) return data({ ok: false as const, intent: String(form.intent ?? ''), error: result.error }, { status: STATUS_FOR[result.error.code] });
  return { ok: true as const, intent: result.value.intent };
}

export default function AccountPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const navigation = useNavigation();
  const passwordResult = actionData?.intent === 'password' ? actionData : undefined;
  return (
    <div className="stack" style={{ maxWidth: '40rem' }}>
      <title>{`${t('auth.account.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('auth.account.title')}
      </Heading>
      <Paragraph>{t('auth.account.intro')}</Paragraph>
      {/* Translated here, so a language change is confirmed in the language just chosen. */}
      <StatusMessage message={actionData?.ok ? t(actionData.intent === 'language' ? 'auth.account.languageSaved' : 'auth.account.passwordChanged') : null} />
      <Card>
        <Heading level={2} data-size="sm">
          {t('auth.account.facts')}
        </Heading>
        <FactList
          facts={[
            [t('auth.account.name'), loaderData.displayName],
            [t('auth.account.email'), loaderData.email],
            [t('auth.account.methods'), [loaderData.hasPassword ? t('auth.account.methodPassword') : null, loaderData.hasOidc ? t('auth.account.methodOidc') : null].filter(Boolean).join(', ') || '–'],
            [t('auth.account.lastLogin'), formatDateTime(loaderData.lastLoginAt, language) ?? t('auth.account.never')],
          ]}
        />
      </Card>
      <section className="stack" aria-labelledby="language-heading">
        <Heading level={2} data-size="sm" id="language-heading">
          {t('auth.account.languageHeading')}
        </Heading>
        <Form method="post" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="language" />
          <Field>
            <Label htmlFor="account-language">{t('auth.account.languageLabel')}</Label>
            <Select id="account-language" name="language" defaultValue={loaderData.language ?? language}>
              {LANGUAGES.map((l) => (
                <Select.Option key={l} value={l} lang={l}>
                  {t(`common.language.${l}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <div>
            <Button type="submit" variant="secondary">
              {t('auth.account.languageSubmit')}
            </Button>
          </div>
        </Form>
      </section>
      <section className="stack" aria-labelledby="password-heading">
        <Heading level={2} data-size="sm" id="password-heading">
          {t('auth.account.passwordHeading')}
        </Heading>
        {loaderData.hasPassword ? (
          <>
            <Paragraph>{t('auth.account.passwordIntro')}</Paragraph>
            <FormProblems result={passwordResult && !passwordResult.ok ? passwordResult : undefined} />
            <Form method="post" className="stack" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="password" />
              <TextField name="currentPassword" type="password" label={t('auth.account.current')} autoComplete="current-password" required error={fieldError(passwordResult && !passwordResult.ok ? passwordResult : undefined, 'currentPassword')} />
              <TextField
                name="newPassword"
                type="password"
                label={t('auth.account.new')}
                description={t('auth.account.newHint', { min: loaderData.minLength })}
                autoComplete="new-password"
                required
                error={fieldError(passwordResult && !passwordResult.ok ? passwordResult : undefined, 'newPassword')}
              />
              <TextField name="confirm" type="password" label={t('auth.account.confirm')} autoComplete="new-password" required error={fieldError(passwordResult && !passwordResult.ok ? passwordResult : undefined, 'confirm')} />
              <div>
                <Button type="submit" loading={navigation.state === 'submitting'}>
                  {t('auth.account.passwordSubmit')}
                </Button>
              </div>
            </Form>
          </>
        ) : (
          <Paragraph>{t('auth.account.noPassword')}</Paragraph>
        )}
      </section>
    </div>
  );
}
