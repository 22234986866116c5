// /wheel/milestones/:milestoneId — one milestone: deadline, owner, targets, reminder schedule,
// and the status of every target unit, which leaders (own units) and coordinators can change.
import { data, Form, Link, useActionData, useSearchParams } from 'react-router';
import { Alert, Button, Heading, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import type { Route } from './+types/wheel.milestones.$milestoneId';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getMilestone } from '../../core/annual-wheel/get-milestone.ts';
import { setUnitStatus } from '../../core/annual-wheel/set-unit-status.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { formError, FormErrorSummary } from '../components/form-errors.tsx';
import { StatusBadge } from '../components/wheel-status.tsx';
import { WheelNav } from '../components/wheel-nav.tsx';
import { formatDate } from '../components/wheel-format.ts';
import { formatDateTime } from './login.shared.tsx';
import '../styles/org.css';
import '../styles/wheel.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const x = d as Awaited<ReturnType<typeof loader>> | undefined;
    return [{ label: t('wheel.nav.title'), to: '/wheel' }, ...(x ? [{ label: x.milestone.title, to: `/wheel/milestones/${x.milestone.id}` }] : [])];
  },
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return runForPage(context, () => getMilestone({ database: getServices(context).database, actor, milestoneId: params.milestoneId }));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const input = { unitId: String(form.get('unitId') ?? ''), status: String(form.get('status') ?? ''), version: String(form.get('version') ?? '') };
  const result = await runForForm(context, () => setUnitStatus({ database: getServices(context).database, actor, milestoneId: params.milestoneId, input, requestId: getRequestInfo(context).requestId }));
  if (result.ok) return data({ result, unitId: input.unitId });
  return data({ result, unitId: input.unitId }, { status: STATUS_FOR[result.error.code] });
}

const STATUSES = ['not_started', 'in_progress', 'done'] as const;

export default function MilestonePage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const m = d.milestone;
  const markable = new Set(d.markable);
  const targets = m.wholeMunicipality ? t('wheel.detail.wholeMunicipality') : m.targetKind ? t('wheel.detail.targetKind', { kind: t(`org.kind.${m.targetKind}`) }) : t('wheel.detail.targetChosen', { count: m.targetUnitIds.length });
  return (
    <div className="stack">
      <title>{`${m.title} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {m.title}
      </Heading>
      <WheelNav year={d.cycle.year} canWrite={d.canWrite} canReadLog={d.canReadLog} />
      {m.regionName !== null ? (
        <Alert data-color="info" className="wheel-regional-note">
          <Paragraph>{t('wheel.region.copyNote', { region: m.regionName })}</Paragraph>
          <Link to={`/wheel/region?year=${d.cycle.year}`} className="ds-link">
            {t('wheel.region.title')}
          </Link>
        </Alert>
      ) : null}
      {params.get('saved') ? (
        <Alert data-color="success" role="status">
          {t('wheel.detail.saved')}
        </Alert>
      ) : null}
      <dl className="facts">
        <dt>{t('wheel.detail.deadline')}</dt>
        <dd>
          {formatDate(m.deadline, language)} <StatusBadge status={m.shown} />
        </dd>
        <dt>{t('wheel.detail.owner')}</dt>
        <dd>{t(`wheel.ownerRole.${m.ownerRole}`)}</dd>
        <dt>{t('wheel.detail.concerns')}</dt>
        <dd>{t(`wheel.concerns.${m.concerns}`)}</dd>
        <dt>{t('wheel.detail.targets')}</dt>
        <dd>{targets}</dd>
        <dt>{t('wheel.detail.reminders')}</dt>
        <dd>
          {m.reminderOffsets.length ? t('wheel.detail.remindersText', { offsets: m.reminderOffsets.join(', ') }) : t('wheel.detail.noReminders')}
          {m.overdueEveryDays > 0 ? `. ${t('wheel.detail.overdueText', { days: m.overdueEveryDays })}` : null}
          {'. '}
          {m.escalateAfterDays !== null ? t('wheel.detail.escalationText', { days: m.escalateAfterDays }) : t('wheel.detail.noEscalation')}.
        </dd>
      </dl>
      {m.description ? (
        <section aria-labelledby="about-heading">
          <Heading level={2} data-size="xs" id="about-heading">
            {t('wheel.detail.description')}
          </Heading>
          <Paragraph style={{ whiteSpace: 'pre-line' }}>{m.description}</Paragraph>
        </section>
      ) : null}
      {d.canWrite && m.regionName === null ? (
        <div className="cluster no-print">
          <Link to={`/wheel/milestones/${m.id}/edit`} className="ds-button" data-variant="secondary" data-size="sm">
            {t('wheel.detail.edit')}
          </Link>
        </div>
      ) : null}
      <section aria-labelledby="units-heading" className="stack">
        <Heading level={2} data-size="sm" id="units-heading">
          {t('wheel.detail.unitsHeading')}
        </Heading>
        {actionData?.result.ok ? (
          <Alert data-color="success" role="status">
            {t('wheel.detail.saved')}
          </Alert>
        ) : null}
        <FormErrorSummary error={error} prefix="status" />
        {m.units.length === 0 ? (
          <Paragraph>{t('wheel.detail.noUnits')}</Paragraph>
        ) : (
          <Table>
            <caption className="visually-hidden">{t('wheel.detail.unitsHeading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('wheel.detail.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('wheel.detail.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('wheel.detail.setBy')}</Table.HeaderCell>
                {d.markable.length ? <Table.HeaderCell>{t('wheel.detail.change')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {m.units.map((u) => (
                <Table.Row key={u.unitId}>
                  <Table.HeaderCell scope="row">
                    {m.wholeMunicipality ? (
                      t('wheel.detail.wholeMunicipality')
                    ) : m.concerns === 'mapping_form' ? (
                      // Mapping forms: the unit's form for this cycle (its status here follows the form).
                      <Link to={`/mapping/units/${u.unitId}?year=${d.cycle.year}`} aria-label={t('mapping.links.openForm', { unit: u.unitName })}>
                        {u.unitName}
                      </Link>
                    ) : (
                      u.unitName
                    )}
                  </Table.HeaderCell>
                  <Table.Cell>
                    <StatusBadge status={u.shown} />
                  </Table.Cell>
                  <Table.Cell>
                    {u.setAt ? `${u.source === 'mapping_form' ? t('wheel.detail.auto') : (d.setByNames[u.setByAccountId ?? ''] ?? '–')}, ${formatDateTime(u.setAt, language)}` : '–'}
                  </Table.Cell>
                  {d.markable.length ? (
                    <Table.Cell>
                      {markable.has(u.unitId) ? (
                        <Form method="post" className="status-form">
                          <CsrfField />
                          <input type="hidden" name="unitId" value={u.unitId} />
                          <input type="hidden" name="version" value={u.version ?? ''} />
                          <label htmlFor={`status-${u.unitId}`} className="visually-hidden">
                            {t('wheel.detail.statusFor', { unit: m.wholeMunicipality ? t('wheel.detail.wholeMunicipality') : u.unitName })}
                          </label>
                          <Select id={`status-${u.unitId}`} name="status" defaultValue={u.status} data-size="sm" key={`${u.unitId}-${u.version ?? 0}`}>
                            {STATUSES.map((s) => (
                              <Select.Option key={s} value={s}>
                                {t(`wheel.status.${s}`)}
                              </Select.Option>
                            ))}
                          </Select>
                          <Button type="submit" variant="secondary" data-size="sm" aria-label={`${t('wheel.detail.saveStatus')}: ${m.wholeMunicipality ? t('wheel.detail.wholeMunicipality') : u.unitName}`}>
                            {t('wheel.detail.saveStatus')}
                          </Button>
                        </Form>
                      ) : null}
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>
    </div>
  );
}
