// /wheel/board?year= — the status board: one row per unit, one column per milestone, each cell
// the unit's status (icon and text), so who is behind is visible at a glance.
import { Link } from 'react-router';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Route } from './+types/wheel.board';
import { getServices, getSessionState, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { getWheelYear } from '../../core/annual-wheel/get-wheel-year.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { StatusBadge } from '../components/wheel-status.tsx';
import { WheelNav } from '../components/wheel-nav.tsx';
import { formatDate } from '../components/wheel-format.ts';
import '../styles/wheel.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [
    { label: t('wheel.nav.title'), to: '/wheel' },
    { label: t('wheel.tabs.board'), to: '/wheel/board' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const year = new URL(request.url).searchParams.get('year') ?? undefined;
  return runForPage(context, () => getWheelYear({ database: getServices(context).database, actor, year, language: getSessionState(context).language }));
}

export default function StatusBoardPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const columns = d.milestones.filter((m) => !m.wholeMunicipality);
  const cell = new Map(columns.flatMap((m) => m.units.map((u) => [`${m.id}/${u.unitId}`, u.shown] as const)));
  return (
    <div className="stack">
      <title>{`${t('wheel.board.title', { year: d.year })} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('wheel.board.title', { year: d.year })}
      </Heading>
      <WheelNav year={d.year} canWrite={d.canWrite} canReadLog={d.canReadLog} />
      <Paragraph>{t('wheel.board.intro')}</Paragraph>
      {columns.length === 0 ? (
        <Paragraph>{t('wheel.board.empty')}</Paragraph>
      ) : (
        <div className="wheel-board" role="region" aria-labelledby="board-caption" tabIndex={0}>
          <Table>
            <caption id="board-caption" className="visually-hidden">
              {t('wheel.board.title', { year: d.year })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('wheel.board.unit')}</Table.HeaderCell>
                {columns.map((m) => (
                  <Table.HeaderCell key={m.id} scope="col">
                    <Link to={`/wheel/milestones/${m.id}`} className="ds-link">
                      {m.title}
                    </Link>
                    <br />
                    <span>{formatDate(m.deadline, language)}</span>
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.boardUnits
                .filter((u) => columns.some((m) => cell.has(`${m.id}/${u.id}`)))
                .map((u) => (
                  <Table.Row key={u.id}>
                    <Table.HeaderCell scope="row">{u.name}</Table.HeaderCell>
                    {columns.map((m) => {
                      const status = cell.get(`${m.id}/${u.id}`);
                      return <Table.Cell key={m.id}>{status ? <StatusBadge status={status} /> : <span>{t('wheel.board.notTarget')}</span>}</Table.Cell>;
                    })}
                  </Table.Row>
                ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </div>
  );
}
