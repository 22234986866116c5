// /mapping — the start page of needs mapping: the units the reader leads with their form's
// status in the current cycle, and the ways on (overview, competence areas, offers).
import { Link } from 'react-router';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Route } from './+types/mapping';
import { getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { getMappingHome } from '../../core/mapping/get-mapping-home.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { FormStatusTag, MappingNav } from '../components/mapping-parts.tsx';
import '../styles/org.css';
import '../styles/wheel.css';
import '../styles/mapping.css';

export const handle: BreadcrumbHandle = { breadcrumb: (_d, t) => [{ label: t('mapping.nav.title'), to: '/mapping' }] };

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return runForPage(context, () => getMappingHome({ database: getServices(context).database, actor }));
}

export default function MappingHomePage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack">
      <title>{`${t('mapping.home.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('mapping.home.title')}
      </Heading>
      <MappingNav canOverview={d.canOverview} />
      <Paragraph>{t('mapping.home.intro')}</Paragraph>
      {d.year === null ? <Paragraph>{t('mapping.home.noCycle')}</Paragraph> : null}
      <section aria-labelledby="your-units" className="stack">
        <Heading level={2} data-size="sm" id="your-units">
          {t('mapping.home.yourUnits')}
          {d.year !== null ? ` – ${t('mapping.home.cycle', { year: d.year })}` : ''}
        </Heading>
        {d.units.length === 0 ? (
          <Paragraph>{t('mapping.home.noUnits')}</Paragraph>
        ) : (
          <ul className="unit-form-list">
            {d.units.map((u) => (
              <li key={u.id}>
                <Link to={`/mapping/units/${u.id}${d.year !== null ? `?year=${d.year}` : ''}`} aria-label={t('mapping.home.openForm', { unit: u.name })}>
                  {u.name}
                </Link>{' '}
                <FormStatusTag status={u.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
