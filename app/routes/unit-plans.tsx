// /unit-plans — the units' action and development plans of a year: leaders see their units (and
// those below) with each plan's status or "not started", coordinators and executives every unit,
// everyone else the approved plans. Choose the year of the annual wheel; open a unit's plan.
import { Form, Link } from 'react-router';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Route } from './+types/unit-plans';
import { getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { listUnitPlans } from '../../core/unit-plan/list-unit-plans.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { SelectInput } from '../components/form-field.tsx';
import { SubNav } from '../components/sub-nav.tsx';
import '../styles/org.css';
import '../styles/competence-plan.css';
import '../styles/unit-plan.css';

export const handle: BreadcrumbHandle = { breadcrumb: (_d, t) => ({ label: t('unitPlan.nav.list'), to: '/unit-plans' }) };

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const year = new URL(request.url).searchParams.get('year') ?? undefined;
  return runForPage(context, () => listUnitPlans({ database: getServices(context).database, actor, year }));
}

export default function UnitPlansPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack">
      <title>{`${t('unitPlan.list.title')} – Rytme`}</title>
      <SubNav
        label={t('unitPlan.nav.label')}
        links={[
          { to: '/competence-plans', label: t('competencePlan.nav.title') },
          { to: '/unit-plans', label: t('unitPlan.nav.list') },
        ]}
      />
      <Heading level={1} data-size="lg">
        {t('unitPlan.list.title')}
      </Heading>
      <Paragraph>{t('unitPlan.list.intro')}</Paragraph>
      {d.year === null ? (
        <Paragraph>{t('unitPlan.list.noYears')}</Paragraph>
      ) : (
        <>
          <Form method="get" className="cluster">
            <SelectInput prefix="uplans" name="year" label={t('unitPlan.list.year')} required defaultValue={String(d.year)} options={d.years.map((y) => ({ value: String(y), label: String(y) }))} />
            <div>
              <Button type="submit" variant="secondary">
                {t('unitPlan.list.show')}
              </Button>
            </div>
          </Form>
          {d.entries.length === 0 ? (
            <Paragraph>{t('unitPlan.list.empty')}</Paragraph>
          ) : (
            <Table zebra>
              <caption>{t('unitPlan.list.caption', { year: d.year })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('unitPlan.list.unit')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('unitPlan.page.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {d.entries.map((e) => (
                  <Table.Row key={e.unitId}>
                    <Table.Cell className="uplan-list__unit" data-depth={Math.min(e.depth, 4)}>
                      <Link to={`/unit-plans/${e.unitId}/${d.year}`} className="ds-link">
                        {e.unitName}
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{e.status ? t(`unitPlan.status.${e.status}`) : e.canCreate ? t('unitPlan.list.notStartedStart') : t('unitPlan.list.notStarted')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </>
      )}
    </div>
  );
}
