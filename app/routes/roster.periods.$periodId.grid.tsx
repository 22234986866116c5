// /roster/periods/:periodId/grid — the roster as a grid (employees × days) with the cover
// per shift and day. A leader changes a cell by following its link (?cell=person.day) and
// choosing a shift in the form above the grid: a plain form post, so it works without
// JavaScript. The server re-validates every rule and the cover: an edit that breaks a hard
// rule is refused with the rule named and nothing changes; cover shortfalls come back as warnings.
import { data, Form, Link, useActionData } from 'react-router';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Route } from './+types/roster.periods.$periodId.grid';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getRosterPeriod } from '../../core/roster/get-roster-period.ts';
import { updateRosterCell } from '../../core/roster/update-roster-cell.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { formError, FormErrorSummary } from '../components/form-errors.tsx';
import { IssueList } from '../components/roster-issue.tsx';
import '../styles/roster.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const p = (d as { period?: { id: string; name: string } } | undefined)?.period;
    return [{ label: t('roster.title'), to: '/roster' }, ...(p ? [{ label: p.name, to: `/roster/periods/${p.id}` }, { label: t('roster.grid.title'), to: `/roster/periods/${p.id}/grid` }] : [])];
  },
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const view = await runForPage(context, () => getRosterPeriod({ database: getServices(context).database, actor, periodId: params.periodId, requestId: getRequestInfo(context).requestId }));
  const cell = /^([0-9a-f-]{36})\.(\d{1,3})$/.exec(new URL(request.url).searchParams.get('cell') ?? '');
  const editing = cell && view.can.edit && view.employees.some((e) => e.personId === cell[1]) && Number(cell[2]) < view.days.length ? { personId: cell[1]!, day: Number(cell[2]) } : null;
  return { ...view, editing };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const input = { version: String(form.get('version') ?? ''), personId: String(form.get('personId') ?? ''), day: String(form.get('day') ?? ''), shift: String(form.get('shift') ?? '') };
  const result = await runForForm(context, () => updateRosterCell({ database: getServices(context).database, actor, periodId: params.periodId, input, requestId: getRequestInfo(context).requestId }));
  return data({ result, input }, { status: result.ok ? 200 : STATUS_FOR[result.error.code] });
}

export default function RosterGridPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const saved = actionData?.result.ok ? actionData.result.value : null;
  const p = d.period;
  const brokenCells = new Set(d.issues.filter((i) => i.severity === 'hard' && i.personId !== null && i.day !== null).map((i) => `${i.personId}.${i.day}`));
  const editing = d.editing;
  const editingName = editing ? d.employees.find((e) => e.personId === editing.personId)?.name : null;
  const shiftName = new Map(d.shiftTypes.map((s) => [s.code, s.name]));
  const weekdays = [0, 1, 2, 3, 4, 5, 6].map((w) => t(`roster.weekday.${w}`));
  return (
    <div className="stack">
      <title>{`${t('roster.grid.title')}: ${p.name} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('roster.grid.title')}: {p.name}
      </Heading>
      <Paragraph>{d.can.edit ? t('roster.grid.introEdit') : t('roster.grid.intro')}</Paragraph>
      <FormErrorSummary error={error} prefix="cell" heading={error?.message} />
      {saved ? (
        <Alert data-color={saved.warnings.length ? 'warning' : 'success'} role="status">
          {t('roster.grid.saved')}
          {saved.warnings.length ? <IssueList issues={saved.warnings} /> : null}
        </Alert>
      ) : null}
      {editing ? (
        <Form method="post" className="roster-actions" aria-labelledby="edit-heading">
          <Heading level={2} data-size="sm" id="edit-heading" style={{ width: '100%' }}>
            {t('roster.grid.editTitle', { name: editingName ?? '', date: d.days[editing.day]?.date ?? '' })}
          </Heading>
          <CsrfField />
          <input type="hidden" name="version" value={p.version} />
          <input type="hidden" name="personId" value={editing.personId} />
          <input type="hidden" name="day" value={editing.day} />
          <div>
            <label htmlFor="cell-shift" className="ds-label">
              {t('roster.grid.shift')}
            </label>
            <select id="cell-shift" name="shift" defaultValue={d.grid[editing.personId]?.[editing.day] ?? ''} className="ds-input" key={`${editing.personId}.${editing.day}.${p.version}`}>
              <option value="">{t('roster.grid.off')}</option>
              {d.shiftTypes.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.code} – {s.name} ({s.start})
                </option>
              ))}
            </select>
          </div>
          <Button type="submit">{t('common.actions.save')}</Button>
          <Link to={`/roster/periods/${p.id}/grid`}>{t('common.actions.cancel')}</Link>
        </Form>
      ) : null}
      <div className="roster-grid-wrap" tabIndex={0} role="region" aria-labelledby="grid-caption">
        <table className="roster-grid" data-testid="roster-grid">
          <caption id="grid-caption" className="visually-hidden">
            {t('roster.grid.caption', { name: p.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('roster.grid.employee')}</th>
              {d.days.map((day) => (
                <th scope="col" key={day.day} className={day.weekday >= 5 ? 'is-weekend' : undefined}>
                  <abbr title={day.date}>
                    {weekdays[day.weekday]} {day.date.slice(8)}.
                  </abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.employees.map((e) => (
              <tr key={e.personId}>
                <th scope="row">
                  {e.name} <span className="roster-list__meta">{e.ftePercent} %</span>
                </th>
                {d.days.map((day) => {
                  const code = d.grid[e.personId]?.[day.day] ?? null;
                  const key = `${e.personId}.${day.day}`;
                  const classes = [day.weekday >= 5 ? 'is-weekend' : '', e.unavailable.includes(day.day) ? 'is-unavailable' : '', brokenCells.has(key) ? 'is-broken' : '', editing && `${editing.personId}.${editing.day}` === key ? 'is-editing' : ''].filter(Boolean).join(' ');
                  const label = t('roster.grid.cellLabel', { name: e.name, date: day.date, shift: code ? (shiftName.get(code) ?? code) : t('roster.grid.off') });
                  return (
                    <td key={day.day} className={classes || undefined} data-cell={key}>
                      {d.can.edit ? (
                        <Link to={`?cell=${key}`} aria-label={label} preventScrollReset>
                          {code ?? '·'}
                        </Link>
                      ) : (
                        <>
                          <span aria-hidden="true">{code ?? '·'}</span>
                          <span className="visually-hidden">{label}</span>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.solved ? (
        <Paragraph>
          <a href={`/roster/periods/${p.id}/xlsx`} download>
            {t('roster.xlsx.download')}
          </a>
        </Paragraph>
      ) : null}
      <Paragraph data-size="sm">{t('roster.grid.legend', { codes: d.shiftTypes.map((s) => `${s.code} = ${s.name} ${s.start}`).join(', ') })}</Paragraph>
      {d.issues.length ? (
        <section aria-labelledby="grid-issues" className="stack">
          <Heading level={2} data-size="sm" id="grid-issues">
            {t('roster.issues.title')}
          </Heading>
          <IssueList issues={d.issues.filter((i) => i.severity === 'hard')} />
          <details>
            <summary>{t('roster.issues.soft', { count: d.issues.filter((i) => i.severity === 'soft').length })}</summary>
            <IssueList issues={d.issues.filter((i) => i.severity === 'soft')} />
          </details>
        </section>
      ) : null}
    </div>
  );
}
