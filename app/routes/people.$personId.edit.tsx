// /people/:personId/edit — edit a person (names, contact, birth year) and their employments:
// each form carries the version it was read at; a stale save is refused with the current
// values shown and the attempted values listed.
import { type ShouldRevalidateFunction, data, Form, Link, redirect, useActionData, useSearchParams } from 'react-router';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Route } from './+types/people.$personId.edit';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getPersonForm } from '../../core/people/get-person-form.ts';
import { updatePerson } from '../../core/people/update-person.ts';
import { updateEmployment } from '../../core/people/update-employment.ts';
import { addEmployment } from '../../core/people/add-employment.ts';
import { endEmployment } from '../../core/people/end-employment.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, formError, FormErrorSummary, type FormErrorPayload } from '../components/form-errors.tsx';
import { TextInput } from '../components/form-field.tsx';
import { EmploymentForm, type EmploymentFormValues } from '../components/person-employment-form.tsx';
import '../styles/org.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const p = (d as Awaited<ReturnType<typeof loader>> | undefined)?.person;
    return p
      ? [
          { label: `${p.givenName} ${p.familyName}`, to: `/people/${p.id}` },
          { label: t('org.person.edit'), to: `/people/${p.id}/edit` },
        ]
      : null;
  },
};

/** After a stale refusal (409) reload the current values; other failed submits keep the page as is. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return runForPage(context, () => getPersonForm({ database: getServices(context).database, actor, personId: params.personId, requestId: getRequestInfo(context).requestId }));
}

const EMPLOYMENT_FIELDS = ['unitId', 'employeeNumber', 'positionTitle', 'ftePercent', 'styrk08', 'ksJobCode', 'occupationalGroup', 'startDate', 'endDate'] as const;
const PERSON_FIELDS = ['givenName', 'familyName', 'email', 'phone', 'birthYear'] as const;

function pick<K extends string>(form: FormData, keys: readonly K[]): Record<K | 'version', string> {
  const out = {} as Record<K | 'version', string>;
  for (const k of [...keys, 'version' as const]) out[k] = String(form.get(k) ?? '');
  return out;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const database = getServices(context).database;
  const requestId = getRequestInfo(context).requestId;
  const intent = String(form.get('intent') ?? '');
  const employmentId = String(form.get('employmentId') ?? '');
  const personId = params.personId;
  let result;
  let submitted: Record<string, string>;
  switch (intent) {
    case 'person':
      submitted = pick(form, PERSON_FIELDS);
      result = await runForForm(context, () => updatePerson({ database, actor, personId, input: submitted, requestId }));
      break;
    case 'employment':
      submitted = pick(form, EMPLOYMENT_FIELDS);
      result = await runForForm(context, () => updateEmployment({ database, actor, employmentId, input: submitted, requestId }));
      break;
    case 'add':
      submitted = pick(form, EMPLOYMENT_FIELDS);
      result = await runForForm(context, () => addEmployment({ database, actor, personId, input: submitted, requestId }));
      break;
    case 'end':
      submitted = pick(form, ['endDate']);
      result = await runForForm(context, () => endEmployment({ database, actor, employmentId, input: submitted, requestId }));
      break;
    default:
      throw new Response(null, { status: 400 });
  }
  if (result.ok) return redirect(`/people/${personId}?saved=1`);
  return data({ intent, employmentId, result, submitted }, { status: STATUS_FOR[result.error.code] });
}

export default function EditPersonPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const a = useActionData<typeof action>();
  // The form for a new employment is rendered on request: its selects (every unit, every occupation) are large.
  const [params] = useSearchParams();
  const showAdd = params.get('add') === '1';
  const error = formError(a?.result);
  const stale = error?.code === 'STALE_VERSION';
  const errorFor = (intent: string, id = ''): FormErrorPayload | null => (a && error && a.intent === intent && a.employmentId === id ? error : null);
  const kept = (intent: string, id = '') => (a && error && !stale && a.intent === intent && a.employmentId === id ? a.submitted : null);
  const name = `${d.person.givenName} ${d.person.familyName}`;
  const personValues = kept('person') ?? d.person;
  const today = new Date().toISOString().slice(0, 10);
  const emptyEmployment: EmploymentFormValues = {
    unitId: d.employments.find((e) => e.active && e.canEdit)?.unitId ?? '',
    employeeNumber: '',
    positionTitle: '',
    ftePercent: '100',
    styrk08: null,
    ksJobCode: null,
    occupationalGroup: null,
    startDate: today,
    endDate: null,
  };
  return (
    <div className="stack person-edit">
      <title>{`${t('org.person.editTitle', { name })} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('org.person.editTitle', { name })}
      </Heading>
      {stale && a ? <StaleAttempt submitted={a.submitted} message={error.message} /> : null}

      <Form method="post" noValidate className="form stack" key={`person-${d.person.version}`}>
        <CsrfField />
        <input type="hidden" name="intent" value="person" />
        <input type="hidden" name="version" value={d.person.version} />
        <Heading level={2} data-size="sm">
          {t('org.person.personalDetails')}
        </Heading>
        <FormErrorSummary error={stale ? null : errorFor('person')} prefix="person" />
        <div className="form-grid">
          <TextInput prefix="person" name="givenName" label={t('org.person.fields.givenName')} required autoComplete="off" defaultValue={personValues.givenName} error={fieldError(errorFor('person'), 'givenName')} />
          <TextInput prefix="person" name="familyName" label={t('org.person.fields.familyName')} required defaultValue={personValues.familyName} error={fieldError(errorFor('person'), 'familyName')} />
          <TextInput prefix="person" name="email" type="email" label={t('org.person.fields.email')} defaultValue={personValues.email} error={fieldError(errorFor('person'), 'email')} />
          <TextInput prefix="person" name="phone" type="tel" label={t('org.person.fields.phone')} defaultValue={personValues.phone} error={fieldError(errorFor('person'), 'phone')} />
          <TextInput
            prefix="person"
            name="birthYear"
            label={t('org.person.fields.birthYear')}
            description={t('org.person.fields.birthYearHelp')}
            inputMode="numeric"
            width="short"
            defaultValue={personValues.birthYear}
            error={fieldError(errorFor('person'), 'birthYear')}
          />
        </div>
        <div className="cluster">
          <Button type="submit">{t('common.actions.save')}</Button>
          <a href={`/people/${d.person.id}`} className="ds-link">
            {t('common.actions.cancel')}
          </a>
        </div>
      </Form>

      <section aria-labelledby="employments-heading" className="stack">
        <Heading level={2} data-size="sm" id="employments-heading">
          {t('org.person.employments')}
        </Heading>
        {d.employments.map((e) => {
          const prefix = `emp-${e.id.slice(0, 8)}`;
          const values = (kept('employment', e.id) as EmploymentFormValues | null) ?? e;
          return e.canEdit ? (
            <div key={`${e.id}-${e.version}`} className="stack employment-edit">
              <EmploymentForm
                prefix={prefix}
                legend={`${e.positionTitle} – ${e.unitPathNames[e.unitPathNames.length - 1]}${e.active ? '' : ` (${t('org.person.ended')})`}`}
                intent="employment"
                employmentId={e.id}
                version={e.version}
                values={values}
                unitOptions={d.unitOptions}
                occupations={d.occupations}
                error={stale ? null : errorFor('employment', e.id)}
              />
              {e.active ? (
                <Form method="post" noValidate className="cluster end-employment no-print">
                  <CsrfField />
                  <input type="hidden" name="intent" value="end" />
                  <input type="hidden" name="employmentId" value={e.id} />
                  <input type="hidden" name="version" value={e.version} />
                  <FormErrorSummary error={stale ? null : errorFor('end', e.id)} prefix={`end-${e.id.slice(0, 8)}`} />
                  <TextInput prefix={`end-${e.id.slice(0, 8)}`} name="endDate" type="date" label={t('org.employment.endOn')} required width="short" defaultValue={today} error={fieldError(errorFor('end', e.id), 'endDate')} />
                  <Button type="submit" variant="secondary" data-color="danger">
                    {t('org.employment.end')}
                  </Button>
                </Form>
              ) : null}
            </div>
          ) : (
            <Paragraph key={e.id}>{t('org.employment.outOfScope', { title: e.positionTitle, unit: e.unitPathNames[e.unitPathNames.length - 1] ?? '' })}</Paragraph>
          );
        })}
        {showAdd || (a && a.intent === 'add') ? (
          <EmploymentForm
            key={`add-${d.employments.length}`}
            prefix="new-emp"
            legend={t('org.employment.addTitle')}
            intent="add"
            values={(kept('add') as EmploymentFormValues | null) ?? emptyEmployment}
            unitOptions={d.unitOptions}
            occupations={d.occupations}
            error={stale ? null : errorFor('add')}
          />
        ) : (
          <p className="no-print">
            <Link to="?add=1#new-employment" className="ds-button" data-variant="secondary" data-size="sm">
              {t('org.employment.addTitle')}
            </Link>
          </p>
        )}
      </section>
    </div>
  );
}

function StaleAttempt({ submitted, message }: { submitted: Record<string, string>; message: string }) {
  const t = useT();
  const entries = Object.entries(submitted).filter(([k, v]) => k !== 'version' && v !== '');
  return (
    <Alert data-color="danger" className="stale-attempt" tabIndex={-1} ref={(el) => el?.focus()} data-testid="stale-message">
      <Heading level={2} data-size="xs">
        {message}
      </Heading>
      <Paragraph data-size="sm">{t('org.stale.formShowsCurrent')}</Paragraph>
      <details>
        <summary>{t('org.stale.yourAttempt')}</summary>
        <dl className="facts">
          {entries.map(([k, v]) => (
            <div key={k} className="facts__row">
              <dt>{t(`org.fieldNames.${k}`)}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </details>
    </Alert>
  );
}
