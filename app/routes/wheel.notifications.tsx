// /wheel/notifications — the signed-in person's reminders from the wheel, newest first, and
// how they want them by e-mail (one mail per reminder, or one digest a day).
import { data, Form, Link, useActionData } from 'react-router';
import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Tag } from '@digdir/designsystemet-react';
import type { Route } from './+types/wheel.notifications';
import { getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { listNotifications } from '../../core/annual-wheel/list-notifications.ts';
import { markNotificationsRead } from '../../core/annual-wheel/mark-notifications-read.ts';
import { updateWheelSettings } from '../../core/annual-wheel/update-wheel-settings.ts';
import { createCalendarFeed, revokeCalendarFeed } from '../../core/annual-wheel/manage-calendar-feed.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { formError, FormErrorSummary } from '../components/form-errors.tsx';
import { WheelNav } from '../components/wheel-nav.tsx';
import { formatDateTime } from './login.shared.tsx';
import '../styles/wheel.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (_d, t) => [
    { label: t('wheel.nav.title'), to: '/wheel' },
    { label: t('wheel.notifications.title'), to: '/wheel/notifications' },
  ],
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return runForPage(context, () => listNotifications({ database: getServices(context).database, actor }));
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const database = getServices(context).database;
  const intent = String(form.get('intent') ?? '');
  if (intent === 'read') {
    const result = await runForForm(context, () => markNotificationsRead({ database, actor }));
    return data({ intent, result });
  }
  if (intent === 'feed-create') {
    const result = await runForForm(context, () => createCalendarFeed({ database, actor }));
    const url = result.ok ? `${getServices(context).env.PUBLIC_URL.replace(/\/+$/, '')}/wheel/feed/${result.value.token}` : null;
    return data({ intent, result: result.ok ? { ok: true as const, value: null } : result, feedUrl: url });
  }
  if (intent === 'feed-revoke') {
    const result = await runForForm(context, () => revokeCalendarFeed({ database, actor }));
    return data({ intent, result });
  }
  const result = await runForForm(context, () => updateWheelSettings({ database, actor, input: { delivery: form.get('delivery'), version: form.get('version') } }));
  return data({ intent: 'settings', result }, { status: result.ok ? 200 : STATUS_FOR[result.error.code] });
}

export default function NotificationsPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  return (
    <div className="stack">
      <title>{`${t('wheel.notifications.title')} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('wheel.notifications.title')}
      </Heading>
      <WheelNav year={d.year} canWrite={d.canWrite} canReadLog={d.canReadLog} />
      <Paragraph>{t('wheel.notifications.intro')}</Paragraph>
      {d.notifications.length === 0 ? (
        <Paragraph>{t('wheel.notifications.empty')}</Paragraph>
      ) : (
        <>
          {d.unread > 0 ? (
            <Form method="post">
              <CsrfField />
              <Button type="submit" name="intent" value="read" variant="secondary" data-size="sm">
                {t('wheel.notifications.markRead')}
              </Button>
            </Form>
          ) : null}
          <ul className="stack" style={{ listStyle: 'none', padding: 0 }}>
            {d.notifications.map((n) => (
              <li key={n.id}>
                {n.link ? (
                  <Link to={n.link} className="ds-link">
                    {n.title}
                  </Link>
                ) : (
                  <strong>{n.title}</strong>
                )}{' '}
                {n.read ? null : (
                  <Tag data-color="info" data-size="sm">
                    {t('wheel.notifications.unread')}
                  </Tag>
                )}
                <br />
                <span>{n.body}</span> · <span>{formatDateTime(n.createdAt, language)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <section aria-labelledby="settings-heading" className="stack">
        <Heading level={2} data-size="sm" id="settings-heading">
          {t('wheel.notifications.settingsHeading')}
        </Heading>
        {actionData?.intent === 'settings' && actionData.result.ok ? (
          <Alert data-color="success" role="status">
            {t('wheel.notifications.saved')}
          </Alert>
        ) : null}
        <FormErrorSummary error={error} prefix="settings" />
        <Form method="post" className="stack" key={d.settings.version ?? 0}>
          <CsrfField />
          <input type="hidden" name="version" value={d.settings.version ?? ''} />
          <Fieldset>
            <Fieldset.Legend>{t('wheel.notifications.delivery')}</Fieldset.Legend>
            <Radio name="delivery" value="single" label={t('wheel.notifications.single')} defaultChecked={d.settings.delivery === 'single'} />
            <Radio name="delivery" value="digest" label={t('wheel.notifications.digest')} defaultChecked={d.settings.delivery === 'digest'} />
          </Fieldset>
          <div className="cluster">
            <Button type="submit" name="intent" value="settings">
              {t('wheel.notifications.save')}
            </Button>
          </div>
        </Form>
      </section>
      <section aria-labelledby="feed-heading" className="stack">
        <Heading level={2} data-size="sm" id="feed-heading">
          {t('wheel.feed.heading')}
        </Heading>
        <Paragraph>{t('wheel.feed.intro')}</Paragraph>
        {actionData?.intent === 'feed-create' && 'feedUrl' in actionData && actionData.feedUrl ? (
          <Alert data-color="success" role="status">
            <Paragraph>{t('wheel.feed.created')}</Paragraph>
            <label htmlFor="feed-url" className="ds-label">
              {t('wheel.feed.url')}
            </label>
            <input id="feed-url" className="ds-input" readOnly value={actionData.feedUrl} style={{ width: '100%' }} />
          </Alert>
        ) : null}
        {actionData?.intent === 'feed-revoke' && actionData.result.ok ? (
          <Alert data-color="info" role="status">
            {t('wheel.feed.revoked')}
          </Alert>
        ) : null}
        {d.settings.hasFeed && actionData?.intent !== 'feed-create' ? <Paragraph>{t('wheel.feed.active')}</Paragraph> : null}
        <Form method="post" className="cluster">
          <CsrfField />
          <Button type="submit" name="intent" value="feed-create" variant="secondary">
            {d.settings.hasFeed ? t('wheel.feed.replace') : t('wheel.feed.create')}
          </Button>
          {d.settings.hasFeed ? (
            <Button type="submit" name="intent" value="feed-revoke" variant="tertiary" data-color="danger">
              {t('wheel.feed.revoke')}
            </Button>
          ) : null}
        </Form>
      </section>
    </div>
  );
}
