// The maturity area's sub-navigation: the maturity page, the checklist, the survey (answer,
// run, results) — each shown only to those who may use it.
import { NavLink } from 'react-router';
import { useT } from '../i18n/use-t.ts';

export interface MaturityNavProps {
  year: number;
  canManage: boolean;
  canSeeResults: boolean;
  canChecklist: boolean;
}

export function MaturityNav({ year, canManage, canSeeResults, canChecklist }: MaturityNavProps) {
  const t = useT();
  const q = `?year=${year}`;
  const links: Array<[string, string, boolean]> = [
    [`/maturity${q}`, t('maturity.tabs.overview'), canSeeResults],
    [`/maturity/checklist${q}`, t('maturity.tabs.checklist'), canChecklist],
    ['/maturity/survey', t('maturity.tabs.survey'), true],
    [`/maturity/survey/admin${q}`, t('maturity.tabs.admin'), canManage],
    [`/maturity/survey/results${q}`, t('maturity.tabs.results'), canSeeResults],
  ];
  return (
    <nav aria-label={t('maturity.tabs.label')} className="wheel-nav no-print">
      <ul>
        {links
          .filter(([, , shown]) => shown)
          .map(([to, label]) => (
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
