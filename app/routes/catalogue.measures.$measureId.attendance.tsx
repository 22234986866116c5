// /catalogue/measures/:measureId/attendance — the attendance list: approved participants and
// whether they attended (organiser and coordinators: everyone; leaders: their own units' people).
import { data, Form, useActionData } from 'react-router';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Route } from './+types/catalogue.measures.$measureId.attendance';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getAttendance } from '../../core/catalogue/get-attendance.ts';
import { recordAttendance } from '../../core/catalogue/record-attendance.ts';
import { cataloguePermissions } from '../../core/catalogue/catalogue-access.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { formError, FormErrorSummary } from '../components/form-errors.tsx';
import { CatalogueNav } from '../components/catalogue-nav.tsx';
import { formatDate } from '../components/wheel-format.ts';
import '../styles/org.css';
import '../styles/wheel.css';
import '../styles/catalogue.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const m = (d as { measure?: { id: string; title: string } } | undefined)?.measure;
    return [{ label: t('catalogue.nav.title'), to: '/catalogue' }, ...(m ? [{ label: m.title, to: `/catalogue/measures/${m.id}` }, { label: t('catalogue.attendance.title'), to: `/catalogue/measures/${m.id}/attendance` }] : [])];
  },
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const result = await runForPage(context, () => getAttendance({ database: getServices(context).database, actor, measureId: params.measureId, requestId: getRequestInfo(context).requestId }));
  return { ...result, nav: cataloguePermissions(actor) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const input = { enrolmentId: String(form.get('enrolmentId') ?? ''), attended: String(form.get('attended') ?? ''), version: String(form.get('version') ?? '') };
  const result = await runForForm(context, () => recordAttendance({ database: getServices(context).database, actor, measureId: params.measureId, input, requestId: getRequestInfo(context).requestId }));
  return data({ result }, { status: result.ok ? 200 : STATUS_FOR[result.error.code] });
}

export default function AttendancePage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const actionData = useActionData<typeof action>();
  const m = d.measure;
  return (
    <div className="stack">
      <title>{`${t('catalogue.attendance.title')}: ${m.title} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('catalogue.attendance.title')}: {m.title}
      </Heading>
      <CatalogueNav nav={d.nav} />
      <Paragraph>{m.endDate ? `${formatDate(m.startDate, language)} – ${formatDate(m.endDate, language)}` : t('catalogue.detail.ongoingFrom', { date: formatDate(m.startDate, language) })}</Paragraph>
      {actionData?.result.ok ? (
        <Alert data-color="success" role="status">
          {t('catalogue.attendance.saved')}
        </Alert>
      ) : null}
      <FormErrorSummary error={formError(actionData?.result)} prefix="attendance" />
      {d.rows.length === 0 ? (
        <Paragraph>{t('catalogue.attendance.empty')}</Paragraph>
      ) : (
        <Table>
          <caption className="visually-hidden">{t('catalogue.attendance.title')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('catalogue.attendance.person')}</Table.HeaderCell>
              <Table.HeaderCell>{t('catalogue.attendance.unit')}</Table.HeaderCell>
              <Table.HeaderCell>{t('catalogue.attendance.attended')}</Table.HeaderCell>
              <Table.HeaderCell>{t('catalogue.attendance.record')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {d.rows.map((r) => (
              <Table.Row key={r.id}>
                <Table.HeaderCell scope="row">{r.personName}</Table.HeaderCell>
                <Table.Cell>{r.unitName}</Table.Cell>
                <Table.Cell>{r.attended === null ? t('catalogue.attendance.unknown') : r.attended ? t('catalogue.attendance.yes') : t('catalogue.attendance.no')}</Table.Cell>
                <Table.Cell>
                  <div className="cluster">
                    {(['yes', 'no'] as const).map((v) => (
                      <Form method="post" key={v}>
                        <CsrfField />
                        <input type="hidden" name="enrolmentId" value={r.id} />
                        <input type="hidden" name="version" value={r.version} />
                        <input type="hidden" name="attended" value={v} />
                        <Button type="submit" variant={v === 'yes' ? 'primary' : 'secondary'} data-size="sm" aria-label={`${t(v === 'yes' ? 'catalogue.attendance.markYes' : 'catalogue.attendance.markNo')}: ${r.personName}`}>
                          {t(v === 'yes' ? 'catalogue.attendance.markYes' : 'catalogue.attendance.markNo')}
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
    </div>
  );
}
