// /catalogue/approvals — a leader's approvals: requested places of their units' people to
// approve or decline, with the substitute cost each means, and the places already approved or
// on the waiting list.
import { data, Form, Link, useActionData } from 'react-router';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Route } from './+types/catalogue.approvals';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { listEnrolmentApprovals } from '../../core/catalogue/list-enrolment-approvals.ts';
import { decideEnrolment } from '../../core/catalogue/decide-enrolment.ts';
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
  breadcrumb: (_d, t) => [
    { label: t('catalogue.nav.title'), to: '/catalogue' },
    { label: t('catalogue.approvals.title'), to: '/catalogue/approvals' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const result = await runForPage(context, () => listEnrolmentApprovals({ database: getServices(context).database, actor, requestId: getRequestInfo(context).requestId }));
  return { ...result, nav: cataloguePermissions(actor) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const services = getServices(context);
  const input = { enrolmentId: String(form.get('enrolmentId') ?? ''), decision: String(form.get('decision') ?? ''), version: String(form.get('version') ?? '') };
  const result = await runForForm(context, () => decideEnrolment({ database: services.database, actor, input, mailer: services.mailer, publicUrl: services.env.PUBLIC_URL, requestId: getRequestInfo(context).requestId }));
  return data({ result }, { status: result.ok ? 200 : STATUS_FOR[result.error.code] });
}

export default function ApprovalsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const actionData = useActionData<typeof action>();
  const done = actionData?.result.ok ? actionData.result.value : null;
  return (
    <div className="stack">
      <title>{`${t('catalogue.approvals.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('catalogue.approvals.title')}
      </Heading>
      <CatalogueNav nav={d.nav} />
      {done ? (
        <Alert data-color="success" role="status">
          {t(done.status === 'approved' ? 'catalogue.approvals.approvedNow' : 'catalogue.approvals.declinedNow')}
        </Alert>
      ) : null}
      <FormErrorSummary error={formError(actionData?.result)} prefix="approvals" />
      <section aria-labelledby="pending-heading" className="stack">
        <Heading level={2} data-size="sm" id="pending-heading">
          {t('catalogue.approvals.pending', { count: d.pending.length })}
        </Heading>
        {d.pending.length === 0 ? (
          <Paragraph>{t('catalogue.approvals.none')}</Paragraph>
        ) : (
          <Table>
            <caption className="visually-hidden">{t('catalogue.approvals.pending', { count: d.pending.length })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('catalogue.attendance.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('catalogue.list.measure')}</Table.HeaderCell>
                <Table.HeaderCell>{t('catalogue.list.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('catalogue.list.costs')}</Table.HeaderCell>
                <Table.HeaderCell>{t('catalogue.approvals.decide')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.pending.map((r) => (
                <Table.Row key={r.id}>
                  <Table.HeaderCell scope="row">
                    {r.personName}
                    <div>{r.unitName}</div>
                  </Table.HeaderCell>
                  <Table.Cell>
                    <Link to={`/catalogue/measures/${r.measureId}`}>{r.measureTitle}</Link>
                  </Table.Cell>
                  <Table.Cell>{formatDate(r.startDate, language)}</Table.Cell>
                  <Table.Cell>
                    {t('catalogue.list.fee', { amount: formatNok(r.costNok, language) })}
                    <br />
                    {t('catalogue.list.substitute', { amount: formatNok(r.substituteCostNok, language) })}
                  </Table.Cell>
                  <Table.Cell>
                    <div className="cluster">
                      {(['approve', 'decline'] as const).map((x) => (
                        <Form method="post" key={x}>
                          <CsrfField />
                          <input type="hidden" name="enrolmentId" value={r.id} />
                          <input type="hidden" name="version" value={r.version} />
                          <input type="hidden" name="decision" value={x} />
                          <Button type="submit" variant={x === 'approve' ? 'primary' : 'secondary'} data-size="sm" aria-label={`${t(`catalogue.approvals.${x}`)}: ${r.personName}, ${r.measureTitle}`}>
                            {t(`catalogue.approvals.${x}`)}
                          </Button>
                        </Form>
                      ))}
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>
      <section aria-labelledby="others-heading" className="stack">
        <Heading level={2} data-size="sm" id="others-heading">
          {t('catalogue.approvals.others')}
        </Heading>
        <Paragraph>{t('catalogue.approvals.substituteTotal', { amount: formatNok(d.approvedSubstituteCostNok, language) })}</Paragraph>
        {d.others.length === 0 ? (
          <Paragraph>{t('catalogue.approvals.noOthers')}</Paragraph>
        ) : (
          <ul>
            {d.others.map((r) => (
              <li key={r.id}>
                {`${r.personName} (${r.unitName}): `}
                <Link to={`/catalogue/measures/${r.measureId}`}>{r.measureTitle}</Link>
                {` – ${t(`catalogue.enrolmentShort.${r.status}` as 'catalogue.enrolmentShort.approved')}`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
