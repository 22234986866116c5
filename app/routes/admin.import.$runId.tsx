// /admin/import/:runId — one import run: the column mapping, a progress bar while a job runs
// (polled; the state lives in the database so it survives a reload), the preview with its
// errors, the commit button, and the result.
import { useEffect } from 'react';
import { Form, data, redirect, useActionData, useRevalidator } from 'react-router';
import { Alert, Button, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import type { Route } from './+types/admin.import.$runId';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getImportRun } from '../../core/import/get-import-run.ts';
import { requestImportPreview } from '../../core/import/request-import-preview.ts';
import { requestImportCommit } from '../../core/import/request-import-commit.ts';
import { EMPLOYEE_FIELDS, type ImportMapping } from '../../core/import/fields.ts';
import { importCommitJob, importPreviewJob } from '../../jobs/import.jobs.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { formError } from '../components/form-errors.tsx';
import { ImportMappingForm } from '../components/import-mapping-form.tsx';
import { CATEGORIES, ImportCategory, ImportCounts, ImportIssues, type Category, type CategoryItem, type IssueItem, type PageOf } from '../components/import-preview.tsx';
import { ImportStyles } from '../components/import-styles.tsx';
import { ProgressBar } from '../components/progress-bar.tsx';

const PAGE_SIZE = 50;
const ISSUE_PAGE_SIZE = 100;

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const run = (d as { run?: { id: string; fileName: string } } | undefined)?.run;
    return [
      { label: t('admin.home.title'), to: '/admin' },
      { label: t('import.title'), to: '/admin/import' },
      ...(run ? [{ label: run.fileName, to: `/admin/import/${run.id}` }] : []),
    ];
  },
};

function pageOf<T>(all: T[], pageParam: string | null, size: number): PageOf<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const page = Math.min(pages, Math.max(1, Number.parseInt(pageParam ?? '1', 10) || 1));
  return { items: all.slice((page - 1) * size, page * size), page, pages, kept: all.length };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const services = getServices(context);
  const run = await runForPage(context, () => getImportRun({ database: services.database, actor, runId: params.runId, requestId: getRequestInfo(context).requestId }));
  const url = new URL(request.url);
  const categoryParam = url.searchParams.get('category');
  const category: Category = (CATEGORIES as readonly string[]).includes(categoryParam ?? '') ? (categoryParam as Category) : 'creates';
  const samples = run.summary.samples;
  const list = pageOf<CategoryItem>((samples?.[category] ?? []) as CategoryItem[], url.searchParams.get('page'), PAGE_SIZE);
  const issues = pageOf<IssueItem>(run.issues, url.searchParams.get('errorsPage'), ISSUE_PAGE_SIZE);
  return {
    run: {
      id: run.id,
      fileName: run.fileName,
      status: run.status,
      progress: run.progress,
      headers: run.summary.headers ?? [],
      counts: run.summary.counts ?? null,
      endMissing: run.summary.endMissing ?? true,
      failure: run.summary.failure ?? null,
      mapping: run.mapping as Record<string, string | undefined>,
      mappingVersion: run.mappingVersion,
      fields: run.fields,
      requiredFields: run.requiredFields,
    },
    category,
    list,
    issues,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const services = getServices(context);
  const requestId = getRequestInfo(context).requestId;
  const form = await request.formData();
  const intent = form.get('intent');
  const payload = (runId: string) => ({ tenantId: actor.tenantId, runId, requestedBy: actor.accountId });
  const result =
    intent === 'commit'
      ? await runForForm(context, () => requestImportCommit({ database: services.database, actor, runId: params.runId, requestId, enqueue: (runId) => services.jobs.send(importCommitJob, payload(runId)) }))
      : await runForForm(context, () => {
          const mapping: ImportMapping = {};
          for (const field of EMPLOYEE_FIELDS) {
            const header = form.get(`map.${field}`);
            if (typeof header === 'string' && header !== '') mapping[field] = header;
          }
          const version = String(form.get('mappingVersion') ?? '');
          return requestImportPreview({
            database: services.database,
            actor,
            runId: params.runId,
            mapping,
            mappingVersion: /^\d+$/.test(version) ? Number(version) : null,
            endMissing: form.get('endMissing') === '1',
            requestId,
            enqueue: (runId) => services.jobs.send(importPreviewJob, payload(runId)),
          });
        });
  if (result.ok) return redirect(`/admin/import/${params.runId}`);
  return data({ result }, { status: STATUS_FOR[result.error.code] });
}

export default function ImportRunPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const revalidator = useRevalidator();
  const { run } = d;
  const running = run.status === 'previewing' || run.status === 'committing';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') void revalidator.revalidate();
    }, 1500);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  const baseHref = `/admin/import/${run.id}`;
  const mappingForm = (
    <ImportMappingForm headers={run.headers} fields={run.fields} requiredFields={run.requiredFields} mapping={run.mapping} mappingVersion={run.mappingVersion} endMissing={run.endMissing} error={error} />
  );
  return (
    <div className="stack import-page">
      <title>{`${t('import.run.title', { file: run.fileName })} – Rytme`}</title>
      <ImportStyles />
      <Heading level={1} data-size="lg">
        {t('import.run.title', { file: run.fileName })}
      </Heading>
      <Paragraph data-testid="import-status">{t('import.run.statusLabel', { status: t(`import.status.${run.status}`) })}</Paragraph>
      {error && error.issues.length === 0 ? (
        <Alert data-color="danger" role="alert">
          {error.message}
        </Alert>
      ) : null}

      {run.status === 'uploaded' ? mappingForm : null}

      {running ? (
        <section aria-labelledby="progress-heading" className="stack" aria-busy="true">
          <Heading level={2} data-size="sm" id="progress-heading">
            {t('import.progress.heading')}
          </Heading>
          <ProgressBar done={run.progress.done} total={run.progress.total} label={t(`import.status.${run.status}`)} />
          <Paragraph>{t('import.progress.help')}</Paragraph>
        </section>
      ) : null}

      {run.status === 'previewed' && run.counts ? (
        <>
          <Heading level={2} data-size="md">
            {t('import.preview.heading')}
          </Heading>
          <Paragraph>{t('import.preview.intro')}</Paragraph>
          <ImportCounts counts={run.counts} />
          <ImportCategory category={d.category} counts={run.counts} list={d.list} baseHref={baseHref} />
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="commit" />
            <Paragraph>{t('import.preview.commitHelp')}</Paragraph>
            <div>
              <Button type="submit">{t('import.preview.commit')}</Button>
            </div>
          </Form>
          <details className="stack">
            <summary>{t('import.mapping.change')}</summary>
            {mappingForm}
          </details>
        </>
      ) : null}

      {run.status === 'invalid' ? (
        <>
          {run.counts ? <ImportCounts counts={run.counts} /> : null}
          <ImportIssues list={d.issues} total={run.counts?.issues ?? d.issues.kept} baseHref={baseHref} />
          <details className="stack">
            <summary>{t('import.mapping.change')}</summary>
            {mappingForm}
          </details>
        </>
      ) : null}

      {run.status === 'committed' && run.counts ? (
        <>
          <Alert data-color="success">
            <Heading level={2} data-size="xs">
              {t('import.done.heading')}
            </Heading>
            <Paragraph>{t('import.done.body', { ...run.counts })}</Paragraph>
          </Alert>
          <ImportCounts counts={run.counts} />
        </>
      ) : null}

      {run.status === 'failed' ? (
        <>
          <Alert data-color="danger">
            <Heading level={2} data-size="xs">
              {t('import.failedView.heading')}
            </Heading>
            <Paragraph>{t(run.failure?.key ?? 'import.failed.internal', run.failure?.params)}</Paragraph>
            <Paragraph>{t('import.failedView.nothingChanged')}</Paragraph>
          </Alert>
          <details className="stack">
            <summary>{t('import.failedView.retry')}</summary>
            {mappingForm}
          </details>
        </>
      ) : null}

      <Paragraph>
        <DsLink href="/admin/import">{t('import.run.back')}</DsLink>
      </Paragraph>
    </div>
  );
}
