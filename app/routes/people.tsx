// /people?q= — find a person by name or employee number among those the reader may see.
import { Form, Link } from 'react-router';
import { Button, Heading, Paragraph, Search } from '@digdir/designsystemet-react';
import type { Route } from './+types/people';
import { getRequestInfo, getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { searchPeople } from '../../core/people/search-people.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import '../styles/org.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [
    { label: t('org.tree.title'), to: '/org' },
    { label: t('org.search.title'), to: '/people' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const query = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 100);
  if (query.length < 2) return { query, tooShort: query.length > 0, search: null };
  const search = await runForPage(context, () => searchPeople({ database: getServices(context).database, actor, query, requestId: getRequestInfo(context).requestId }));
  return { query, tooShort: false, search };
}

export default function PeopleSearchPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack">
      <title>{`${t('org.search.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('org.search.title')}
      </Heading>
      <Paragraph>{t('org.search.intro')}</Paragraph>
      <Form method="get" role="search" className="org-search">
        <label htmlFor="people-search" className="ds-label">
          {t('org.search.label')}
        </label>
        <div className="cluster">
          <Search>
            <Search.Input id="people-search" name="q" defaultValue={d.query} aria-describedby={d.tooShort ? 'people-search-short' : undefined} />
            <Search.Clear aria-label={t('org.tree.clear')} />
          </Search>
          <Button type="submit" variant="secondary">
            {t('common.actions.search')}
          </Button>
        </div>
        {d.tooShort ? (
          <Paragraph id="people-search-short" data-size="sm">
            {t('org.search.tooShort')}
          </Paragraph>
        ) : null}
      </Form>
      {d.search ? (
        <section aria-labelledby="results-heading" aria-live="polite">
          <Heading level={2} data-size="sm" id="results-heading">
            {t('org.search.results', { count: d.search.results.length })}
          </Heading>
          {d.search.results.length ? (
            <ul className="people-results">
              {d.search.results.map((r) => (
                <li key={r.personId}>
                  <Link to={`/people/${r.personId}`}>{r.name}</Link>
                  {r.positionTitle ? <span className="people-results__meta"> – {r.positionTitle}{r.unitName ? `, ${r.unitName}` : ''}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <Paragraph>{t('org.search.none')}</Paragraph>
          )}
          {d.search.truncated ? <Paragraph data-size="sm">{t('org.search.truncated')}</Paragraph> : null}
          {d.search.scope !== 'all' ? <Paragraph data-size="sm">{t(`org.search.scope.${d.search.scope}`)}</Paragraph> : null}
        </section>
      ) : null}
    </div>
  );
}
