// /maturity/survey/admin?year= — run the year's survey: open a round, invite groups (by role or by
// name), follow the answers per group (counts only, never names), close and reopen.
import { data, Form, Link, useActionData } from 'react-router';
import { Alert, Button, Field, Heading, Label, Paragraph, Table, ValidationMessage } from '@digdir/designsystemet-react';
import type { Route } from './+types/maturity.survey.admin';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getSurveyAdmin } from '../../core/maturity/get-survey-admin.ts';
import { openSurveyRound } from '../../core/maturity/open-survey-round.ts';
import { setSurveyRoundStatus } from '../../core/maturity/close-survey-round.ts';
import { inviteRespondents } from '../../core/maturity/invite-respondents.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, fieldId, formError, FormErrorSummary } from '../components/form-errors.tsx';
import { SelectInput, TextInput } from '../components/form-field.tsx';
import { MaturityNav } from '../components/maturity-nav.tsx';
import { StackedBarsChart } from '../components/maturity-charts.tsx';
import '../styles/wheel.css';
import '../styles/maturity.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [
    { label: t('maturity.nav.title'), to: '/maturity/survey' },
    { label: t('maturity.tabs.admin'), to: '/maturity/survey/admin' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const year = new URL(request.url).searchParams.get('year') ?? undefined;
  return runForPage(context, () => getSurveyAdmin({ database: getServices(context).database, actor, year }));
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const database = getServices(context).database;
  const requestId = getRequestInfo(context).requestId;
  const intent = String(form.get('intent') ?? '');
  const roundId = String(form.get('roundId') ?? '');
  const result = await runForForm(context, async () => {
    if (intent === 'open') {
      await openSurveyRound({ database, actor, input: { year: String(form.get('year') ?? ''), title: String(form.get('title') ?? ''), minGroupSize: String(form.get('minGroupSize') ?? '') }, requestId });
      return { done: 'opened' as const, count: 0 };
    }
    if (intent === 'status') {
      const status = String(form.get('status') ?? '');
      await setSurveyRoundStatus({ database, actor, roundId, input: { status, version: String(form.get('version') ?? '') }, requestId });
      return { done: status === 'closed' ? ('closed' as const) : ('opened' as const), count: 0 };
    }
    const { added } = await inviteRespondents({
      database,
      actor,
      roundId,
      input: { group: String(form.get('group') ?? ''), source: String(form.get('source') ?? ''), accountIds: form.getAll('accountIds').map(String) },
      requestId,
    });
    return { done: 'invited' as const, count: added };
  });
  if (result.ok) return data({ result, intent });
  return data({ result, intent }, { status: STATUS_FOR[result.error.code] });
}

export default function SurveyAdminPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const done = actionData?.result.ok ? actionData.result.value : null;
  const round = d.round;
  const groups = ['leaders', 'union', 'middle'] as const;
  return (
    <div className="stack">
      <title>{`${t('maturity.admin.title', { year: d.year })} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('maturity.admin.title', { year: d.year })}
      </Heading>
      <MaturityNav year={d.year} canManage={d.canManage} canSeeResults={d.canSeeResults} canChecklist={d.canChecklist} />
      <Paragraph>{t('maturity.admin.intro')}</Paragraph>
      {done ? (
        <Alert data-color="success" role="status">
          {done.done === 'invited' ? t('maturity.admin.invited', { count: done.count }) : done.done === 'closed' ? t('maturity.admin.closed') : t('maturity.admin.opened')}
        </Alert>
      ) : null}
      {!round ? (
        <Form method="post" className="stack" noValidate>
          <Paragraph>{t('maturity.admin.noRound', { year: d.year })}</Paragraph>
          <CsrfField />
          <input type="hidden" name="intent" value="open" />
          <FormErrorSummary error={actionData?.intent === 'open' ? error : null} prefix="round" />
          <TextInput prefix="round" name="year" type="number" inputMode="numeric" width="short" label={t('maturity.admin.year')} defaultValue={String(d.year)} error={fieldError(error, 'year')} required />
          <TextInput prefix="round" name="title" label={t('maturity.admin.roundTitle')} defaultValue={t('maturity.admin.defaultTitle', { year: d.year })} error={fieldError(error, 'title')} required />
          <TextInput prefix="round" name="minGroupSize" type="number" inputMode="numeric" width="short" label={t('maturity.admin.minGroupSize')} description={t('maturity.admin.minGroupSizeHelp')} defaultValue="3" error={fieldError(error, 'minGroupSize')} />
          <div className="cluster">
            <Button type="submit">{t('maturity.admin.open')}</Button>
          </div>
        </Form>
      ) : (
        <>
          <Heading level={2} data-size="md">
            {round.title}
          </Heading>
          <dl className="facts">
            <dt>{t('maturity.admin.statusLabel')}</dt>
            <dd>{t(`maturity.admin.status.${round.status as 'open' | 'closed'}`)}</dd>
          </dl>
          <Paragraph>{t('maturity.admin.minInfo', { min: round.minGroupSize })}</Paragraph>
          <FormErrorSummary error={actionData?.intent === 'status' ? error : null} prefix="status" />
          <Form method="post" className="cluster">
            <CsrfField />
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="roundId" value={round.id} />
            <input type="hidden" name="version" value={round.version} />
            <input type="hidden" name="status" value={round.status === 'open' ? 'closed' : 'open'} />
            <Button type="submit" variant="secondary">
              {round.status === 'open' ? t('maturity.admin.close') : t('maturity.admin.reopen')}
            </Button>
            {round.status === 'closed' ? (
              <Link to={`/maturity/survey/results?year=${round.year}`} className="ds-link">
                {t('maturity.admin.results')}
              </Link>
            ) : null}
          </Form>

          <section aria-labelledby="progress-heading" className="stack">
            <Heading level={2} data-size="sm" id="progress-heading">
              {t('maturity.admin.progressHeading')}
            </Heading>
            <Paragraph>{t('maturity.admin.progressIntro')}</Paragraph>
            <StackedBarsChart
              title={t('maturity.admin.progressSvgTitle')}
              desc={t('maturity.admin.progressSvgDesc')}
              rows={d.progress.map((p) => ({
                label: t(`maturity.groups.${p.group}`),
                parts: [
                  { label: t('maturity.admin.answeredCol'), value: p.answered },
                  { label: t('maturity.admin.invitedCol'), value: p.invited - p.answered },
                ],
                hiddenText: '',
              }))}
            />
            <Table>
              <caption className="visually-hidden">{t('maturity.admin.progressHeading')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('maturity.admin.group')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('maturity.admin.invitedCol')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('maturity.admin.answeredCol')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {d.progress.map((p) => (
                  <Table.Row key={p.group} data-testid={`progress-${p.group}`}>
                    <Table.HeaderCell scope="row">{t(`maturity.groups.${p.group}`)}</Table.HeaderCell>
                    <Table.Cell>{p.invited}</Table.Cell>
                    <Table.Cell>{p.answered}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </section>

          {round.status === 'open' ? (
            <section aria-labelledby="invite-heading" className="stack">
              <Heading level={2} data-size="sm" id="invite-heading">
                {t('maturity.admin.inviteHeading')}
              </Heading>
              <Form method="post" className="stack" noValidate>
                <CsrfField />
                <input type="hidden" name="intent" value="invite" />
                <input type="hidden" name="roundId" value={round.id} />
                <FormErrorSummary error={actionData?.intent === 'invite' ? error : null} prefix="invite" />
                <SelectInput prefix="invite" name="group" label={t('maturity.admin.group')} options={groups.map((g) => ({ value: g, label: t(`maturity.groups.${g}`) }))} defaultValue="leaders" error={fieldError(error, 'group')} required />
                <SelectInput
                  prefix="invite"
                  name="source"
                  label={t('maturity.admin.source')}
                  description={t('maturity.admin.rolesHelp')}
                  options={[
                    { value: 'roles', label: t('maturity.admin.sourceRoles') },
                    { value: 'accounts', label: t('maturity.admin.sourceAccounts') },
                  ]}
                  defaultValue="roles"
                  error={fieldError(error, 'source')}
                  required
                />
                <Field className="form-field">
                  <Label htmlFor={fieldId('invite', 'accountIds')}>
                    {t('maturity.admin.accounts')}
                    <span className="form-field__optional"> ({t('org.form.optional')})</span>
                  </Label>
                  <Field.Description id="invite-accounts-help">{t('maturity.admin.accountsHelp')}</Field.Description>
                  <select className="ds-input" style={{ minHeight: '10rem' }} id={fieldId('invite', 'accountIds')} name="accountIds" multiple size={8} aria-describedby={fieldError(error, 'accountIds') ? 'invite-accounts-help invite-accounts-error' : 'invite-accounts-help'} aria-invalid={fieldError(error, 'accountIds') ? true : undefined}>
                    {d.accounts.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.label}
                      </option>
                    ))}
                  </select>
                  {fieldError(error, 'accountIds') ? <ValidationMessage id="invite-accounts-error">{fieldError(error, 'accountIds')}</ValidationMessage> : null}
                </Field>
                <div className="cluster">
                  <Button type="submit">{t('maturity.admin.invite')}</Button>
                </div>
              </Form>
            </section>
          ) : null}
        </>
      )}
      {d.rounds.length > 0 ? (
        <section aria-labelledby="rounds-heading" className="stack">
          <Heading level={2} data-size="sm" id="rounds-heading">
            {t('maturity.admin.rounds')}
          </Heading>
          <ul>
            {d.rounds.map((r) => (
              <li key={r.id}>
                <Link to={`/maturity/survey/admin?year=${r.year}`} className="ds-link">
                  {`${r.year}: ${r.title}`}
                </Link>{' '}
                ({t(`maturity.admin.status.${r.status as 'open' | 'closed'}`)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
