// The preview (and the result): counts per category, one category's rows with pagination, and
// every row error translated into the reader's language.
import { Heading, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { useT } from '../i18n/use-t.ts';
import type { ImportCounts as TImportCounts } from '../../core/import/import-run.ts';

/** The counts the use cases report (core/import/import-run.ts). */
export type PreviewCounts = TImportCounts;

export const CATEGORIES = ['creates', 'updates', 'deactivations', 'unitCreates', 'unitUpdates'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface PageOf<T> {
  items: T[];
  page: number;
  pages: number;
  /** How many the run kept (the count may be larger). */
  kept: number;
}

export interface CategoryItem {
  row?: number;
  employeeNumber?: string;
  name: string;
  unitCode?: string;
  code?: string;
  parentCode?: string | null;
  fields?: string[];
}

export interface IssueItem {
  row: number;
  column: string;
  key: string;
  params?: Record<string, string | number>;
  sheet?: 'units';
}

export function ImportCounts({ counts }: { counts: PreviewCounts }) {
  const t = useT();
  const items: Array<[string, number]> = [
    ['import.preview.rows', counts.rows],
    ['import.preview.creates', counts.creates],
    ['import.preview.updates', counts.updates],
    ['import.preview.unchanged', counts.unchanged],
    ['import.preview.deactivations', counts.deactivations],
    ['import.preview.unitCreates', counts.unitCreates],
    ['import.preview.unitUpdates', counts.unitUpdates],
    ['import.preview.issues', counts.issues],
  ];
  return (
    <section aria-labelledby="counts-heading" className="stack">
      <Heading level={2} data-size="sm" id="counts-heading">
        {t('import.preview.counts')}
      </Heading>
      <dl className="import-counts">
        {items.map(([key, n]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd data-testid={key.split('.').pop()}>{n}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const t = useT();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('import.preview.pagination')} className="import-pager">
      {page > 1 ? <DsLink href={href(page - 1)}>{t('import.preview.previous')}</DsLink> : null}
      <span>{t('import.preview.page', { page, pages })}</span>
      {page < pages ? <DsLink href={href(page + 1)}>{t('import.preview.next')}</DsLink> : null}
    </nav>
  );
}

export function ImportCategory({ category, counts, list, baseHref }: { category: Category; counts: PreviewCounts; list: PageOf<CategoryItem>; baseHref: string }) {
  const t = useT();
  const isUnit = category === 'unitCreates' || category === 'unitUpdates';
  const showFields = category === 'updates' || category === 'unitUpdates';
  const count = counts[category];
  return (
    <section aria-labelledby="category-heading" className="stack">
      <ul className="import-tabs">
        {CATEGORIES.map((c) => (
          <li key={c}>
            <DsLink href={`${baseHref}?category=${c}`} aria-current={c === category ? 'page' : undefined}>
              {t(`import.preview.${c}`)} ({counts[c]})
            </DsLink>
          </li>
        ))}
      </ul>
      <Heading level={3} data-size="xs" id="category-heading">
        {t(`import.preview.${category}`)} ({count})
      </Heading>
      {list.items.length === 0 ? (
        <Paragraph>{t('import.preview.empty')}</Paragraph>
      ) : (
        <div className="import-table-wrap">
          <Table data-testid={`category-${category}`}>
            <Table.Head>
              <Table.Row>
                {isUnit ? (
                  <>
                    <Table.HeaderCell>{t('import.preview.code')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('import.preview.name')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('import.preview.parent')}</Table.HeaderCell>
                  </>
                ) : (
                  <>
                    {category !== 'deactivations' ? <Table.HeaderCell>{t('import.preview.row')}</Table.HeaderCell> : null}
                    <Table.HeaderCell>{t('import.preview.number')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('import.preview.name')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('import.preview.unit')}</Table.HeaderCell>
                  </>
                )}
                {showFields ? <Table.HeaderCell>{t('import.preview.changes')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.items.map((item, i) => (
                <Table.Row key={`${item.employeeNumber ?? item.code}-${i}`}>
                  {isUnit ? (
                    <>
                      <Table.Cell>{item.code}</Table.Cell>
                      <Table.Cell>{item.name}</Table.Cell>
                      <Table.Cell>{item.parentCode ?? ''}</Table.Cell>
                    </>
                  ) : (
                    <>
                      {category !== 'deactivations' ? <Table.Cell>{item.row}</Table.Cell> : null}
                      <Table.Cell>{item.employeeNumber}</Table.Cell>
                      <Table.Cell>{item.name}</Table.Cell>
                      <Table.Cell>{item.unitCode}</Table.Cell>
                    </>
                  )}
                  {showFields ? <Table.Cell>{(item.fields ?? []).map((f) => t(`import.field.${f}`)).join(', ')}</Table.Cell> : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {count > list.kept ? <Paragraph data-size="sm">{t('import.preview.showing', { limit: list.kept, count })}</Paragraph> : null}
      <Pager page={list.page} pages={list.pages} href={(p) => `${baseHref}?category=${category}&page=${p}`} />
    </section>
  );
}

export function ImportIssues({ list, total, baseHref }: { list: PageOf<IssueItem>; total: number; baseHref: string }) {
  const t = useT();
  return (
    <section aria-labelledby="issues-heading" className="stack">
      <Heading level={2} data-size="sm" id="issues-heading">
        {t('import.errors.heading', { count: total })}
      </Heading>
      <Paragraph>{t('import.errors.intro')}</Paragraph>
      <div className="import-table-wrap">
        <Table data-testid="import-issues">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('import.errors.row')}</Table.HeaderCell>
              <Table.HeaderCell>{t('import.errors.column')}</Table.HeaderCell>
              <Table.HeaderCell>{t('import.errors.message')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {list.items.map((issue, i) => (
              <Table.Row key={`${issue.row}-${issue.column}-${i}`}>
                <Table.Cell>{issue.row === 0 ? t('import.errors.file') : issue.sheet === 'units' ? t('import.errors.unitSheet', { row: issue.row }) : issue.row}</Table.Cell>
                <Table.Cell>{issue.column}</Table.Cell>
                <Table.Cell>{t(issue.key, issue.params)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {total > list.kept ? <Paragraph data-size="sm">{t('import.errors.truncated', { limit: list.kept })}</Paragraph> : null}
      <Pager page={list.page} pages={list.pages} href={(p) => `${baseHref}?errorsPage=${p}`} />
    </section>
  );
}
