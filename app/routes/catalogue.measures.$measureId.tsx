// /catalogue/measures/:measureId — one measure: what, who, when, where, places, costs, the
// needs it answers; enrol or cancel one's own place; for coordinators the status and links to
// editing and the attendance list; for attendees after the end, the feedback form.
import { data, Form, Link, useActionData, useSearchParams } from 'react-router';
import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Route } from './+types/catalogue.measures.$measureId';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getMeasure } from '../../core/catalogue/get-measure.ts';
import { enrolInMeasure } from '../../core/catalogue/enrol-in-measure.ts';
import { cancelEnrolment } from '../../core/catalogue/cancel-enrolment.ts';
import { setMeasureStatus } from '../../core/catalogue/set-measure-status.ts';
import { cataloguePermissions } from '../../core/catalogue/catalogue-access.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { formError, FormErrorSummary } from '../components/form-errors.tsx';
import { CatalogueNav, formatNok } from '../components/catalogue-nav.tsx';
import { formatDate } from '../components/wheel-format.ts';
import '../styles/org.css';
import '../styles/wheel.css';
import '../styles/catalogue.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const x = d as { measure?: { id: string; title: string } } | undefined;
    return [{ label: t('catalogue.nav.title'), to: '/catalogue' }, ...(x?.measure ? [{ label: x.measure.title, to: `/catalogue/measures/${x.measure.id}` }] : [])];
  },
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const result = await runForPage(context, () => getMeasure({ database: getServices(context).database, actor, measureId: params.measureId }));
  return { ...result, nav: cataloguePermissions(actor) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const services = getServices(context);
  const common = { database: services.database, actor, mailer: services.mailer, publicUrl: services.env.PUBLIC_URL, requestId: getRequestInfo(context).requestId };
  const result = await runForForm(context, async () => {
    if (intent === 'enrol') return { done: 'enrolled' as const, status: (await enrolInMeasure({ ...common, measureId: params.measureId })).status };
    if (intent === 'cancel') return { done: 'cancelled' as const, status: '' , promoted: (await cancelEnrolment({ ...common, enrolmentId: String(form.get('enrolmentId') ?? '') })).promoted };
    await setMeasureStatus({ ...common, measureId: params.measureId, input: { status: String(form.get('status') ?? ''), version: String(form.get('version') ?? '') } });
    return { done: 'status' as const, status: String(form.get('status') ?? '') };
  });
  return data({ result }, { status: result.ok ? 200 : STATUS_FOR[result.error.code] });
}

export default function MeasurePage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const done = actionData?.result.ok ? actionData.result.value : null;
  const m = d.measure;
  const half = t(`catalogue.half.${d.catalogue.half}` as 'catalogue.half.spring', { year: d.catalogue.year });
  return (
    <div className="stack">
      <title>{`${m.title} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {m.title}
      </Heading>
      <CatalogueNav nav={d.nav} />
      {params.get('saved') ? (
        <Alert data-color="success" role="status">
          {t('catalogue.detail.saved')}
        </Alert>
      ) : null}
      {params.get('feedback') ? (
        <Alert data-color="success" role="status">
          {t('catalogue.feedback.thanks')}
        </Alert>
      ) : null}
      {done ? (
        <Alert data-color="success" role="status">
          {done.done === 'enrolled' ? t(done.status === 'waiting' ? 'catalogue.detail.enrolledWaiting' : 'catalogue.detail.enrolledRequested') : done.done === 'cancelled' ? t('catalogue.detail.cancelledNow') : t('catalogue.detail.statusSaved')}
        </Alert>
      ) : null}
      <FormErrorSummary error={error} prefix="measure-action" />
      <dl className="facts">
        <dt>{t('catalogue.detail.type')}</dt>
        <dd>{t(`measures.type.${m.type}` as 'measures.type.external_course')}</dd>
        <dt>{t('catalogue.detail.catalogue')}</dt>
        <dd>
          <Link to={`/catalogue?year=${d.catalogue.year}&half=${d.catalogue.half}`}>{half}</Link>
        </dd>
        <dt>{t('catalogue.detail.when')}</dt>
        <dd>{m.endDate ? `${formatDate(m.startDate, language)} – ${formatDate(m.endDate, language)}` : t('catalogue.detail.ongoingFrom', { date: formatDate(m.startDate, language) })}</dd>
        <dt>{t('catalogue.detail.where')}</dt>
        <dd>{[m.place, m.online ? t('catalogue.detail.online') : ''].filter(Boolean).join(', ')}</dd>
        <dt>{t('catalogue.detail.provider')}</dt>
        <dd>{d.provider ? `${d.provider.name} (${t(`catalogue.providerKind.${d.provider.kind}` as 'catalogue.providerKind.private')})` : t('catalogue.detail.noProvider')}</dd>
        {d.areaName ? (
          <>
            <dt>{t('catalogue.detail.area')}</dt>
            <dd>{d.areaName}</dd>
          </>
        ) : null}
        {m.targetGroups.length ? (
          <>
            <dt>{t('catalogue.detail.targetGroups')}</dt>
            <dd>{m.targetGroups.join(', ')}</dd>
          </>
        ) : null}
        <dt>{t('catalogue.detail.places')}</dt>
        <dd>{t('catalogue.list.placesLeft', { left: d.placesLeft, capacity: m.capacity })}</dd>
        <dt>{t('catalogue.detail.costs')}</dt>
        <dd>
          {t('catalogue.list.fee', { amount: formatNok(m.costNok, language) })}, {t('catalogue.list.substitute', { amount: formatNok(m.substituteCostNok, language) })}
        </dd>
        {d.canWrite ? (
          <>
            <dt>{t('catalogue.detail.status')}</dt>
            <dd>
              <Tag data-color={m.status === 'published' ? 'success' : 'neutral'}>{t(`catalogue.status.${m.status}` as 'catalogue.status.draft')}</Tag>
            </dd>
          </>
        ) : null}
      </dl>
      {m.description ? <Paragraph style={{ whiteSpace: 'pre-line' }}>{m.description}</Paragraph> : null}
      {d.needs.length ? (
        <section aria-labelledby="needs-heading">
          <Heading level={2} data-size="xs" id="needs-heading">
            {t('catalogue.detail.needs')}
          </Heading>
          <ul>
            {d.needs.map((n) => (
              <li key={n.id}>{`${n.unitName}: ${n.areaName}${n.description ? ` – ${n.description}` : ''}`}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="mine-heading" className="stack">
        <Heading level={2} data-size="sm" id="mine-heading">
          {t('catalogue.detail.mineHeading')}
        </Heading>
        {d.mine ? (
          <Paragraph>
            {t(`catalogue.enrolment.${d.mine.status}` as 'catalogue.enrolment.requested', { position: d.mine.position ?? 0 })}
            {d.mine.attended === true ? ` ${t('catalogue.detail.attended')}` : ''}
          </Paragraph>
        ) : (
          <Paragraph>{t('catalogue.detail.notEnrolled')}</Paragraph>
        )}
        {d.canEnrol ? (
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="enrol" />
            <Button type="submit">{d.placesLeft > 0 ? t('catalogue.detail.enrol') : t('catalogue.detail.enrolWaiting')}</Button>
          </Form>
        ) : null}
        {d.canCancel && d.mine ? (
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="cancel" />
            <input type="hidden" name="enrolmentId" value={d.mine.id} />
            <Button type="submit" variant="secondary">
              {t('catalogue.detail.cancel')}
            </Button>
          </Form>
        ) : null}
        {d.canGiveFeedback ? (
          <Link to={`/catalogue/measures/${m.id}/feedback`} className="ds-button" data-variant="primary">
            {t('catalogue.detail.giveFeedback')}
          </Link>
        ) : null}
      </section>
      {d.canWrite || d.canAttendance ? (
        <section aria-labelledby="admin-heading" className="stack no-print">
          <Heading level={2} data-size="sm" id="admin-heading">
            {t('catalogue.detail.adminHeading')}
          </Heading>
          <div className="cluster">
            {d.canWrite ? (
              <Link to={`/catalogue/measures/${m.id}/edit`} className="ds-button" data-variant="secondary" data-size="sm">
                {t('catalogue.detail.edit')}
              </Link>
            ) : null}
            {d.canAttendance ? (
              <Link to={`/catalogue/measures/${m.id}/attendance`} className="ds-button" data-variant="secondary" data-size="sm">
                {t('catalogue.detail.attendance')}
              </Link>
            ) : null}
            {d.nextStatuses.map((s) => (
              <Form method="post" key={s}>
                <CsrfField />
                <input type="hidden" name="intent" value="status" />
                <input type="hidden" name="status" value={s} />
                <input type="hidden" name="version" value={m.version} />
                <Button type="submit" variant={s === 'published' ? 'primary' : 'secondary'} data-size="sm">
                  {t(`catalogue.statusAction.${s}` as 'catalogue.statusAction.published')}
                </Button>
              </Form>
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
