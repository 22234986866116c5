// /org — the organisation as a tree: search units by name, expand and collapse branches,
// head counts and FTE per unit. Server-rendered; works without scripts.
import { Form, Link, useSearchParams } from 'react-router';
import { Button, Heading, Paragraph, Search } from '@digdir/designsystemet-react';
import type { Route } from './+types/org';
import { getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { getOrgTree } from '../../core/org/get-org-tree.ts';
import { OrgTree, type TreeTuple } from '../components/org-tree.tsx';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import '../styles/org.css';

export const handle: BreadcrumbHandle = { breadcrumb: (_data, t) => ({ label: t('org.tree.title'), to: '/org' }) };

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const url = new URL(request.url);
  const query = (url.searchParams.get('q') ?? '').slice(0, 100);
  const tree = await runForPage(context, () => getOrgTree({ database: getServices(context).database, actor }));
  const units: TreeTuple[] = tree.units.map((u) => [u.id, u.parentId, u.name, u.kind, u.headCount, u.fteYears]);
  const root = tree.units.find((u) => u.parentId === null);
  return { units, query, expandAll: url.searchParams.get('expand') === 'all', canWrite: tree.canWrite, rootId: root?.id ?? null, unitCount: units.length };
}

export default function OrgPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const query = params.get('q') ?? loaderData.query;
  return (
    <div className="stack org-page">
      <title>{`${t('org.tree.title')} – Rytme`}</title>
      <div className="cluster org-page__head">
        <Heading level={1} data-size="lg">
          {t('org.tree.title')}
        </Heading>
        <div className="cluster no-print">
          <Link to="/people" className="ds-link">
            {t('org.search.link')}
          </Link>
          {loaderData.canWrite ? (
            <Link to={loaderData.rootId ? `/org/units/new?parent=${loaderData.rootId}` : '/org/units/new'} className="ds-button" data-variant="secondary" data-size="sm">
              {t('org.unit.new')}
            </Link>
          ) : null}
        </div>
      </div>
      <Paragraph>{t('org.tree.intro', { count: loaderData.unitCount })}</Paragraph>
      <Form method="get" role="search" className="org-search no-print" aria-label={t('org.tree.searchLabel')}>
        <label htmlFor="unit-search" className="ds-label">
          {t('org.tree.searchLabel')}
        </label>
        <div className="cluster">
          <Search>
            <Search.Input id="unit-search" name="q" defaultValue={query} />
            <Search.Clear aria-label={t('org.tree.clear')} />
          </Search>
          <Button type="submit" variant="secondary" data-size="md">
            {t('common.actions.search')}
          </Button>
        </div>
      </Form>
      <OrgTree units={loaderData.units} query={query} expandAll={loaderData.expandAll} />
    </div>
  );
}
