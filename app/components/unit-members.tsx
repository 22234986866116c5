// The members of a unit as a table: name (linked to the profile when the reader may open it),
// position title, FTE and STYRK-08 occupation; sortable by column, paginated with links.
import { Link } from 'react-router';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { numberFormat } from '../i18n/format.ts';

export interface UnitMembersData {
  page: number;
  pageSize: number;
  total: number;
  sort: 'name' | 'title' | 'fte';
  detailed: boolean;
  rows: Array<{
    employmentId: string;
    personId: string;
    name: string;
    positionTitle: string;
    ftePercent: number | null;
    occupation: { code: string; name: string } | null;
    canRead: boolean;
  }>;
}

export function UnitMembers({ unitId, members }: { unitId: string; members: UnitMembersData }) {
  const t = useT();
  const language = useLanguage();
  const number = numberFormat(language, { maximumFractionDigits: 2 });
  const pages = Math.max(1, Math.ceil(members.total / members.pageSize));
  const href = (page: number, sort = members.sort) => `/org/units/${unitId}?${new URLSearchParams({ ...(sort !== 'name' ? { sort } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
  const sortHeader = (key: 'name' | 'title' | 'fte', label: string) => (
    <Table.HeaderCell className={key === 'fte' ? 'num' : undefined} aria-sort={members.sort === key ? (key === 'fte' ? 'descending' : 'ascending') : undefined}>
      {members.sort === key ? (
        label
      ) : (
        <Link to={href(1, key)} className="sort-link" aria-label={t('org.members.sortBy', { column: label })}>
          {label}
        </Link>
      )}
    </Table.HeaderCell>
  );
  return (
    <section aria-labelledby="members-heading" className="unit-section">
      <Heading level={2} data-size="sm" id="members-heading">
        {t('org.members.title', { count: members.total })}
      </Heading>
      {members.total === 0 ? (
        <Paragraph>{t('org.members.none')}</Paragraph>
      ) : (
        <>
          {!members.detailed ? <Paragraph data-size="sm">{t('org.members.limited')}</Paragraph> : null}
          <div className="table-scroll">
            <Table zebra data-size="sm" className="members-table">
              <caption className="visually-hidden">{t('org.members.caption', { page: members.page, pages })}</caption>
              <Table.Head>
                <Table.Row>
                  {sortHeader('name', t('org.members.name'))}
                  {sortHeader('title', t('org.members.positionTitle'))}
                  {members.detailed ? sortHeader('fte', t('org.members.fte')) : null}
                  {members.detailed ? <Table.HeaderCell>{t('org.members.occupation')}</Table.HeaderCell> : null}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {members.rows.map((m) => (
                  <Table.Row key={m.employmentId}>
                    <Table.Cell>{m.canRead ? <Link to={`/people/${m.personId}`}>{m.name}</Link> : m.name}</Table.Cell>
                    <Table.Cell>{m.positionTitle}</Table.Cell>
                    {members.detailed ? <Table.Cell className="num">{m.ftePercent === null ? '' : `${number.format(m.ftePercent)} %`}</Table.Cell> : null}
                    {members.detailed ? <Table.Cell>{m.occupation ? `${m.occupation.code} ${m.occupation.name}` : '–'}</Table.Cell> : null}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          {pages > 1 ? (
            <nav aria-label={t('org.members.pagination')} className="pager no-print">
              <ul>
                {members.page > 1 ? (
                  <li>
                    <Link to={href(members.page - 1)} rel="prev">
                      {t('org.members.previous')}
                    </Link>
                  </li>
                ) : null}
                <li>{t('org.members.pageOf', { page: members.page, pages })}</li>
                {members.page < pages ? (
                  <li>
                    <Link to={href(members.page + 1)} rel="next">
                      {t('org.members.next')}
                    </Link>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}
