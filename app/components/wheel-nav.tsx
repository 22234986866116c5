// The annual wheel's sub-navigation: wheel, milestone list, status board, and the pages only
// some roles see (templates, reminder log).
import { NavLink } from 'react-router';
import { useT } from '../i18n/use-t.ts';

export function WheelNav({ year, canWrite, canReadLog }: { year: number; canWrite: boolean; canReadLog: boolean }) {
  const t = useT();
  const q = `?year=${year}`;
  const links: Array<[string, string]> = [
    [`/wheel${q}`, t('wheel.tabs.wheel')],
    [`/wheel/milestones${q}`, t('wheel.tabs.list')],
    [`/wheel/board${q}`, t('wheel.tabs.board')],
    ...(canWrite ? ([[`/wheel/templates${q}`, t('wheel.tabs.templates')]] as Array<[string, string]>) : []),
    ...(canReadLog ? ([['/wheel/log', t('wheel.tabs.log')]] as Array<[string, string]>) : []),
    ['/wheel/notifications', t('wheel.tabs.notifications')],
  ];
  return (
    <nav aria-label={t('wheel.tabs.label')} className="wheel-nav no-print">
      <ul>
        {links.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
