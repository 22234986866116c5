// /account: the signed-in user's own account — language preference and password change.
import { Form, data, useNavigation } from 'react-router';
import { z } from 'zod';
import { Button, Card, Field, Heading, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import type { Route } from './+types/account';
import { changePassword } from '../../core/auth/change-password.ts';
import { getOwnAccount } from '../../core/auth/get-own-account.ts';
import { listOwnSessions } from '../../core/auth/list-own-sessions.ts';
import { endOtherSessions } from '../../core/auth/end-other-sessions.ts';
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
  const database = getServices(context).database;
  const currentIdHash = getSessionState(context).session!.idHash;
  const account = await runForPage(context, () => getOwnAccount({ database, actor }));
  const sessions = await runForPage(context, () => listOwnSessions({ database, actor, currentIdHash }));
  return { ...account, sessions, minLength: PASSWORD_MIN_LENGTH };
}

const ZAccountFormSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('language'), language: z.enum(LANGUAGES) }),
  z.object({ intent: z.literal('password'), currentPassword: z.string().max(200), newPassword: z.string().max(200), confirm: z.string().max(200) }),
  z.object({ intent: z.literal('sessions') }),
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
      return { intent: 'language' as const, language: input.language, ended: 0 };
    }
    if (input.intent === 'sessions') {
      const ended = await endOtherSessions({ database: services.database, actor, currentIdHash: state.session!.idHash, requestId: getRequestInfo(context).requestId });
      return { intent: 'sessions' as const, language: null, ended };
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
    return { intent: 'password' as const, language: null, ended: 0 };
  });
  if (!result.ok) return data({ ok: false as const, intent: String(form.intent ?? ''), error: result.error }, { status: STATUS_FOR[result.error.code] });
  return { ok: true as const, intent: result.value.intent, ended: result.value.ended };
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
      <StatusMessage
        message={
          actionData?.ok
            ? actionData.intent === 'sessions'
              ? t('auth.account.othersEnded', { count: actionData.ended })
              : t(actionData.intent === 'language' ? 'auth.account.languageSaved' : 'auth.account.passwordChanged')
            : null
        }
      />
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
      <section className="stack" aria-labelledby="wheel-reminders-heading">
        <Heading level={2} data-size="sm" id="wheel-reminders-heading">
          {t('wheel.account.heading')}
        </Heading>
        <Paragraph>
          {t('wheel.account.intro')}{' '}
          <a href="/wheel/notifications#settings-heading" className="ds-link">
            {t('wheel.account.link')}
          </a>
        </Paragraph>
      </section>
      <section className="stack" aria-labelledby="sessions-heading">
        <Heading level={2} data-size="sm" id="sessions-heading">
          {t('auth.account.sessionsHeading')}
        </Heading>
        <Paragraph>{t('auth.account.sessionsIntro')}</Paragraph>
        <Table data-size="sm">
          <caption className="visually-hidden">{t('auth.account.sessionsHeading')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('auth.account.sessionDevice')}</Table.HeaderCell>
              <Table.HeaderCell>{t('auth.account.sessionStarted')}</Table.HeaderCell>
              <Table.HeaderCell>{t('auth.account.sessionLastSeen')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {loaderData.sessions.map((s) => (
              <Table.Row key={`${s.createdAt}-${s.device}`}>
                <Table.Cell>
                  {s.device}
                  {s.current ? ` (${t('auth.account.sessionCurrent')})` : ''}
                </Table.Cell>
                <Table.Cell>{formatDateTime(s.createdAt, language)}</Table.Cell>
                <Table.Cell>{formatDateTime(s.lastSeenAt, language)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {loaderData.sessions.some((s) => !s.current) ? (
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="sessions" />
            <Button type="submit" variant="secondary">
              {t('auth.account.endOthers')}
            </Button>
          </Form>
        ) : (
          <Paragraph data-size="sm">{t('auth.account.noOthers')}</Paragraph>
        )}
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
