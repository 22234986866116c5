import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Route } from './+types/home';
import { getSessionState } from '../server/route-helpers.server.ts';
import { useT } from '../i18n/use-t.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { session } = getSessionState(context);
  return { user: session ? { name: session.account.displayName, tenant: session.tenant.name } : null };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack">
      <title>{`${t('common.home.title')} – Rytme`}</title>
      <Heading level={1} data-size="xl">
        {t('common.home.title')}
      </Heading>
      <Paragraph>{t('common.tagline')}</Paragraph>
      {loaderData.user ? (
        <>
          <Paragraph>{t('common.home.signedInAs', { name: loaderData.user.name, tenant: loaderData.user.tenant })}</Paragraph>
          <Paragraph>{t('common.home.intro')}</Paragraph>
        </>
      ) : (
        <Paragraph>{t('common.home.anonymous')}</Paragraph>
      )}
    </div>
  );
}
