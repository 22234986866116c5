// /wheel — the year as a wheel: month sectors, public holidays, today's hand and every
// milestone at its date with its status; the same milestones as a list beside it.
import { Link } from 'react-router';
import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Route } from './+types/wheel';
import { getServices, getSessionState, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { getWheelOverview } from '../../core/annual-wheel/get-wheel-overview.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { AnnualWheelSvg } from '../components/annual-wheel-svg.tsx';
import { StatusBadge, StatusIcon, type ShownStatus } from '../components/wheel-status.tsx';
import { WheelNav } from '../components/wheel-nav.tsx';
import { formatDate } from '../components/wheel-format.ts';
import '../styles/org.css';
import '../styles/wheel.css';

export const handle: BreadcrumbHandle = { breadcrumb: (_d, t) => ({ label: t('wheel.nav.title'), to: '/wheel' }) };

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const year = new URL(request.url).searchParams.get('year') ?? undefined;
  const language = getSessionState(context).language;
  return runForPage(context, () => getWheelOverview({ database: getServices(context).database, actor, year, language }));
}

const STATUSES: ShownStatus[] = ['not_started', 'in_progress', 'done', 'overdue'];

export default function WheelPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const marks = d.milestones.map((m, i) => ({ id: m.id, number: i + 1, date: m.deadline, status: m.shown }));
  return (
    <div className="stack">
      <title>{`${t('wheel.page.title', { year: d.year })} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('wheel.page.title', { year: d.year })}
      </Heading>
      <WheelNav year={d.year} canWrite={d.canWrite} canReadLog={d.canReadLog} />
      <Paragraph>{t('wheel.page.intro')}</Paragraph>
      <nav aria-label={t('wheel.page.yearNav')} className="cluster no-print">
        <Link to={`/wheel?year=${d.year - 1}`} className="ds-link">
          {t('wheel.page.previousYear', { year: d.year - 1 })}
        </Link>
        <Link to={`/wheel?year=${d.year + 1}`} className="ds-link">
          {t('wheel.page.nextYear', { year: d.year + 1 })}
        </Link>
      </nav>
      {!d.cycle ? (
        <div className="stack">
          <Paragraph>{t('wheel.page.noCycle', { year: d.year })}</Paragraph>
          {d.canWrite ? (
            <div className="cluster">
              <Link to={`/wheel/templates?year=${d.year}`} className="ds-button" data-variant="primary">
                {t('wheel.page.startFromTemplate')}
              </Link>
              <Link to={`/wheel/milestones/new?year=${d.year}`} className="ds-button" data-variant="secondary">
                {t('wheel.page.newMilestone')}
              </Link>
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="wheel-layout">
        <figure className="stack" style={{ margin: 0 }}>
          <AnnualWheelSvg year={d.year} today={d.today} marks={marks} holidays={d.holidays} titleId="wheel-title" descId="wheel-desc" />
          <figcaption className="wheel-legend">
            <Heading level={2} data-size="2xs">
              {t('wheel.page.legend')}
            </Heading>
            <ul>
              {STATUSES.map((s) => (
                <li key={s}>
                  <StatusIcon status={s} /> {t(`wheel.status.${s}`)}
                </li>
              ))}
              <li>
                <span className="holiday-tick" aria-hidden="true" /> {t('wheel.page.holiday')}
              </li>
            </ul>
          </figcaption>
        </figure>
        <section aria-labelledby="milestones-heading" className="stack">
          <Heading level={2} data-size="sm" id="milestones-heading">
            {t('wheel.page.milestonesHeading')}
          </Heading>
          {d.milestones.length === 0 ? <Paragraph>{t('wheel.page.noMilestones')}</Paragraph> : null}
          <ol className="wheel-marks">
            {d.milestones.map((m, i) => (
              <li key={m.id}>
                <span className="wheel-marks__number" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="stack" style={{ gap: '0.25rem' }}>
                  <Link to={`/wheel/milestones/${m.id}`} className="ds-link">
                    {m.title}
                  </Link>
                  {m.regionName !== null ? (
                    <Tag data-size="sm" data-color="info" className="wheel-regional">
                      {t('wheel.region.badge', { region: m.regionName })}
                    </Tag>
                  ) : null}
                  <span>
                    {formatDate(m.deadline, language)} · <StatusBadge status={m.shown} />
                    {m.unitCount > 1 ? ` · ${t('wheel.page.unitsDone', { done: m.counts.done, total: m.unitCount })}` : null}
                  </span>
                </span>
              </li>
            ))}
          </ol>
          <details>
            <summary>{t('wheel.page.holidaysHeading', { year: d.year })}</summary>
            <ul>
              {d.holidays.map((h) => (
                <li key={h.date}>
                  {formatDate(h.date, language)}: {h.name}
                </li>
              ))}
            </ul>
          </details>
        </section>
      </div>
    </div>
  );
}
