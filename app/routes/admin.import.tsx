// /admin/import — start an HR import: template downloads, the upload form and recent runs.
import { data, redirect, useActionData } from 'react-router';
import { Heading, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Route } from './+types/admin.import';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { listImportRuns } from '../../core/import/list-import-runs.ts';
import { uploadImportFile } from '../../core/import/upload-import-file.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { formError } from '../components/form-errors.tsx';
import { ImportUploadForm } from '../components/import-upload-form.tsx';
import { ImportStyles } from '../components/import-styles.tsx';
import { dateTimeFormat } from '../i18n/format.ts';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [
    { label: t('admin.home.title'), to: '/admin' },
    { label: t('import.title'), to: '/admin/import' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const services = getServices(context);
  const runs = await runForPage(context, () => listImportRuns({ database: services.database, actor }));
  return { runs, limitBytes: services.env.UPLOAD_LIMIT_MB * 1024 * 1024 };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const services = getServices(context);
  const form = await request.formData();
  const file = form.get('file');
  const bytes = file && typeof file === 'object' ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  const fileName = file && typeof file === 'object' ? file.name : '';
  const result = await runForForm(context, () =>
    uploadImportFile({ database: services.database, actor, fileName, bytes, createdBy: actor.accountId, maxBytes: services.env.UPLOAD_LIMIT_MB * 1024 * 1024, requestId: getRequestInfo(context).requestId }),
  );
  if (result.ok) return redirect(`/admin/import/${result.value.runId}`);
  return data({ result }, { status: STATUS_FOR[result.error.code] });
}

export default function ImportStart({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const error = formError(useActionData<typeof action>()?.result);
  const dateTime = dateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Oslo' });
  return (
    <div className="stack import-page">
      <title>{`${t('import.title')} – Rytme`}</title>
      <ImportStyles />
      <Heading level={1} data-size="lg">
        {t('import.title')}
      </Heading>
      <Paragraph>{t('import.intro')}</Paragraph>

      <section aria-labelledby="template-heading" className="stack">
        <Heading level={2} data-size="sm" id="template-heading">
          {t('import.template.heading')}
        </Heading>
        <Paragraph>{t('import.template.body')}</Paragraph>
        <ul className="import-links">
          <li>
            <DsLink href={`/admin/import/template/xlsx?lang=${language}`} download>
              {t('import.template.xlsx')}
            </DsLink>
          </li>
          <li>
            <DsLink href={`/admin/import/template/csv?lang=${language}`} download>
              {t('import.template.csv')}
            </DsLink>
          </li>
        </ul>
      </section>

      <section aria-labelledby="upload-heading" className="stack">
        <Heading level={2} data-size="sm" id="upload-heading">
          {t('import.upload.heading')}
        </Heading>
        <ImportUploadForm limitBytes={d.limitBytes} serverError={error ? (error.issues[0]?.message ?? error.message) : null} />
      </section>

      <section aria-labelledby="runs-heading" className="stack">
        <Heading level={2} data-size="sm" id="runs-heading">
          {t('import.runs.heading')}
        </Heading>
        {d.runs.length === 0 ? (
          <Paragraph>{t('import.runs.none')}</Paragraph>
        ) : (
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('import.runs.file')}</Table.HeaderCell>
                <Table.HeaderCell>{t('import.runs.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('import.runs.rows')}</Table.HeaderCell>
                <Table.HeaderCell>{t('import.runs.started')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.runs.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>
                    <DsLink href={`/admin/import/${r.id}`}>{r.fileName}</DsLink>
                  </Table.Cell>
                  <Table.Cell>{t(`import.status.${r.status}`)}</Table.Cell>
                  <Table.Cell>{r.rowCount}</Table.Cell>
                  <Table.Cell>{dateTime.format(new Date(r.createdAt))}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>
    </div>
  );
}
