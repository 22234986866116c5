// /people/:personId — a person's profile: contact, birth year, employments and units they
// lead. Only for those allowed to read the person; every view is audited.
import { Link, useSearchParams } from 'react-router';
import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Route } from './+types/people.$personId';
import { getRequestInfo, getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { getPerson } from '../../core/people/get-person.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { PersonEmployments } from '../components/person-employments.tsx';
import { PersonPrintButton } from '../components/person-print-button.tsx';
import '../styles/org.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d) => {
    const p = (d as Awaited<ReturnType<typeof loader>> | undefined)?.person;
    return p ? { label: `${p.givenName} ${p.familyName}`, to: `/people/${p.id}` } : null;
  },
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return runForPage(context, () => getPerson({ database: getServices(context).database, actor, personId: params.personId, requestId: getRequestInfo(context).requestId }));
}

export default function PersonPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const name = `${d.person.givenName} ${d.person.familyName}`;
  return (
    <article className="stack profile">
      <title>{`${name} – Rytme`}</title>
      {params.get('saved') ? (
        <Alert data-color="success" role="status">
          {t('common.status.saved')}
        </Alert>
      ) : null}
      <header className="cluster profile__head">
        <Heading level={1} data-size="lg">
          {name}
        </Heading>
        {d.isSelf ? <span className="profile__self">{t('org.person.thisIsYou')}</span> : null}
        {d.person.deactivated ? (
          <Tag data-color="warning" data-size="sm">
            {t('org.person.deactivated')}
          </Tag>
        ) : null}
      </header>
      <div className="cluster no-print">
        {d.canEdit ? (
          <Link to={`/people/${d.person.id}/edit`} className="ds-button" data-variant="secondary" data-size="sm">
            {t('org.person.edit')}
          </Link>
        ) : null}
        {d.canExport ? (
          <a href={`/people/${d.person.id}/export`} className="ds-button" data-variant="tertiary" data-size="sm" download>
            {t('org.person.export')}
          </a>
        ) : null}
        <PersonPrintButton />
      </div>
      <section aria-labelledby="contact-heading" className="unit-section">
        <Heading level={2} data-size="sm" id="contact-heading">
          {t('org.person.contact')}
        </Heading>
        <dl className="facts">
          <dt>{t('org.person.fields.email')}</dt>
          <dd>{d.person.email ? <a href={`mailto:${d.person.email}`}>{d.person.email}</a> : '–'}</dd>
          <dt>{t('org.person.fields.phone')}</dt>
          <dd>{d.person.phone ?? '–'}</dd>
          <dt>{t('org.person.fields.birthYear')}</dt>
          <dd>{d.person.birthYear ?? '–'}</dd>
        </dl>
      </section>
      <section aria-labelledby="employments-heading" className="unit-section">
        <Heading level={2} data-size="sm" id="employments-heading">
          {t('org.person.employments')}
        </Heading>
        <PersonEmployments employments={d.employments} />
      </section>
      {d.leads.length ? (
        <section aria-labelledby="leads-heading" className="unit-section">
          <Heading level={2} data-size="sm" id="leads-heading">
            {t('org.person.leads')}
          </Heading>
          <ul className="plain-list">
            {d.leads.map((l) => (
              <li key={l.unitId}>
                <Link to={`/org/units/${l.unitId}`}>{l.name}</Link>
                {l.pathNames.length > 1 ? <span className="employment__path"> ({l.pathNames.slice(0, -1).join(' › ')})</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {d.canExport ? <Paragraph data-size="sm" className="no-print">{t('org.person.exportHelp')}</Paragraph> : null}
    </article>
  );
}
