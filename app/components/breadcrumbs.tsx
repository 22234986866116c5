// Breadcrumbs built from route handles: a route exports
//   export const handle = { breadcrumb: (data, t) => ({ label, to }) }
// and the trail is every matched route that has one.
import { useMatches } from 'react-router';
import { useT, type TFunction } from '../i18n/use-t.ts';

export interface Crumb {
  label: string;
  to: string;
}

export interface BreadcrumbHandle {
  breadcrumb?: (data: unknown, t: TFunction) => Crumb | Crumb[] | null;
}

export function Breadcrumbs() {
  const t = useT();
  const matches = useMatches();
  const crumbs: Crumb[] = [];
  for (const m of matches) {
    const handle = m.handle as BreadcrumbHandle | undefined;
    const c = handle?.breadcrumb?.(m.loaderData, t);
    if (c) crumbs.push(...(Array.isArray(c) ? c : [c]));
  }
  if (crumbs.length === 0) return null;
  return (
    <nav aria-label={t('common.breadcrumbs')} className="breadcrumbs">
      <ol>
        <li>
          <a href="/">{t('common.nav.home')}</a>
        </li>
        {crumbs.map((c, i) => (
          <li key={c.to}>{i === crumbs.length - 1 ? <span aria-current="page">{c.label}</span> : <a href={c.to}>{c.label}</a>}</li>
        ))}
      </ol>
    </nav>
  );
}
