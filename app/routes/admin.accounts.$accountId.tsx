// /admin/accounts/:accountId: one account — roles, disable/enable (ends its sessions), and a
// new "choose your password" link. Each form carries the version it was read at.
import { Form, data, redirect } from 'react-router';
import { Alert, Button, Card, Checkbox, Fieldset, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import type { Route } from './+types/admin.accounts.$accountId';
import { getAccountForAdmin } from '../../core/auth/get-account-for-admin.ts';
import { sendPasswordLink } from '../../core/auth/send-password-link.ts';
import { setAccountDisabled } from '../../core/auth/set-account-disabled.ts';
import { updateAccountRoles } from '../../core/auth/update-account-roles.ts';
import { AppError, AppErrorCode } from '../../core/shared/app-error.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { FactList, FormProblems, StatusMessage, formatDateTime } from './login.shared.tsx';

const DONE = { created: 'auth.admin.create.created', roles: 'auth.admin.detail.rolesSaved', disabled: 'auth.admin.detail.disabledSaved', enabled: 'auth.admin.detail.enabledSaved', link: 'auth.admin.detail.linkSent' } as const;

export const handle = {
  breadcrumb: (loaderData: unknown, t: (k: string) => string) => {
    const account = (loaderData as { account?: { id: string; displayName: string } } | undefined)?.account;
    return [
      { label: t('common.nav.admin'), to: '/admin' },
      { label: t('auth.admin.accounts.title'), to: '/admin/accounts' },
      ...(account ? [{ label: account.displayName, to: `/admin/accounts/${account.id}` }] : []),
    ];
  },
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const account = await runForPage(context, () => {
    if (!/^[0-9a-f-]{36}$/i.test(params.accountId)) throw new AppError(AppErrorCode.NOT_FOUND);
    return getAccountForAdmin({ database: getServices(context).database, actor, accountId: params.accountId, requestId: getRequestInfo(context).requestId });
  });
  const done = new URL(request.url).searchParams.get('done');
  return { account, done: done && done in DONE ? DONE[done as keyof typeof DONE] : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const services = getServices(context);
  const requestId = getRequestInfo(context).requestId;
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const version = form.get('version');
  const result = await runForForm(context, async () => {
    switch (intent) {
      case 'roles':
        await updateAccountRoles({ database: services.database, actor, input: { accountId: params.accountId, version, roles: form.getAll('roles').map(String) }, requestId });
        return 'roles';
      case 'disable':
      case 'enable':
        await setAccountDisabled({ database: services.database, actor, input: { accountId: params.accountId, version, disabled: intent === 'disable' }, now: new Date(), requestId });
        return intent === 'disable' ? 'disabled' : 'enabled';
      case 'link':
        await sendPasswordLink({ database: services.database, mailer: services.mailer, actor, accountId: params.accountId, publicUrl: services.env.PUBLIC_URL, now: new Date(), requestId });
        return 'link';
      default:
        throw new AppError(AppErrorCode.VALIDATION, { issues: [{ path: 'intent', key: 'errors.field.invalid' }] });
    }
  });
  if (result.ok) return redirect(`/admin/accounts/${params.accountId}?done=${result.value}`);
  return data({ ok: false as const, error: result.error }, { status: STATUS_FOR[result.error.code] });
}

export default function AdminAccount({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const { account, done } = loaderData;
  const methods = [account.hasPassword ? t('auth.account.methodPassword') : null, account.hasOidc ? t('auth.account.methodOidc') : null].filter(Boolean).join(', ');
  return (
    <div className="stack" style={{ maxWidth: '48rem' }}>
      <title>{`${account.displayName} – ${t('auth.admin.accounts.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {account.displayName}
      </Heading>
      <StatusMessage message={done ? t(done) : null} />
      <FormProblems result={actionData} />
      <Card>
        <FactList
          facts={[
            [t('auth.account.email'), account.email],
            [t('auth.admin.detail.person'), account.personId ? <DsLink href={`/people/${account.personId}`}>{account.personName ?? account.personId}</DsLink> : t('auth.admin.detail.noPerson')],
            [t('auth.admin.detail.methods'), methods || t('auth.admin.detail.methodNone')],
            [t('auth.account.lastLogin'), formatDateTime(account.lastLoginAt, language) ?? t('auth.account.never')],
          ]}
        />
      </Card>

      <section className="stack" aria-labelledby="roles-heading">
        <Heading level={2} data-size="sm" id="roles-heading">
          {t('auth.admin.detail.rolesHeading')}
        </Heading>
        <Paragraph>{t('auth.admin.detail.rolesIntro')}</Paragraph>
        {account.scopedRoles.length ? <Paragraph>{t('auth.admin.detail.scoped', { roles: account.scopedRoles.map((r) => t(`auth.roles.${r}`)).join(', ') })}</Paragraph> : null}
        <Form method="post" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="roles" />
          <input type="hidden" name="version" value={account.version} />
          <Fieldset>
            <Fieldset.Legend>{t('auth.admin.detail.rolesLegend')}</Fieldset.Legend>
            {account.grantable.map((role) => (
              <Checkbox key={role} id={`role-${role}`} name="roles" value={role} label={t(`auth.roles.${role}`)} defaultChecked={account.tenantRoles.includes(role)} />
            ))}
          </Fieldset>
          <div>
            <Button type="submit">{t('auth.admin.detail.rolesSave')}</Button>
          </div>
        </Form>
      </section>

      <section className="stack" aria-labelledby="status-heading">
        <Heading level={2} data-size="sm" id="status-heading">
          {t('auth.admin.detail.statusHeading')}
        </Heading>
        {account.disabledAt ? (
          <Alert data-color="warning">
            <Paragraph>{t('auth.admin.detail.disabledText', { date: formatDateTime(account.disabledAt, language) ?? '' })}</Paragraph>
          </Alert>
        ) : (
          <Paragraph>{t('auth.admin.detail.activeText')}</Paragraph>
        )}
        {account.isSelf || !account.manageable ? null : (
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value={account.disabledAt ? 'enable' : 'disable'} />
            <input type="hidden" name="version" value={account.version} />
            {account.disabledAt ? null : <Paragraph data-size="sm">{t('auth.admin.detail.disableHint')}</Paragraph>}
            <div>
              <Button type="submit" variant="secondary" data-color={account.disabledAt ? undefined : 'danger'}>
                {account.disabledAt ? t('auth.admin.detail.enable') : t('auth.admin.detail.disable')}
              </Button>
            </div>
          </Form>
        )}
      </section>

      {account.disabledAt || !account.manageable ? null : (
        <section className="stack" aria-labelledby="link-heading">
          <Heading level={2} data-size="sm" id="link-heading">
            {t('auth.admin.detail.linkHeading')}
          </Heading>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="link" />
            <Button type="submit" variant="secondary">
              {t('auth.admin.detail.sendLink')}
            </Button>
          </Form>
        </section>
      )}
    </div>
  );
}
