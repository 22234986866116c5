// /roster/rules — the tenant's roster rule sets from the Working Environment Act: open to
// everyone; coordinators and tenant administrators edit them (new periods copy the rules).
import { data, Form, redirect, useActionData } from 'react-router';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Route } from './+types/roster.rule-sets';
import { getRequestInfo, getServices, getSessionState, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { listRosterRuleSets } from '../../core/roster/list-roster-rule-sets.ts';
import { updateRosterRuleSet } from '../../core/roster/update-roster-rule-set.ts';
import { copyRosterRuleSet } from '../../core/roster/copy-roster-rule-set.ts';
import { hoursToMinutes } from '../../core/roster/roster.rules.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, formError, FormErrorSummary } from '../components/form-errors.tsx';
import { TextInput } from '../components/form-field.tsx';
import { readRuleFields, RuleFields, RuleList } from '../components/roster-rules.tsx';
import '../styles/roster.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [
    { label: t('roster.title'), to: '/roster' },
    { label: t('roster.ruleSets.title'), to: '/roster/rules' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const saved = new URL(request.url).searchParams.get('saved') === '1';
  return { ...(await runForPage(context, () => listRosterRuleSets({ database: getServices(context).database, actor }))), saved };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  if (form.get('intent') === 'copy') {
    const copied = await runForForm(context, () =>
      copyRosterRuleSet({ database: getServices(context).database, actor, ruleSetId: String(form.get('ruleSetId') ?? ''), language: getSessionState(context).language, requestId: getRequestInfo(context).requestId }),
    );
    if (copied.ok) return redirect('/roster/rules?saved=1');
    return data({ result: copied, ruleSetId: String(form.get('ruleSetId') ?? '') }, { status: STATUS_FOR[copied.error.code] });
  }
  const input = { version: String(form.get('version') ?? ''), name: String(form.get('name') ?? ''), rules: readRuleFields(form, hoursToMinutes) };
  const result = await runForForm(context, () =>
    updateRosterRuleSet({ database: getServices(context).database, actor, ruleSetId: String(form.get('ruleSetId') ?? ''), input, requestId: getRequestInfo(context).requestId }),
  );
  if (result.ok) return redirect('/roster/rules?saved=1');
  return data({ result, ruleSetId: String(form.get('ruleSetId') ?? '') }, { status: STATUS_FOR[result.error.code] });
}

export default function RosterRuleSetsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const failed = formError(actionData?.result);
  return (
    <div className="stack">
      <title>{`${t('roster.ruleSets.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('roster.ruleSets.title')}
      </Heading>
      <Paragraph>{t('roster.ruleSets.intro')}</Paragraph>
      {d.saved ? (
        <Alert data-color="success" role="status">
          {t('roster.ruleSets.saved')}
        </Alert>
      ) : null}
      {d.sets.map((set) => {
        const error = actionData?.ruleSetId === set.id ? failed : null;
        return (
          <section key={set.id} aria-labelledby={`set-${set.id}`} className="stack">
            <Heading level={2} data-size="md" id={`set-${set.id}`}>
              {set.name}
            </Heading>
            {d.canWrite ? (
              <>
                <FormErrorSummary error={error} prefix={`set-${set.id}`} />
                <Form method="post" className="stack" noValidate>
                  <CsrfField />
                  <input type="hidden" name="ruleSetId" value={set.id} />
                  <input type="hidden" name="version" value={set.version} />
                  <TextInput prefix={`set-${set.id}`} name="name" label={t('roster.ruleSets.name')} required defaultValue={set.name} error={fieldError(error, 'name')} />
                  <RuleFields rules={set.rules} prefix={`set-${set.id}`} error={error} />
                  <div className="cluster">
                    <Button type="submit">{t('common.actions.save')}</Button>
                    <Button type="submit" name="intent" value="copy" variant="secondary">
                      {t('roster.ruleSets.copy')}
                    </Button>
                  </div>
                </Form>
              </>
            ) : (
              <RuleList rules={set.rules} />
            )}
          </section>
        );
      })}
    </div>
  );
}
