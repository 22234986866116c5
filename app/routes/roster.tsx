// /roster — the roster home: periods of the units the reader leads (and a link to start a new
// one), periods of the reader's own unit for wishes and the published roster, and for union
// representatives the rosters sent for approval.
import { Link } from 'react-router';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Route } from './+types/roster';
import { getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { listRosterPeriods } from '../../core/roster/list-roster-periods.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import '../styles/roster.css';

export const handle: BreadcrumbHandle = { breadcrumb: (_d, t) => ({ label: t('roster.title'), to: '/roster' }) };

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return runForPage(context, () => listRosterPeriods({ database: getServices(context).database, actor }));
}

type PeriodItem = Awaited<ReturnType<typeof loader>>['led'][number];

function PeriodList({ items, to }: { items: PeriodItem[]; to: (p: PeriodItem) => string }) {
  const t = useT();
  return (
    <ul className="roster-list">
      {items.map((p) => (
        <li key={p.id}>
          <Link to={to(p)}>{p.name}</Link>
          <span className="roster-list__meta">
            {' '}
            – {p.unitName}, {t('roster.period.fromWeeks', { start: p.startDate, weeks: p.weeks })} · <span className="roster-status">{t(`roster.status.${p.status}`)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export default function RosterHome({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack">
      <title>{`${t('roster.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('roster.title')}
      </Heading>
      <Paragraph>{t('roster.home.intro')}</Paragraph>
      <Paragraph>
        <Link to="/roster/rules">{t('roster.ruleSets.title')}</Link>
      </Paragraph>
      {d.ledUnits.length || d.led.length ? (
        <section aria-labelledby="led-heading" className="stack">
          <Heading level={2} data-size="md" id="led-heading">
            {t('roster.home.led')}
          </Heading>
          {d.ledUnits.length ? (
            <ul className="roster-list">
              {d.ledUnits.map((u) => (
                <li key={u.id}>
                  <Link to={`/roster/units/${u.id}/new`}>{t('roster.home.newPeriodFor', { unit: u.name })}</Link>
                </li>
              ))}
            </ul>
          ) : null}
          {d.led.length ? <PeriodList items={d.led} to={(p) => `/roster/periods/${p.id}`} /> : <Paragraph>{t('roster.home.none')}</Paragraph>}
        </section>
      ) : null}
      {d.review.length ? (
        <section aria-labelledby="review-heading" className="stack">
          <Heading level={2} data-size="md" id="review-heading">
            {t('roster.home.review')}
          </Heading>
          <PeriodList items={d.review} to={(p) => `/roster/periods/${p.id}`} />
        </section>
      ) : null}
      <section aria-labelledby="own-heading" className="stack">
        <Heading level={2} data-size="md" id="own-heading">
          {t('roster.home.own')}
        </Heading>
        {d.own.length ? <PeriodList items={d.own} to={(p) => `/roster/periods/${p.id}/wishes`} /> : <Paragraph>{t('roster.home.ownNone')}</Paragraph>}
      </section>
    </div>
  );
}
