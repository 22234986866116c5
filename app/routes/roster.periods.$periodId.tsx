// /roster/periods/:periodId — one roster period for its leaders and union representatives:
// facts and rules, the solver (start, progress bar with the live objective, polled while it
// runs; the state lives in the database), broken rules and cover warnings, which wishes were
// met and why others were not, and the approval workflow: submit → approve/return →
// publish → lock.
import { useEffect } from 'react';
import { data, Form, Link, redirect, useActionData, useRevalidator } from 'react-router';
import { Alert, Button, Heading, Paragraph, Textarea, Label, Field } from '@digdir/designsystemet-react';
import type { Route } from './+types/roster.periods.$periodId';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getRosterPeriod } from '../../core/roster/get-roster-period.ts';
import { requestRosterSolve } from '../../core/roster/request-roster-solve.ts';
import { submitRosterPeriod } from '../../core/roster/submit-roster-period.ts';
import { reviewRosterPeriod } from '../../core/roster/review-roster-period.ts';
import { publishRosterPeriod } from '../../core/roster/publish-roster-period.ts';
import { lockRosterPeriod } from '../../core/roster/lock-roster-period.ts';
import { decideRosterSwap } from '../../core/roster/decide-roster-swap.ts';
import { rosterSolveJob } from '../../jobs/roster.jobs.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { numberFormat } from '../i18n/format.ts';
import { SOLVE_LEVELS } from '../../core/roster/solve-budget.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { formError, FormErrorSummary } from '../components/form-errors.tsx';
import { ProgressBar } from '../components/progress-bar.tsx';
import { IssueList, IssueText } from '../components/roster-issue.tsx';
import { RuleList } from '../components/roster-rules.tsx';
import { SwapList } from '../components/roster-swaps.tsx';
import { CoverChart } from '../components/roster-cover-chart.tsx';
import '../styles/org.css';
import '../styles/roster.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const p = (d as { period?: { id: string; name: string } } | undefined)?.period;
    return [{ label: t('roster.title'), to: '/roster' }, ...(p ? [{ label: p.name, to: `/roster/periods/${p.id}` }] : [])];
  },
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const done = new URL(request.url).searchParams.get('done');
  const view = await runForPage(context, () => getRosterPeriod({ database: getServices(context).database, actor, periodId: params.periodId, requestId: getRequestInfo(context).requestId }));
  return { ...view, done: done && DONE.includes(done) ? done : null };
}

const DONE = ['submit', 'approve', 'return', 'publish', 'lock', 'swapApprove', 'swapReject'];

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const services = getServices(context);
  const requestId = getRequestInfo(context).requestId;
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const common = { database: services.database, actor, periodId: params.periodId, requestId };
  const version = form.get('version');
  const result = await runForForm(context, async () => {
    switch (intent) {
      case 'solve':
        return requestRosterSolve({
          ...common,
          input: { level: form.get('level') ?? undefined, seed: form.get('seed') ?? undefined },
          enqueue: (job) => services.jobs.send(rosterSolveJob, { tenantId: actor.tenantId, periodId: job.periodId, level: job.level, seed: job.seed, requestedBy: actor.accountId }),
        });
      case 'submit':
        return submitRosterPeriod({ ...common, input: { version } });
      case 'approve':
      case 'return':
        return reviewRosterPeriod({ ...common, input: { decision: intent, version, comment: String(form.get('comment') ?? '') } });
      case 'publish':
        return publishRosterPeriod({ ...common, input: { version } });
      case 'lock':
        return lockRosterPeriod({ ...common, input: { version } });
      case 'swapApprove':
      case 'swapReject':
        return decideRosterSwap({ ...common, input: { swapId: form.get('swapId'), version: form.get('swapVersion'), decision: intent === 'swapApprove' ? 'approve' : 'reject' } });
      default:
        return Promise.reject(new Response('Unknown intent', { status: 400 }));
    }
  });
  if (result.ok) return redirect(`/roster/periods/${params.periodId}${intent === 'solve' ? '' : `?done=${intent}`}`);
  return data({ intent, result }, { status: STATUS_FOR[result.error.code] });
}


export default function RosterPeriodPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const integer = numberFormat(useLanguage(), { maximumFractionDigits: 0 });
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const revalidator = useRevalidator();
  const running = d.solve.status === 'queued' || d.solve.status === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') void revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  const p = d.period;
  const hard = d.issues.filter((i) => i.severity === 'hard');
  const soft = d.issues.filter((i) => i.severity === 'soft');
  const done = d.done;
  return (
    <div className="stack">
      <title>{`${p.name} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {p.name}
      </Heading>
      <dl className="facts">
        <dt>{t('roster.period.unit')}</dt>
        <dd>{p.unitName}</dd>
        <dt>{t('roster.period.dates')}</dt>
        <dd>{t('roster.period.range', { start: p.startDate, end: p.endDate, weeks: p.weeks })}</dd>
        <dt>{t('roster.period.status')}</dt>
        <dd className="roster-status" data-testid="roster-status">
          {t(`roster.status.${p.status}`)}
        </dd>
        <dt>{t('roster.period.wishDeadline')}</dt>
        <dd>
          {p.wishDeadline} ({p.wishesOpen ? t('roster.wishes.open') : t('roster.wishes.closed')})
        </dd>
        <dt>{t('roster.period.publishBy')}</dt>
        <dd>{p.publishBy}</dd>
      </dl>
      {done ? (
        <Alert data-color="success" role="status">
          {t(`roster.workflow.done.${done}`)}
        </Alert>
      ) : null}
      {p.reviewComment ? (
        <Alert data-color={p.status === 'returned' ? 'warning' : 'info'}>
          <Heading level={2} data-size="xs">
            {t('roster.workflow.comment')}
          </Heading>
          <Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.reviewComment}</Paragraph>
        </Alert>
      ) : null}
      <FormErrorSummary error={error} prefix="period" heading={error?.message} />
      <nav aria-label={t('roster.period.pages')}>
        <ul className="cluster" style={{ listStyle: 'none', padding: 0 }}>
          <li>
            <Link to={`/roster/periods/${p.id}/grid`}>{t('roster.grid.title')}</Link>
          </li>
          {d.can.edit ? (
            <li>
              <Link to={`/roster/periods/${p.id}/setup`}>{t('roster.setup.title')}</Link>
            </li>
          ) : null}
        </ul>
      </nav>

      {d.can.manage ? (
        <section aria-labelledby="solve-heading" className="stack">
          <Heading level={2} data-size="md" id="solve-heading">
            {t('roster.solve.title')}
          </Heading>
          <div aria-live="polite" className="stack">
            {running ? (
              <ProgressBar
                done={Math.round(d.solve.fraction * 100)}
                total={100}
                label={t(`roster.solve.status.${d.solve.status}`)}
                text={d.solve.objective === null ? t('roster.solve.searching') : t('roster.solve.objective', { objective: d.solve.objective })}
              />
            ) : null}
            {running ? (
              <Paragraph data-size="sm">
                <Link to={`/roster/periods/${p.id}`}>{t('roster.solve.refresh')}</Link>
              </Paragraph>
            ) : null}
            {d.solve.status === 'done' && d.solve.summary ? (
              <Paragraph data-testid="solve-summary">{t('roster.solve.summary', { objective: d.solve.summary.objective ?? 0, hard: d.solve.summary.hardIssues ?? 0, soft: d.solve.summary.softIssues ?? 0 })}</Paragraph>
            ) : null}
            {d.solve.status === 'done' && d.solve.summary?.seed !== undefined ? (
              <Paragraph data-size="sm" data-testid="solve-run">
                {t('roster.solve.run', {
                  seed: d.solve.summary.seed,
                  level: t(`roster.solve.levelOption.${d.solve.summary.level ?? 'normal'}`),
                  attempts: d.solve.summary.attempts ?? 1,
                  workers: d.solve.summary.workers ?? 1,
                  iterations: integer.format(d.solve.summary.iterations ?? 0),
                  done: integer.format(d.solve.summary.iterationsDone ?? 0),
                })}
              </Paragraph>
            ) : null}
            {d.solve.status === 'done' && d.solve.summary?.capped ? (
              <Alert data-color="warning" data-testid="solve-capped">
                {t('roster.solve.capped', { seconds: d.solve.summary.capSeconds ?? 0 })}
              </Alert>
            ) : null}
            {d.solve.status === 'failed' ? <Alert data-color="danger">{t(d.solve.summary?.failure ?? 'roster.solve.crashed')}</Alert> : null}
          </div>
          {d.can.solve ? (
            <Form method="post" className="roster-actions">
              <CsrfField />
              <div>
                <label htmlFor="solve-level" className="ds-label">
                  {t('roster.solve.level')}
                </label>
                <select id="solve-level" name="level" defaultValue={d.solve.summary?.level ?? 'normal'} className="ds-input" aria-describedby="solve-level-help">
                  {SOLVE_LEVELS.map((level) => (
                    <option key={level} value={level}>
                      {t(`roster.solve.levelOption.${level}`)}
                    </option>
                  ))}
                </select>
                <p id="solve-level-help" className="ds-paragraph" data-size="sm">
                  {t('roster.solve.levelHelp')}
                </p>
              </div>
              <div>
                <label htmlFor="solve-seed" className="ds-label">
                  {t('roster.solve.seed')}
                </label>
                <input id="solve-seed" name="seed" type="number" inputMode="numeric" min={1} className="ds-input" aria-describedby="solve-seed-help" defaultValue={d.solve.summary?.seed ?? ''} />
                <p id="solve-seed-help" className="ds-paragraph" data-size="sm">
                  {t('roster.solve.seedHelp')}
                </p>
              </div>
              <Button type="submit" name="intent" value="solve">
                {p.solved ? t('roster.solve.again') : t('roster.solve.start')}
              </Button>
            </Form>
          ) : null}
          {d.can.solve && p.solved ? <Paragraph data-size="sm">{t('roster.solve.replaces')}</Paragraph> : null}
        </section>
      ) : null}

      {p.solved ? (
        <section aria-labelledby="issues-heading" className="stack">
          <Heading level={2} data-size="md" id="issues-heading">
            {t('roster.issues.title')}
          </Heading>
          <div className="roster-grid-wrap" tabIndex={0} role="region" aria-label={t('roster.chart.title')}>
            <CoverChart grid={d.grid} staffing={d.staffing} shiftTypes={d.shiftTypes} days={d.days} />
          </div>
          {hard.length ? (
            <Alert data-color="danger">
              <Heading level={3} data-size="xs">
                {t('roster.issues.hard', { count: hard.length })}
              </Heading>
              <IssueList issues={hard} />
            </Alert>
          ) : (
            <Paragraph>{t('roster.issues.noneHard')}</Paragraph>
          )}
          {soft.length ? (
            <details>
              <summary>{t('roster.issues.soft', { count: soft.length })}</summary>
              <IssueList issues={soft} />
            </details>
          ) : (
            <Paragraph>{t('roster.issues.noneSoft')}</Paragraph>
          )}
        </section>
      ) : null}

      <section aria-labelledby="wishes-heading" className="stack">
        <Heading level={2} data-size="md" id="wishes-heading">
          {t('roster.wishes.resultTitle')}
        </Heading>
        {d.wishOutcomes.every((w) => w.outcomes.length === 0) ? (
          <Paragraph>{t('roster.wishes.noneYet')}</Paragraph>
        ) : (
          <table className="roster-table" data-testid="wish-results">
            <caption className="visually-hidden">{t('roster.wishes.resultTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('roster.grid.employee')}</th>
                <th scope="col">{t('roster.wishes.date')}</th>
                <th scope="col">{t('roster.wishes.wish')}</th>
                <th scope="col">{t('roster.wishes.result')}</th>
              </tr>
            </thead>
            <tbody>
              {d.wishOutcomes.flatMap((e) =>
                e.outcomes.map((o, i) => (
                  <tr key={`${e.personId}-${o.wish.day}-${i}`}>
                    <td>{e.name}</td>
                    <td>{d.days[o.wish.day]?.date}</td>
                    <td>{t(`roster.wishes.kind.${o.wish.kind}`, { code: o.wish.shift ?? '' })} ({t('roster.wishes.weightValue', { weight: o.wish.weight })})</td>
                    <td>
                      {!p.solved ? (
                        t('roster.wishes.notSolved')
                      ) : o.met ? (
                        t('roster.wishes.met')
                      ) : (
                        <>
                          {t('roster.wishes.unmet')}{' '}
                          {o.reasons.length ? (
                            <ul className="roster-issues">
                              {o.reasons.map((r, n) => (
                                <li key={n}>
                                  <IssueText issue={r} />
                                </li>
                              ))}
                            </ul>
                          ) : (
                            t('roster.wishes.tradedOff')
                          )}
                        </>
                      )}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="rules-heading" className="stack">
        <Heading level={2} data-size="md" id="rules-heading">
          {t('roster.ruleSets.ofPeriod')}
        </Heading>
        <RuleList rules={d.rules} />
      </section>

      {d.can.manage && d.swaps.length ? (
        <section aria-labelledby="swaps-heading" className="stack">
          <Heading level={2} data-size="md" id="swaps-heading">
            {t('roster.swaps.title')}
          </Heading>
          <SwapList swaps={d.swaps} decide />
        </section>
      ) : null}

      {d.can.submit || d.can.review || d.can.publish || d.can.lock ? (
        <section aria-labelledby="workflow-heading" className="stack">
          <Heading level={2} data-size="md" id="workflow-heading">
            {t('roster.workflow.title')}
          </Heading>
          {d.can.submit ? (
            <Form method="post" className="stack">
              <CsrfField />
              <input type="hidden" name="version" value={p.version} />
              <Paragraph>{t('roster.workflow.submitHelp')}</Paragraph>
              <div className="cluster">
                <Button type="submit" name="intent" value="submit">
                  {t('roster.workflow.submit')}
                </Button>
              </div>
            </Form>
          ) : null}
          {d.can.review ? (
            <Form method="post" className="stack">
              <CsrfField />
              <input type="hidden" name="version" value={p.version} />
              <Field>
                <Label htmlFor="review-comment">{t('roster.workflow.commentLabel')}</Label>
                <Field.Description id="review-comment-desc">{t('roster.workflow.commentHelp')}</Field.Description>
                <Textarea id="review-comment" name="comment" rows={4} aria-describedby="review-comment-desc" />
              </Field>
              <div className="cluster">
                <Button type="submit" name="intent" value="approve">
                  {t('roster.workflow.approve')}
                </Button>
                <Button type="submit" name="intent" value="return" variant="secondary">
                  {t('roster.workflow.return')}
                </Button>
              </div>
            </Form>
          ) : null}
          {d.can.publish ? (
            <Form method="post" className="stack">
              <CsrfField />
              <input type="hidden" name="version" value={p.version} />
              <Paragraph>{d.can.publishInTime ? t('roster.workflow.publishHelp', { by: p.publishBy, days: p.publishLeadDays }) : t('roster.workflow.publishLate', { by: p.publishBy, days: p.publishLeadDays })}</Paragraph>
              <div className="cluster">
                <Button type="submit" name="intent" value="publish">
                  {t('roster.workflow.publish')}
                </Button>
              </div>
            </Form>
          ) : null}
          {d.can.lock ? (
            <Form method="post" className="stack">
              <CsrfField />
              <input type="hidden" name="version" value={p.version} />
              <Paragraph>{t('roster.workflow.lockHelp')}</Paragraph>
              <div className="cluster">
                <Button type="submit" name="intent" value="lock" variant="secondary">
                  {t('roster.workflow.lock')}
                </Button>
              </div>
            </Form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
