// The annual wheel's sub-navigation: wheel, milestone list, status board, and the pages only
// some roles see (templates, reminder log).
import { SubNav } from './sub-nav.tsx';
import { useT } from '../i18n/use-t.ts';

export function WheelNav({ year, canWrite, canReadLog }: { year: number; canWrite: boolean; canReadLog: boolean }) {
  const t = useT();
  const q = `?year=${year}`;
  return (
    <SubNav
      label={t('wheel.tabs.label')}
      links={[
        { to: `/wheel${q}`, label: t('wheel.tabs.wheel') },
        { to: `/wheel/milestones${q}`, label: t('wheel.tabs.list') },
        { to: `/wheel/board${q}`, label: t('wheel.tabs.board') },
        { to: `/wheel/region${q}`, label: t('wheel.tabs.region') },
        { to: `/wheel/templates${q}`, label: t('wheel.tabs.templates'), shown: canWrite },
        { to: '/wheel/log', label: t('wheel.tabs.log'), shown: canReadLog },
        { to: '/wheel/notifications', label: t('wheel.tabs.notifications') },
      ]}
    />
  );
}
