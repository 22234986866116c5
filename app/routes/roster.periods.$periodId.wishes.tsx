// /roster/periods/:periodId/wishes — an employee's wish calendar (ønsketurnus): per day a
// shift they want, a shift they would rather not work, or a day off, with a weight; open
// until the deadline, then read-only. Once the roster is published: their own shifts and
// the ICS download.
import { data, Form, redirect, useActionData } from 'react-router';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Route } from './+types/roster.periods.$periodId.wishes';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getOwnRoster } from '../../core/roster/get-own-roster.ts';
import { saveRosterWishes } from '../../core/roster/save-roster-wishes.ts';
import { proposeRosterSwap } from '../../core/roster/propose-roster-swap.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { formError, FormErrorSummary } from '../components/form-errors.tsx';
import { SwapList } from '../components/roster-swaps.tsx';
import '../styles/roster.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const p = (d as { period?: { id: string; name: string } } | undefined)?.period;
    return [{ label: t('roster.title'), to: '/roster' }, ...(p ? [{ label: t('roster.wishes.titleOf', { name: p.name }), to: `/roster/periods/${p.id}/wishes` }] : [])];
  },
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const url = new URL(request.url);
  const saved = url.searchParams.get('saved') === '1';
  const swapped = url.searchParams.get('swapped') === '1';
  return { ...(await runForPage(context, () => getOwnRoster({ database: getServices(context).database, actor, periodId: params.periodId }))), saved, swapped };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  if (form.get('intent') === 'swap') {
    const input = { counterpartPersonId: String(form.get('counterpartPersonId') ?? ''), day: String(form.get('day') ?? ''), comment: String(form.get('comment') ?? '') };
    const swap = await runForForm(context, () => proposeRosterSwap({ database: getServices(context).database, actor, periodId: params.periodId, input, requestId: getRequestInfo(context).requestId }));
    if (swap.ok) return redirect(`/roster/periods/${params.periodId}/wishes?swapped=1`);
    return data({ result: swap, intent: 'swap' as const }, { status: STATUS_FOR[swap.error.code] });
  }
  const wishes: { day: string; kind: string; shift: string | null; weight: string }[] = [];
  for (const [key, value] of form.entries()) {
    const m = /^wish\.(\d{1,3})$/.exec(key);
    if (!m || value === '') continue;
    const [kind, shift] = String(value).split(':');
    wishes.push({ day: m[1]!, kind: kind ?? '', shift: shift ?? null, weight: String(form.get(`weight.${m[1]}`) ?? '3') });
  }
  const version = String(form.get('version') ?? '');
  const result = await runForForm(context, () =>
    saveRosterWishes({ database: getServices(context).database, actor, periodId: params.periodId, input: { version: version === '' ? null : version, wishes }, requestId: getRequestInfo(context).requestId }),
  );
  if (result.ok) return redirect(`/roster/periods/${params.periodId}/wishes?saved=1`);
  return data({ result, intent: 'wishes' as const }, { status: STATUS_FOR[result.error.code] });
}

export default function RosterWishesPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const error = actionData?.intent === 'wishes' ? formError(actionData.result) : null;
  const swapError = actionData?.intent === 'swap' ? formError(actionData.result) : null;
  const p = d.period;
  const byDay = new Map(d.wishes.map((w) => [w.day, w]));
  const valueOf = (day: number) => {
    const w = byDay.get(day);
    if (!w) return '';
    return w.kind === 'dayoff' ? 'dayoff' : `${w.kind}:${w.shift}`;
  };
  const weeks = Array.from({ length: Math.ceil(d.days.length / 7) }, (_, i) => d.days.slice(i * 7, i * 7 + 7));
  const shiftName = new Map(d.shiftTypes.map((s) => [s.code, s]));
  return (
    <div className="stack">
      <title>{`${t('roster.wishes.titleOf', { name: p.name })} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('roster.wishes.titleOf', { name: p.name })}
      </Heading>
      <Paragraph>{t('roster.wishes.intro', { unit: p.unitName, start: p.startDate, end: p.endDate })}</Paragraph>
      {d.saved ? (
        <Alert data-color="success" role="status">
          {t('roster.wishes.saved')}
        </Alert>
      ) : null}
      {d.shifts ? (
        <section aria-labelledby="own-heading" className="stack">
          <Heading level={2} data-size="md" id="own-heading">
            {t('roster.wishes.ownRoster')}
          </Heading>
          <Paragraph>
            <a href={`/roster/periods/${p.id}/ics`} download>
              {t('roster.wishes.downloadIcs')}
            </a>
          </Paragraph>
          <Paragraph>
            <a href={`/roster/periods/${p.id}/pdf`} download>
              {t('roster.pdf.download')}
            </a>
          </Paragraph>
          {d.swapped ? (
            <Alert data-color="success" role="status">
              {t('roster.swaps.proposed')}
            </Alert>
          ) : null}
          <ul className="roster-list" data-testid="own-shifts">
            {d.shifts.map((code, day) =>
              code ? (
                <li key={day}>
                  {d.days[day]?.date} ({t(`roster.weekday.${d.days[day]?.weekday ?? 0}`)}): {shiftName.get(code)?.name ?? code} {shiftName.get(code)?.start}
                </li>
              ) : null,
            )}
          </ul>
        </section>
      ) : null}
      {d.shifts ? (
        <section aria-labelledby="swap-heading" className="stack">
          <Heading level={2} data-size="md" id="swap-heading">
            {t('roster.swaps.title')}
          </Heading>
          <Paragraph>{t('roster.swaps.intro')}</Paragraph>
          <FormErrorSummary error={swapError} prefix="swap" heading={swapError?.message} />
          <Form method="post" className="roster-actions">
            <CsrfField />
            <div>
              <label htmlFor="swap-day" className="ds-label">
                {t('roster.swaps.day')}
              </label>
              <select id="swap-day" name="day" className="ds-input">
                {d.days.map((day) => (
                  <option key={day.day} value={day.day}>
                    {t(`roster.weekday.${day.weekday}`)} {day.date}: {d.shifts?.[day.day] ?? t('roster.grid.off')}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="swap-counterpart" className="ds-label">
                {t('roster.swaps.with')}
              </label>
              <select id="swap-counterpart" name="counterpartPersonId" className="ds-input">
                {d.colleagues.map((c) => (
                  <option key={c.personId} value={c.personId}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="swap-comment" className="ds-label">
                {t('roster.swaps.comment')}
              </label>
              <input id="swap-comment" name="comment" className="ds-input" maxLength={1000} />
            </div>
            <Button type="submit" name="intent" value="swap" variant="secondary">
              {t('roster.swaps.propose')}
            </Button>
          </Form>
          {d.swaps.length ? <SwapList swaps={d.swaps} /> : null}
        </section>
      ) : null}
      <section aria-labelledby="wish-heading" className="stack">
        <Heading level={2} data-size="md" id="wish-heading">
          {t('roster.wishes.calendar')}
        </Heading>
        <Paragraph>{d.open ? t('roster.wishes.openUntil', { deadline: p.wishDeadline }) : t('roster.wishes.closedSince', { deadline: p.wishDeadline })}</Paragraph>
        <FormErrorSummary error={error} prefix="wishes" />
        <Form method="post" className="stack">
          <CsrfField />
          <input type="hidden" name="version" value={d.wishesVersion ?? ''} />
          {weeks.map((week, wi) => (
            <fieldset key={wi} className="stack">
              <legend>{t('roster.wishes.week', { week: wi + 1 })}</legend>
              <div className="roster-wish-week">
                {week.map((day) => (
                  <fieldset key={day.day} className="roster-wish-day" disabled={!d.open}>
                    <legend>
                      {t(`roster.weekday.${day.weekday}`)} {day.date}
                    </legend>
                    {day.unavailable ? <Paragraph data-size="sm">{t('roster.wishes.unavailable')}</Paragraph> : null}
                    <label htmlFor={`wish-${day.day}`} className="ds-label" data-size="sm">
                      {t('roster.wishes.wish')}
                    </label>
                    <select id={`wish-${day.day}`} name={`wish.${day.day}`} defaultValue={valueOf(day.day)} className="ds-input" data-size="sm">
                      <option value="">{t('roster.wishes.none')}</option>
                      {d.shiftTypes.map((s) => (
                        <option key={`shift-${s.code}`} value={`shift:${s.code}`}>
                          {t('roster.wishes.kind.shift', { code: s.code })} – {s.name}
                        </option>
                      ))}
                      {d.shiftTypes.map((s) => (
                        <option key={`avoid-${s.code}`} value={`avoid:${s.code}`}>
                          {t('roster.wishes.kind.avoid', { code: s.code })} – {s.name}
                        </option>
                      ))}
                      <option value="dayoff">{t('roster.wishes.kind.dayoff')}</option>
                    </select>
                    <label htmlFor={`weight-${day.day}`} className="ds-label" data-size="sm">
                      {t('roster.wishes.weight')}
                    </label>
                    <select id={`weight-${day.day}`} name={`weight.${day.day}`} defaultValue={String(byDay.get(day.day)?.weight ?? 3)} className="ds-input" data-size="sm">
                      {[1, 2, 3, 4, 5].map((w) => (
                        <option key={w} value={w}>
                          {t(`roster.wishes.weights.${w}`)}
                        </option>
                      ))}
                    </select>
                  </fieldset>
                ))}
              </div>
            </fieldset>
          ))}
          {d.open ? (
            <div className="cluster">
              <Button type="submit">{t('roster.wishes.save')}</Button>
            </div>
          ) : null}
        </Form>
      </section>
    </div>
  );
}
