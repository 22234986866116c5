// The catalogue's sub-navigation: the catalogue and providers for everyone, approvals and the
// year-end evaluation for leaders, a new measure for coordinators.
import { SubNav } from './sub-nav.tsx';
import { numberFormat } from '../i18n/format.ts';
import { useT } from '../i18n/use-t.ts';
import type { CataloguePermissions } from '../../core/catalogue/catalogue-access.ts';

export function CatalogueNav({ nav }: { nav: CataloguePermissions }) {
  const t = useT();
  return (
    <SubNav
      label={t('catalogue.tabs.label')}
      links={[
        { to: '/catalogue', label: t('catalogue.tabs.catalogue') },
        { to: '/catalogue/providers', label: t('catalogue.tabs.providers') },
        { to: '/catalogue/approvals', label: t('catalogue.tabs.approvals'), shown: nav.canApprove },
        { to: '/catalogue/evaluations', label: t('catalogue.tabs.evaluations'), shown: nav.canEvaluate },
        { to: '/catalogue/measures/new', label: t('catalogue.tabs.newMeasure'), shown: nav.canWrite },
      ]}
    />
  );
}

/** Whole kroner in the reader's language. */
export function formatNok(value: number, language: 'nn' | 'nb' | 'en'): string {
  return `${numberFormat(language, { maximumFractionDigits: 0 }).format(value)} kr`;
}
