// The maturity area's sub-navigation: the maturity page, the checklist, the survey (answer,
// run, results) — each shown only to those who may use it.
import { SubNav } from './sub-nav.tsx';
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
  return (
    <SubNav
      label={t('maturity.tabs.label')}
      links={[
        { to: `/maturity${q}`, label: t('maturity.tabs.overview'), shown: canSeeResults },
        { to: `/maturity/checklist${q}`, label: t('maturity.tabs.checklist'), shown: canChecklist },
        { to: '/maturity/survey', label: t('maturity.tabs.survey') },
        { to: `/maturity/survey/admin${q}`, label: t('maturity.tabs.admin'), shown: canManage },
        { to: `/maturity/survey/results${q}`, label: t('maturity.tabs.results'), shown: canSeeResults },
      ]}
    />
  );
}
