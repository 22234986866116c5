// /org/units/:unitId — a unit: where it sits (breadcrumbs), its leaders, sub-units with head
// counts, and its members (paginated, sortable). FTE and occupation only for those who may
// read personnel data in this unit.
import { Link, useSearchParams } from 'react-router';
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Route } from './+types/org.units.$unitId';
import { getRequestInfo, getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { getUnit, ZGetUnitQuerySchema } from '../../core/org/get-unit.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { numberFormat } from '../i18n/format.ts';
import type { BreadcrumbHandle, Crumb } from '../components/breadcrumbs.tsx';
import { UnitKindBadge } from '../components/unit-kind-badge.tsx';
import { UnitMembers } from '../components/unit-members.tsx';
import '../styles/org.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (data, t) => {
    const d = data as Awaited<ReturnType<typeof loader>> | undefined;
    const crumbs: Crumb[] = [{ label: t('org.tree.title'), to: '/org' }];
    if (!d) return crumbs;
    for (const a of d.ancestors) crumbs.push({ label: a.name, to: `/org/units/${a.id}` });
    crumbs.push({ label: d.unit.name, to: `/org/units/${d.unit.id}` });
    return crumbs;
  },
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const url = new URL(request.url);
  const query = ZGetUnitQuerySchema.parse({ page: url.searchParams.get('page') ?? undefined, sort: url.searchParams.get('sort') ?? undefined });
  return runForPage(context, () =>
    getUnit({ database: getServices(context).database, actor, unitId: params.unitId, page: query.page, sort: query.sort, requestId: getRequestInfo(context).requestId }),
  );
}

export default function UnitPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const number = numberFormat(language, { maximumFractionDigits: 1 });
  const [params] = useSearchParams();
  const notice = params.get('saved') ? t('common.status.saved') : params.get('created') ? t('org.unit.created') : params.get('archived') ? t('org.unit.archived') : null;
  return (
    <article className="stack unit-page">
      <title>{`${d.unit.name} – Rytme`}</title>
      {notice ? (
        <Alert data-color="success" role="status" className="no-print">
          {notice}
        </Alert>
      ) : null}
      <header className="unit-page__head">
        <div className="cluster">
          <Heading level={1} data-size="lg">
            {d.unit.name}
          </Heading>
          <UnitKindBadge kind={d.unit.kind} />
        </div>
        {d.ancestors.length ? <p className="print-only unit-page__path">{[...d.ancestors.map((a) => a.name), d.unit.name].join(' › ')}</p> : null}
        <Paragraph className="unit-page__facts">
          {t('org.unit.code', { code: d.unit.code })} · {t('org.tree.headCount', { count: number.format(d.headCount) })} ·{' '}
          {t('org.tree.fteYears', { fte: number.format(d.fteYears) })}
        </Paragraph>
        <p className="no-print">
          <Link to={`/mapping/units/${d.unit.id}`}>{t('mapping.links.unitForm')}</Link>
          {' · '}
          <Link to={`/unit-plans/${d.unit.id}`}>{t('unitPlan.links.unitPlan')}</Link>
        </p>
        {d.canWrite ? (
          <div className="cluster no-print">
            <Link to={`/org/units/${d.unit.id}/edit`} className="ds-button" data-variant="secondary" data-size="sm">
              {t('org.unit.edit')}
            </Link>
            <Link to={`/org/units/new?parent=${d.unit.id}`} className="ds-button" data-variant="tertiary" data-size="sm">
              {t('org.unit.newChild')}
            </Link>
          </div>
        ) : null}
      </header>

      <section aria-labelledby="leaders-heading" className="unit-section">
        <Heading level={2} data-size="sm" id="leaders-heading">
          {t('org.unit.leaders')}
        </Heading>
        {d.leaders.length ? (
          <ul className="plain-list">
            {d.leaders.map((l) => (
              <li key={l.personId}>{l.canRead ? <Link to={`/people/${l.personId}`}>{l.name}</Link> : l.name}</li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t('org.unit.noLeaders')}</Paragraph>
        )}
      </section>

      <section aria-labelledby="children-heading" className="unit-section">
        <Heading level={2} data-size="sm" id="children-heading">
          {t('org.unit.children')}
        </Heading>
        {d.children.length ? (
          <ul className="unit-children">
            {d.children.map((c) => (
              <li key={c.id}>
                <Link to={`/org/units/${c.id}`}>{c.name}</Link> <UnitKindBadge kind={c.kind} />{' '}
                <span className="unit-children__count">{t('org.tree.headCount', { count: number.format(c.headCount) })}</span>
                <span className="org-tree__bar" aria-hidden="true">
                  <span style={{ width: `${d.headCount ? Math.max(2, Math.round((c.headCount / d.headCount) * 100)) : 0}%` }} />
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t('org.unit.noChildren')}</Paragraph>
        )}
      </section>

      <UnitMembers unitId={d.unit.id} members={d.members} />
    </article>
  );
}

