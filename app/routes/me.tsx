// /me — your own profile, or a friendly note when the account is not linked to a person.
import { redirect } from 'react-router';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Route } from './+types/me';
import { requireActor } from '../server/route-helpers.server.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';

export const handle: BreadcrumbHandle = { breadcrumb: (_d, t) => ({ label: t('common.nav.me'), to: '/me' }) };

export function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  if (actor.personId) throw redirect(`/people/${actor.personId}`);
  return { linked: false };
}

export default function MePage() {
  const t = useT();
  return (
    <div className="stack">
      <title>{`${t('common.nav.me')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('org.me.title')}
      </Heading>
      <Paragraph>{t('org.me.noPerson')}</Paragraph>
    </div>
  );
}
