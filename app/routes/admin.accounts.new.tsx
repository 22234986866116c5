// /admin/accounts/new: create a user account, optionally linked to an employee and with a
// "choose your password" mail.
import { Form, data, redirect } from 'react-router';
import { Button, Checkbox, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import type { Route } from './+types/admin.accounts.new';
import { createAccount } from '../../core/auth/create-account.ts';
import { authorize } from '../../core/shared/policy.ts';
import { LANGUAGES } from '../../locales/index.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { useT } from '../i18n/use-t.ts';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { FormProblems, fieldError, TextField } from './login.shared.tsx';

export const handle = {
  breadcrumb: (_: unknown, t: (k: string) => string) => [
    { label: t('common.nav.admin'), to: '/admin' },
    { label: t('auth.admin.accounts.title'), to: '/admin/accounts' },
    { label: t('auth.admin.create.title'), to: '/admin/accounts/new' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  await runForPage(context, async () => authorize(actor, 'account.manage', { tenantId: actor.tenantId }));
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const services = getServices(context);
  const form = await request.formData();
  const values = {
    email: String(form.get('email') ?? '').trim(),
    displayName: String(form.get('displayName') ?? ''),
    employeeNumber: String(form.get('employeeNumber') ?? '').trim() || undefined,
    language: String(form.get('language') ?? '') || undefined,
    sendInvite: form.get('sendInvite') === 'on',
  };
  const result = await runForForm(context, () =>
    createAccount({ database: services.database, mailer: services.mailer, actor, input: values, publicUrl: services.env.PUBLIC_URL, now: new Date(), requestId: getRequestInfo(context).requestId }),
  );
  if (result.ok) return redirect(`/admin/accounts/${result.value.id}?done=created`);
  return data({ ok: false as const, error: result.error, values }, { status: STATUS_FOR[result.error.code] });
}

export default function NewAccount({ actionData }: Route.ComponentProps) {
  const t = useT();
  const values = actionData?.values;
  return (
    <div className="stack" style={{ maxWidth: '40rem' }}>
      <title>{`${t('auth.admin.create.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('auth.admin.create.title')}
      </Heading>
      <Paragraph>{t('auth.admin.create.intro')}</Paragraph>
      <FormProblems result={actionData} />
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <TextField name="email" type="email" label={t('auth.admin.create.email')} autoComplete="off" required defaultValue={values?.email} error={fieldError(actionData, 'email')} />
        <TextField name="displayName" label={t('auth.admin.create.displayName')} autoComplete="off" required defaultValue={values?.displayName} error={fieldError(actionData, 'displayName')} />
        <TextField
          name="employeeNumber"
          label={t('auth.admin.create.employeeNumber')}
          description={t('auth.admin.create.employeeNumberHint')}
          autoComplete="off"
          defaultValue={values?.employeeNumber}
          error={fieldError(actionData, 'employeeNumber')}
        />
        <Field>
          <Label htmlFor="language">{t('auth.admin.create.language')}</Label>
          <Select id="language" name="language" defaultValue={values?.language ?? ''}>
            <Select.Option value="">{t('auth.admin.create.languageDefault')}</Select.Option>
            {LANGUAGES.map((l) => (
              <Select.Option key={l} value={l} lang={l}>
                {t(`common.language.${l}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Checkbox id="sendInvite" name="sendInvite" label={t('auth.admin.create.sendInvite')} defaultChecked={values ? values.sendInvite : true} />
        <div>
          <Button type="submit">{t('auth.admin.create.submit')}</Button>
        </div>
      </Form>
    </div>
  );
}
