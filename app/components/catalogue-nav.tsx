// The catalogue's sub-navigation: the catalogue and providers for everyone, approvals and the
// year-end evaluation for leaders, a new measure for coordinators.
import { NavLink } from 'react-router';
import { useT } from '../i18n/use-t.ts';
import type { CataloguePermissions } from '../../core/catalogue/catalogue-access.ts';

export function CatalogueNav({ nav }: { nav: CataloguePermissions }) {
  const t = useT();
  const links: Array<[string, string]> = [
    ['/catalogue', t('catalogue.tabs.catalogue')],
    ['/catalogue/providers', t('catalogue.tabs.providers')],
    ...(nav.canApprove ? ([['/catalogue/approvals', t('catalogue.tabs.approvals')]] as Array<[string, string]>) : []),
    ...(nav.canEvaluate ? ([['/catalogue/evaluations', t('catalogue.tabs.evaluations')]] as Array<[string, string]>) : []),
    ...(nav.canWrite ? ([['/catalogue/measures/new', t('catalogue.tabs.newMeasure')]] as Array<[string, string]>) : []),
  ];
  return (
    <nav aria-label={t('catalogue.tabs.label')} className="wheel-nav no-print">
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

/** Whole kroner in the reader's language. */
export function formatNok(value: number, language: 'nn' | 'nb' | 'en'): string {
  return `${new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 0 }).format(value)} kr`;
}
