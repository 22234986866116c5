// /admin/audit: the tenant's audit log for tenant administrators. Newest first, 50 per page
// with keyset pagination ("older" carries the last id shown), filters in a GET form so every
// view has a shareable address, readable descriptions, actors by display name, links to the
// person or unit an entry concerns, and a CSV download of the filtered list. Read-only: the
// log is append-only and this page offers no way to change it. Viewing it is audited.
import { Button, Field, Fieldset, Heading, Label, Link as DsLink, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import type { Route } from './+types/admin.audit';
import { listAuditLog } from '../../core/audit/list-audit-log.ts';
import { AUDIT_ACTION_PREFIXES, AUDIT_EXPORT_LIMIT, filterFromSearchParams } from '../../core/audit/audit.rules.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { useLanguage, useT, type TFunction } from '../i18n/use-t.ts';
import { getRequestInfo, getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { dateTimeFormat, numberFormat } from '../i18n/format.ts';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_data, t) => [
    { label: t('admin.home.title'), to: '/admin' },
    { label: t('admin.audit.title'), to: '/admin/audit' },
  ],
};

const SUBJECT_TYPES = ['person', 'unit', 'account', 'employment', 'import', 'apiToken', 'tenant', 'region'] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const { database } = getServices(context);
  const { requestId } = getRequestInfo(context);
  const raw = filterFromSearchParams(new URL(request.url).searchParams);
  const page = await runForPage(context, () => listAuditLog({ database, actor, filter: raw, requestId }));
  return { ...page, entries: page.entries.map((e) => ({ ...e, at: e.at.toISOString() })) };
}

type Filter = Route.ComponentProps['loaderData']['filter'];

function query(filter: Filter, changes: Partial<Record<keyof Filter, string | number | undefined>>): string {
  const params = new URLSearchParams();
  const merged = { ...filter, ...changes };
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function subjectHref(type: string | null, id: string | null): string | null {
  if (!type || !id) return null;
  if (type === 'person') return `/people/${encodeURIComponent(id)}`;
  if (type === 'unit') return `/org/units/${encodeURIComponent(id)}`;
  return null;
}

function subjectTypeName(t: TFunction, type: string): string {
  const key = `admin.audit.subjectTypes.${type}`;
  const text = t(key);
  return text === key ? type : text;
}

function describe(t: TFunction, action: string): string {
  const key = `admin.audit.actions.${action}`;
  const text = t(key);
  return text === key ? action : text;
}


export default function AuditPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const { filter, entries, nextBefore } = loaderData;
  const fmt = dateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Oslo' });
  const exportHref = `/admin/audit/export${query(filter, { before: undefined })}`;
  const hasFilter = Boolean(filter.action || filter.actor || filter.subjectType || filter.subjectId || filter.from || filter.to);

  return (
    <div className="stack">
      <title>{`${t('admin.audit.title')} – Rytme`}</title>
      <Heading level={1} data-size="xl">
        {t('admin.audit.title')}
      </Heading>
      <Paragraph>{t('admin.audit.intro')}</Paragraph>

      <Form method="get" action="/admin/audit" className="stack">
        <Fieldset>
          <Fieldset.Legend>{t('admin.audit.filter.legend')}</Fieldset.Legend>
          <div style={{ display: 'grid', gap: '1rem', gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))' }}>
            <Field>
              <Label htmlFor="audit-action">{t('admin.audit.filter.action')}</Label>
              <Select id="audit-action" name="action" defaultValue={filter.action ?? ''}>
                <Select.Option value="">{t('admin.audit.filter.actionAll')}</Select.Option>
                {AUDIT_ACTION_PREFIXES.map((p) => (
                  <Select.Option key={p} value={p}>
                    {t(`admin.audit.prefix.${p}`)}
                  </Select.Option>
                ))}
                {filter.action && !(AUDIT_ACTION_PREFIXES as readonly string[]).includes(filter.action) ? <Select.Option value={filter.action}>{describe(t, filter.action)}</Select.Option> : null}
              </Select>
            </Field>
            <Field>
              <Label htmlFor="audit-subject-type">{t('admin.audit.filter.subjectType')}</Label>
              <Select id="audit-subject-type" name="subjectType" defaultValue={filter.subjectType ?? ''}>
                <Select.Option value="">{t('admin.audit.filter.subjectTypeAll')}</Select.Option>
                {SUBJECT_TYPES.map((s) => (
                  <Select.Option key={s} value={s}>
                    {subjectTypeName(t, s)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Textfield id="audit-subject-id" name="subjectId" label={t('admin.audit.filter.subjectId')} defaultValue={filter.subjectId ?? ''} autoComplete="off" spellCheck={false} />
            <Textfield id="audit-actor" name="actor" label={t('admin.audit.filter.actor')} defaultValue={filter.actor ?? ''} autoComplete="off" spellCheck={false} />
            <Textfield id="audit-from" name="from" type="date" label={t('admin.audit.filter.from')} defaultValue={filter.from ?? ''} />
            <Textfield id="audit-to" name="to" type="date" label={t('admin.audit.filter.to')} defaultValue={filter.to ?? ''} />
          </div>
        </Fieldset>
        <div className="cluster">
          <Button type="submit">{t('admin.audit.filter.apply')}</Button>
          {hasFilter ? <DsLink href="/admin/audit">{t('admin.audit.filter.reset')}</DsLink> : null}
        </div>
      </Form>

      <div className="cluster">
        <DsLink href={exportHref} download>
          {t('admin.audit.export')}
        </DsLink>
        <Paragraph data-size="sm">{t('admin.audit.exportHint', { limit: numberFormat(language).format(AUDIT_EXPORT_LIMIT) })}</Paragraph>
      </div>

      {entries.length === 0 ? (
        <Paragraph role="status">{t('admin.audit.empty')}</Paragraph>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <Table zebra data-size="sm">
            <caption className="visually-hidden">{t('admin.audit.table.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('admin.audit.table.time')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.audit.table.actor')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.audit.table.action')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.audit.table.subject')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.audit.table.details')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.audit.table.requestId')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {entries.map((e) => {
                const actorText = e.actorName ?? t(`admin.audit.actorKind.${e.actorKind}`);
                const href = subjectHref(e.subjectType, e.subjectId);
                return (
                  <Table.Row key={e.id} data-testid="audit-row">
                    <Table.Cell>
                      <time dateTime={e.at}>{fmt.format(new Date(e.at))}</time>
                    </Table.Cell>
                    <Table.Cell>
                      {filter.actor === e.actor ? (
                        actorText
                      ) : (
                        <a href={`/admin/audit${query(filter, { actor: e.actor, before: undefined })}`} aria-label={t('admin.audit.filter.onlyActor', { name: actorText })}>
                          {actorText}
                        </a>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      <span title={e.action}>{describe(t, e.action)}</span>
                    </Table.Cell>
                    <Table.Cell>
                      {e.subjectType ? (
                        <>
                          {href ? (
                            <a href={href}>{t('admin.audit.subjectLink', { type: subjectTypeName(t, e.subjectType), id: shortId(e.subjectId) })}</a>
                          ) : (
                            <span>{t('admin.audit.subjectLink', { type: subjectTypeName(t, e.subjectType), id: shortId(e.subjectId) })}</span>
                          )}{' '}
                          {e.subjectId && filter.subjectId !== e.subjectId ? (
                            <a href={`/admin/audit${query(filter, { subjectType: e.subjectType, subjectId: e.subjectId, before: undefined })}`} aria-label={`${t('admin.audit.filter.onlySubject')}: ${subjectTypeName(t, e.subjectType)} ${e.subjectId}`}>
                              ({t('admin.audit.filter.onlySubject')})
                            </a>
                          ) : null}
                        </>
                      ) : (
                        '–'
                      )}
                    </Table.Cell>
                    <Table.Cell style={{ maxWidth: '18rem', overflowWrap: 'anywhere' }}>{e.details ?? '–'}</Table.Cell>
                    <Table.Cell>
                      <code>{e.requestId ? shortId(e.requestId) : '–'}</code>
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      )}
      <nav aria-label={t('admin.audit.table.caption')} className="cluster">
        {filter.before ? <DsLink href={`/admin/audit${query(filter, { before: undefined })}`}>{t('admin.audit.newest')}</DsLink> : null}
        {nextBefore ? <DsLink href={`/admin/audit${query(filter, { before: nextBefore })}`}>{t('admin.audit.older')}</DsLink> : null}
      </nav>
    </div>
  );
}

function shortId(id: string | null): string {
  if (!id) return '';
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}
