// /roster/periods/:periodId/setup — the leader sets up a period: dates and deadlines, the
// rule set, shift types, staffing per shift and weekday with its competence mix, and the
// employees' unavailable days. One form, saved under the period's version.
import { data, Form, redirect, useActionData } from 'react-router';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Route } from './+types/roster.periods.$periodId.setup';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getRosterSetup } from '../../core/roster/get-roster-setup.ts';
import { updateRosterSetup } from '../../core/roster/update-roster-setup.ts';
import { hoursToMinutes, SYKEPLEIAR } from '../../core/roster/roster.rules.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, fieldId, formError, FormErrorSummary } from '../components/form-errors.tsx';
import { TextInput } from '../components/form-field.tsx';
import { hours, RuleList } from '../components/roster-rules.tsx';
import '../styles/org.css';
import '../styles/roster.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const p = (d as { period?: { id: string; name: string } } | undefined)?.period;
    return [{ label: t('roster.title'), to: '/roster' }, ...(p ? [{ label: p.name, to: `/roster/periods/${p.id}` }, { label: t('roster.setup.title'), to: `/roster/periods/${p.id}/setup` }] : [])];
  },
};

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];
const EXTRA_SHIFT_ROWS = 1;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const search = new URL(request.url).searchParams;
  const page = await runForPage(context, () => getRosterSetup({ database: getServices(context).database, actor, periodId: params.periodId }));
  // Set by the new-period page: whether the wish deadline went on the annual wheel.
  const wheel = search.get('wheel');
  const year = Number(search.get('year'));
  return { ...page, wheelNotice: wheel === 'added' ? ({ kind: 'added' } as const) : wheel === 'noCycle' && Number.isInteger(year) ? ({ kind: 'noCycle', year } as const) : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? '');
  const shiftTypes: { code: string; name: string; start: string; lengthMinutes: number }[] = [];
  for (let i = 0; form.has(`shift.${i}.code`); i++) {
    if (text(`shift.${i}.code`).trim() === '' && text(`shift.${i}.name`).trim() === '') continue;
    shiftTypes.push({ code: text(`shift.${i}.code`).trim().toUpperCase(), name: text(`shift.${i}.name`), start: text(`shift.${i}.start`), lengthMinutes: hoursToMinutes(text(`shift.${i}.hours`)) });
  }
  const attribute = text('competenceAttribute').trim();
  const staffing = shiftTypes.flatMap((s) =>
    WEEKDAYS.map((weekday) => {
      const min = text(`comp.${s.code}.${weekday}`) || '0';
      return { shift: s.code, weekday, count: text(`need.${s.code}.${weekday}`) || '0', competence: attribute && min !== '0' ? [{ attribute, minimum: min }] : [] };
    }),
  );
  const unavailability: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (key.startsWith('unavail.')) unavailability[key.slice('unavail.'.length)] = String(value);
  const input = {
    version: text('version'),
    period: { name: text('name'), startDate: text('startDate'), weeks: text('weeks'), wishDeadline: text('wishDeadline'), publishLeadDays: text('publishLeadDays'), ...(form.has('wishReminderDays') ? { wishReminderDays: text('wishReminderDays') } : {}) },
    ruleSetId: text('ruleSetId') || null,
    shiftTypes,
    staffing,
    unavailability,
  };
  const result = await runForForm(context, () => updateRosterSetup({ database: getServices(context).database, actor, periodId: params.periodId, input, requestId: getRequestInfo(context).requestId }));
  if (result.ok) return redirect(`/roster/periods/${params.periodId}`);
  return data({ result }, { status: STATUS_FOR[result.error.code] });
}

export default function RosterSetupPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const p = d.period;
  const prefix = 'setup';
  const need = (code: string, weekday: number) => d.staffing.find((n) => n.shift === code && n.weekday === weekday);
  const attribute = d.staffing.flatMap((n) => n.competence.map((c) => c.attribute))[0] ?? SYKEPLEIAR;
  const rows = [...d.shiftTypes, ...Array.from({ length: EXTRA_SHIFT_ROWS }, () => ({ code: '', name: '', start: '', lengthMinutes: 0 }))];
  const cellError = (path: string) => fieldError(error, path);
  return (
    <div className="stack">
      <title>{`${t('roster.setup.title')}: ${p.name} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('roster.setup.title')}: {p.name}
      </Heading>
      {d.wheelNotice?.kind === 'added' ? (
        <Alert data-color="success" role="status" data-testid="wheel-notice">
          {t('roster.wheel.added')}
        </Alert>
      ) : d.wheelNotice?.kind === 'noCycle' ? (
        <Alert data-color="info" role="status" data-testid="wheel-notice">
          {t('roster.wheel.noCycle', { year: d.wheelNotice.year })}
        </Alert>
      ) : null}
      {!p.editable ? <Alert data-color="info">{t('roster.errors.notEditable')}</Alert> : null}
      {p.solved ? <Paragraph data-size="sm">{t('roster.setup.reshapeWarning')}</Paragraph> : null}
      <FormErrorSummary error={error} prefix={prefix} />
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <input type="hidden" name="version" value={p.version} />
        <fieldset className="stack">
          <legend>{t('roster.setup.periodLegend')}</legend>
          <TextInput prefix={prefix} name="name" label={t('roster.period.name')} required defaultValue={p.name} error={cellError('period.name') ?? cellError('name')} />
          <TextInput prefix={prefix} name="startDate" type="date" label={t('roster.period.startDate')} description={t('roster.period.startDateHelp')} required defaultValue={p.startDate} error={cellError('period.startDate')} width="short" />
          <TextInput prefix={prefix} name="weeks" type="number" label={t('roster.period.weeks')} required defaultValue={p.weeks} error={cellError('period.weeks')} width="short" />
          <TextInput prefix={prefix} name="wishDeadline" type="date" label={t('roster.period.wishDeadline')} description={t('roster.period.wishDeadlineHelp')} required defaultValue={p.wishDeadline} error={cellError('period.wishDeadline')} width="short" />
          <TextInput prefix={prefix} name="publishLeadDays" type="number" label={t('roster.period.publishLeadDays')} required defaultValue={p.publishLeadDays} error={cellError('period.publishLeadDays')} width="short" />
          <TextInput prefix={prefix} name="wishReminderDays" label={t('roster.period.wishReminderDays')} description={t('roster.period.wishReminderDaysHelp')} defaultValue={p.wishReminderDays} error={cellError('period.wishReminderDays')} width="short" />
          <div>
            <label htmlFor={fieldId(prefix, 'ruleSetId')} className="ds-label">
              {t('roster.setup.ruleSet')}
            </label>
            <select id={fieldId(prefix, 'ruleSetId')} name="ruleSetId" defaultValue={p.ruleSetId ?? ''} className="ds-input">
              {d.ruleSets.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
          <details>
            <summary>{t('roster.ruleSets.ofPeriod')}</summary>
            <RuleList rules={d.rules} />
          </details>
        </fieldset>

        <fieldset className="stack">
          <legend>{t('roster.setup.shiftTypes')}</legend>
          <Paragraph data-size="sm">{t('roster.setup.shiftTypesHelp')}</Paragraph>
          <table className="roster-table">
            <thead>
              <tr>
                <th scope="col">{t('roster.setup.code')}</th>
                <th scope="col">{t('roster.setup.shiftName')}</th>
                <th scope="col">{t('roster.setup.start')}</th>
                <th scope="col">{t('roster.setup.hours')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s, i) => (
                <tr key={i}>
                  {(['code', 'name', 'start', 'hours'] as const).map((f) => {
                    const path = `shiftTypes.${i}.${f === 'hours' ? 'lengthMinutes' : f}`;
                    const value = f === 'hours' ? (s.lengthMinutes ? hours(s.lengthMinutes) : '') : s[f];
                    const err = cellError(path);
                    return (
                      <td key={f}>
                        <input
                          id={fieldId(prefix, path)}
                          name={`shift.${i}.${f}`}
                          defaultValue={value}
                          type={f === 'start' ? 'time' : 'text'}
                          inputMode={f === 'hours' ? 'decimal' : undefined}
                          className="ds-input"
                          aria-label={t(`roster.setup.${f === 'name' ? 'shiftName' : f}Of`, { row: i + 1 })}
                          aria-invalid={err ? true : undefined}
                        />
                        {err ? <span className="ds-validation-message">{err}</span> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>

        <fieldset className="stack">
          <legend>{t('roster.setup.staffing')}</legend>
          <Paragraph data-size="sm">{t('roster.setup.staffingHelp')}</Paragraph>
          <TextInput prefix={prefix} name="competenceAttribute" label={t('roster.setup.competenceAttribute')} description={t('roster.setup.competenceAttributeHelp')} defaultValue={attribute} width="short" />
          <div className="roster-grid-wrap" tabIndex={0} role="region" aria-labelledby="staffing-caption">
            <table className="roster-table">
              <caption id="staffing-caption" className="visually-hidden">
                {t('roster.setup.staffing')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('roster.setup.code')}</th>
                  {WEEKDAYS.map((w) => (
                    <th scope="col" key={w}>
                      {t(`roster.weekday.${w}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.shiftTypes.map((s) => (
                  <tr key={s.code}>
                    <th scope="row">{s.code}</th>
                    {WEEKDAYS.map((w) => {
                      const n = need(s.code, w);
                      return (
                        <td key={w}>
                          <input name={`need.${s.code}.${w}`} type="number" min={0} defaultValue={n?.count ?? 0} className="ds-input" aria-label={t('roster.setup.needOf', { code: s.code, day: t(`roster.weekday.${w}`) })} style={{ width: '4rem' }} />
                          <input name={`comp.${s.code}.${w}`} type="number" min={0} defaultValue={n?.competence[0]?.minimum ?? 0} className="ds-input" aria-label={t('roster.setup.compOf', { code: s.code, day: t(`roster.weekday.${w}`) })} style={{ width: '4rem' }} />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>

        <fieldset className="stack">
          <legend>{t('roster.setup.employees')}</legend>
          <Paragraph data-size="sm">{t('roster.setup.employeesHelp')}</Paragraph>
          {d.employees.length === 0 ? <Paragraph>{t('roster.errors.noEmployees')}</Paragraph> : null}
          <table className="roster-table">
            <thead>
              <tr>
                <th scope="col">{t('roster.grid.employee')}</th>
                <th scope="col">{t('roster.setup.fte')}</th>
                <th scope="col">{t('roster.setup.competence')}</th>
                <th scope="col">{t('roster.setup.unavailable')}</th>
              </tr>
            </thead>
            <tbody>
              {d.employees.map((e) => {
                const path = `unavailability.${e.personId}`;
                const err = cellError(path);
                return (
                  <tr key={e.personId}>
                    <th scope="row">{e.name}</th>
                    <td>{e.ftePercent} %</td>
                    <td>{e.attributes.join(', ') || '–'}</td>
                    <td>
                      <input id={fieldId(prefix, path)} name={`unavail.${e.personId}`} defaultValue={e.unavailable} className="ds-input" style={{ maxWidth: '24rem' }} aria-label={t('roster.setup.unavailableOf', { name: e.name })} aria-invalid={err ? true : undefined} />
                      {err ? <span className="ds-validation-message">{err}</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
        <div className="cluster">
          <Button type="submit" disabled={!p.editable}>
            {t('common.actions.save')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
