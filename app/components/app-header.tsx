// Site header: product name, tenant, main navigation, language switch and sign-out.
import { Form, useLocation, useRouteLoaderData } from 'react-router';
import { Button } from '@digdir/designsystemet-react';
import { useT } from '../i18n/use-t.ts';
import { LANGUAGES } from '../../locales/index.ts';
import { CsrfField } from './csrf-field.tsx';
import { useNavLinkProps } from './nav-link-props.ts';

interface HeaderData {
  language: string;
  user: { displayName: string; personId: string | null } | null;
  tenant: { name: string; slug: string } | null;
  nav: { org: boolean; roster: boolean; admin: boolean; platform: boolean; wheel: boolean; maturity: string | null; strategicPlan: boolean; mapping: boolean; catalogue: boolean; dashboard: boolean; competencePlan: boolean };
  unreadNotifications: number;
}

export function AppHeader() {
  const t = useT();
  const data = useRouteLoaderData('root') as HeaderData | undefined;
  const location = useLocation();
  const link = useNavLinkProps();
  const next = location.pathname + location.search;
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <a href="/" className="app-header__logo">
          {t('common.appName')}
        </a>
        {data?.tenant ? <span className="app-header__tenant">{data.tenant.name}</span> : null}
      </div>
      <nav aria-label={t('common.nav.label')} className="app-header__nav">
        <ul>
          <li>
            <a {...link('/', { end: true })}>
              {t('common.nav.home')}
            </a>
          </li>
          {data?.nav.org ? (
            <li>
              <a {...link('/org')}>{t('common.nav.org')}</a>
            </li>
          ) : null}
          {data?.nav.dashboard ? (
            <li>
              <a {...link('/dashboard')}>{t('dashboard.nav.title')}</a>
            </li>
          ) : null}
          {data?.nav.wheel ? (
            <li>
              <a {...link('/wheel')}>{t('wheel.nav.title')}</a>
            </li>
          ) : null}
          {data?.nav.mapping ? (
            <li>
              <a {...link('/mapping')}>{t('mapping.nav.title')}</a>
            </li>
          ) : null}
          {data?.nav.catalogue ? (
            <li>
              <a {...link('/catalogue')}>{t('catalogue.nav.title')}</a>
            </li>
          ) : null}
          {data?.nav.competencePlan ? (
            <li>
              <a {...link('/competence-plans')}>{t('competencePlan.nav.title')}</a>
            </li>
          ) : null}
          {data?.nav.wheel ? (
            <li>
              <a {...link('/wheel/notifications')}>
                {t('wheel.nav.notifications')}
                {data.unreadNotifications > 0 ? (
                  <span className="app-header__badge">
                    {' '}
                    ({t('wheel.nav.unread', { count: data.unreadNotifications })})
                  </span>
                ) : null}
              </a>
            </li>
          ) : null}
          {data?.nav.roster ? (
            <li>
              <a {...link('/roster')}>{t('common.nav.roster')}</a>
            </li>
          ) : null}
          {data?.nav.maturity ? (
            <li>
              <a {...link(data.nav.maturity)}>{t('maturity.nav.title')}</a>
            </li>
          ) : null}
          {data?.nav.strategicPlan ? (
            <li>
              <a {...link('/strategic-plans')}>{t('strategicPlan.nav.title')}</a>
            </li>
          ) : null}
          {data?.user?.personId ? (
            <li>
              <a {...link(`/people/${data.user.personId}`)}>{t('common.nav.me')}</a>
            </li>
          ) : null}
          {data?.nav.admin ? (
            <li>
              <a {...link('/admin')}>{t('common.nav.admin')}</a>
            </li>
          ) : null}
          {data?.nav.platform ? (
            <li>
              <a {...link('/platform')}>{t('common.nav.platform')}</a>
            </li>
          ) : null}
        </ul>
      </nav>
      <div className="app-header__tools">
        <Form method="post" action="/language" className="language-switch">
          <CsrfField />
          <input type="hidden" name="next" value={next} />
          <label htmlFor="language-select">{t('common.language.label')}</label>
          <select id="language-select" name="language" defaultValue={data?.language ?? 'nn'} className="ds-input" data-size="sm">
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`common.language.${l}`)}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" data-size="sm">
            {t('common.language.change')}
          </Button>
        </Form>
        {data?.user ? (
          <a href="/account" className="ds-link app-header__account">
            <span className="visually-hidden">{t('common.nav.account')}: </span>
            {data.user.displayName}
          </a>
        ) : null}
        {data?.user ? (
          <Form method="post" action="/logout">
            <CsrfField />
            <Button type="submit" variant="tertiary" data-size="sm">
              {t('common.nav.signOut')}
            </Button>
          </Form>
        ) : (
          <a href={location.pathname === '/' || location.pathname.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(next)}`} className="ds-link">
            {t('common.nav.signIn')}
          </a>
        )}
      </div>
    </header>
  );
}
