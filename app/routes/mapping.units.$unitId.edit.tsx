// /mapping/units/:unitId/edit?year= — fill in the unit's mapping form on one page: the joint
// discussion (date, who took part), then the needs short-term (the cycle's year) and long-term
// (the year expected, one of the three after it), each with area,
// why, how many, preferred measures, priority and costs. Save as draft or save and hand in.
// Blank rows are dropped; a leader may propose a missing competence area.
import { data, Form, Link, redirect, useActionData, useSearchParams } from 'react-router';
import { Alert, Button, Checkbox, Field, Fieldset, Heading, Input, Label, Paragraph, Select, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import type { Route } from './+types/mapping.units.$unitId.edit';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getMappingForm } from '../../core/mapping/get-mapping-form.ts';
import { saveMappingForm } from '../../core/mapping/save-mapping-form.ts';
import { submitMappingForm } from '../../core/mapping/submit-mapping-form.ts';
import { proposeCompetenceArea } from '../../core/mapping/propose-competence-area.ts';
import { isBlankNeedRow, longTermYears } from '../../core/mapping/mapping.rules.ts';
import { MEASURE_TYPES, MEASURE_CLASS } from '../../core/shared/measure-types.ts';
import { can } from '../../core/shared/policy.ts';
import { AppError, AppErrorCode } from '../../core/shared/app-error.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, fieldId, formError, FormErrorSummary, type FormErrorPayload } from '../components/form-errors.tsx';
import { FormStatusTag, MappingNav } from '../components/mapping-parts.tsx';
import { formatDate } from '../components/wheel-format.ts';
import '../styles/org.css';
import '../styles/wheel.css';
import '../styles/mapping.css';

const PREFIX = 'mapping';
const BLANK_ROWS = 2;
const NEED_FIELDS = ['term', 'year', 'competenceAreaId', 'description', 'basisEntryId', 'whyText', 'peopleCount', 'priority', 'costNok', 'substituteCostNok', 'carriedOver'] as const;

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const x = d as Awaited<ReturnType<typeof loader>> | undefined;
    return [
      { label: t('mapping.nav.title'), to: '/mapping' },
      ...(x ? [{ label: x.page.unit.name, to: `/mapping/units/${x.page.unit.id}?year=${x.page.cycle?.year ?? ''}` }, { label: t('mapping.form.edit'), to: `/mapping/units/${x.page.unit.id}/edit?year=${x.page.cycle?.year ?? ''}` }] : []),
    ];
  },
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const year = new URL(request.url).searchParams.get('year');
  const page = await runForPage(context, async () => {
    const p = await getMappingForm({ database: getServices(context).database, actor, unitId: params.unitId, year });
    // A leader without a form yet starts it on the form page; otherwise only the unit's leaders, while the form is with the unit.
    if (p.canStart && p.cycle) throw redirect(`/mapping/units/${p.unit.id}?year=${p.cycle.year}`);
    if (!p.canEdit || !p.choices) throw new AppError(p.form || p.formHidden ? AppErrorCode.FORBIDDEN : AppErrorCode.NOT_FOUND);
    return p;
  });
  return { page, canOverview: can(actor, 'mapping.overview', { tenantId: actor.tenantId }) };
}

type RowValues = Record<(typeof NEED_FIELDS)[number], string> & { measureTypes: string[] };

function readRows(form: FormData): RowValues[] {
  const count = Math.min(Number(form.get('rowCount') ?? 0) || 0, 60);
  const rows: RowValues[] = [];
  for (let i = 0; i < count; i++) {
    const row = Object.fromEntries(NEED_FIELDS.map((f) => [f, String(form.get(`needs.${i}.${f}`) ?? '')])) as unknown as RowValues;
    row.measureTypes = form.getAll(`needs.${i}.measureTypes`).map(String);
    rows.push(row);
  }
  return rows;
}

/** Issues on kept rows point back at the row the person filled in (blank rows were dropped). */
function remap(error: FormErrorPayload, rowOf: number[]): FormErrorPayload {
  return { ...error, issues: error.issues.map((i) => ({ ...i, path: i.path.replace(/^needs\.(\d+)\./, (_m, k: string) => `needs.${rowOf[Number(k)] ?? k}.`) })) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? 'save');
  const year = String(form.get('year') ?? '');
  const database = getServices(context).database;
  const requestId = getRequestInfo(context).requestId;
  if (intent === 'propose') {
    const name = String(form.get('name') ?? '');
    const result = await runForForm(context, () => proposeCompetenceArea({ database, actor, input: { name }, requestId }));
    if (result.ok) return redirect(`/mapping/units/${params.unitId}/edit?year=${encodeURIComponent(year)}&proposed=${encodeURIComponent(name.trim())}`);
    return data({ result, intent, values: null }, { status: STATUS_FOR[result.error.code] });
  }
  const rows = readRows(form);
  const kept = rows.map((r, i) => ({ r, i })).filter(({ r }) => !isBlankNeedRow(r));
  const input = {
    version: String(form.get('version') ?? ''),
    discussionDate: String(form.get('discussionDate') ?? ''),
    participantsText: String(form.get('participantsText') ?? ''),
    participantPersonIds: form.getAll('participantPersonIds').map(String),
    needs: kept.map(({ r }) => r),
  };
  const formId = String(form.get('formId') ?? '');
  const result =
    intent === 'submit'
      ? await runForForm(context, () => submitMappingForm({ database, actor, formId, input, requestId }))
      : await runForForm(context, () => saveMappingForm({ database, actor, formId, input, requestId }));
  if (result.ok) {
    return intent === 'submit' ? redirect(`/mapping/units/${params.unitId}?year=${encodeURIComponent(year)}&submitted=1`) : redirect(`/mapping/units/${params.unitId}/edit?year=${encodeURIComponent(year)}&saved=1`);
  }
  const error = remap(result.error, kept.map(({ i }) => i));
  return data({ result: { ok: false as const, error }, intent, values: { ...input, needs: rows } }, { status: STATUS_FOR[result.error.code] });
}

function NeedRow({ index, values, error, choices, cycleYear }: { index: number; values: RowValues; error: FormErrorPayload | null; cycleYear: number; choices: NonNullable<Route.ComponentProps['loaderData']['page']['choices']> }) {
  const t = useT();
  const id = (f: string) => fieldId(PREFIX, `needs.${index}.${f}`);
  const err = (f: string) => fieldError(error, `needs.${index}.${f}`) ?? (f === 'measureTypes' ? error?.issues.find((i) => i.path.startsWith(`needs.${index}.measureTypes`))?.message : undefined);
  const described = (f: string) => (err(f) ? `${id(f)}-error` : undefined);
  const name = (f: string) => `needs.${index}.${f}`;
  const msg = (f: string) => (err(f) ? <ValidationMessage id={`${id(f)}-error`}>{err(f)}</ValidationMessage> : null);
  return (
    <Fieldset className="need-row">
      <Fieldset.Legend>
        {t('mapping.edit.need', { number: index + 1 })}
        {values.carriedOver === 'true' ? ` – ${t('mapping.form.carriedOver')}` : ''}
      </Fieldset.Legend>
      <input type="hidden" name={name('term')} value={values.term} />
      <input type="hidden" name={name('carriedOver')} value={values.carriedOver} />
      <div className="need-grid">
        {values.term === 'long' ? (
          <Field className="form-field--short">
            <Label htmlFor={id('year')}>{t('mapping.form.yearLong')}</Label>
            <Select id={id('year')} name={name('year')} defaultValue={values.year || String(cycleYear + 1)} aria-invalid={err('year') ? true : undefined} aria-describedby={described('year')}>
              {longTermYears(cycleYear).map((y) => (
                <Select.Option key={y} value={String(y)}>
                  {String(y)}
                </Select.Option>
              ))}
            </Select>
            {msg('year')}
          </Field>
        ) : (
          <input type="hidden" name={name('year')} value={String(cycleYear)} />
        )}
        <Field>
          <Label htmlFor={id('competenceAreaId')}>{t('mapping.form.area')}</Label>
          <Select id={id('competenceAreaId')} name={name('competenceAreaId')} defaultValue={values.competenceAreaId} aria-invalid={err('competenceAreaId') ? true : undefined} aria-describedby={described('competenceAreaId')}>
            <Select.Option value="">{t('mapping.edit.chooseArea')}</Select.Option>
            {choices.areas.map((a) => (
              <Select.Option key={a.id} value={a.id}>
                {a.status === 'proposed' ? `${a.name} (${t('mapping.edit.proposedMark')})` : a.name}
              </Select.Option>
            ))}
          </Select>
          {msg('competenceAreaId')}
        </Field>
        <Field>
          <Label htmlFor={id('description')}>{t('mapping.form.description')}</Label>
          <Input id={id('description')} name={name('description')} defaultValue={values.description} aria-invalid={err('description') ? true : undefined} aria-describedby={described('description')} />
          {msg('description')}
        </Field>
        <Field>
          <Label htmlFor={id('basisEntryId')}>{t('mapping.form.basis')}</Label>
          <Select id={id('basisEntryId')} name={name('basisEntryId')} defaultValue={values.basisEntryId} aria-invalid={err('basisEntryId') ? true : undefined} aria-describedby={described('basisEntryId')}>
            <Select.Option value="">{t('mapping.form.noBasis')}</Select.Option>
            {choices.basis.map((b) => (
              <Select.Option key={b.id} value={b.id}>
                {`${t(`mapping.basisKind.${b.kind}`)}: ${b.text}`}
              </Select.Option>
            ))}
          </Select>
          {msg('basisEntryId')}
        </Field>
        <Field>
          <Label htmlFor={id('whyText')}>{t('mapping.form.whyText')}</Label>
          <Input id={id('whyText')} name={name('whyText')} defaultValue={values.whyText} aria-invalid={err('whyText') ? true : undefined} aria-describedby={described('whyText')} />
          {msg('whyText')}
        </Field>
        <Field className="form-field--short">
          <Label htmlFor={id('peopleCount')}>{t('mapping.form.people')}</Label>
          <Input id={id('peopleCount')} name={name('peopleCount')} inputMode="numeric" defaultValue={values.peopleCount} aria-invalid={err('peopleCount') ? true : undefined} aria-describedby={described('peopleCount')} />
          {msg('peopleCount')}
        </Field>
        <Field className="form-field--short">
          <Label htmlFor={id('priority')}>{t('mapping.form.prioritySelect')}</Label>
          <Select id={id('priority')} name={name('priority')} defaultValue={values.priority || '2'} aria-invalid={err('priority') ? true : undefined} aria-describedby={described('priority')}>
            {(['1', '2', '3'] as const).map((p) => (
              <Select.Option key={p} value={p}>
                {t(`mapping.priority.${p}`)}
              </Select.Option>
            ))}
          </Select>
          {msg('priority')}
        </Field>
        <Field className="form-field--short">
          <Label htmlFor={id('costNok')}>{t('mapping.form.cost')}</Label>
          <Input id={id('costNok')} name={name('costNok')} inputMode="numeric" defaultValue={values.costNok} aria-invalid={err('costNok') ? true : undefined} aria-describedby={described('costNok')} />
          {msg('costNok')}
        </Field>
        <Field className="form-field--short">
          <Label htmlFor={id('substituteCostNok')}>{t('mapping.form.substituteCost')}</Label>
          <Input id={id('substituteCostNok')} name={name('substituteCostNok')} inputMode="numeric" defaultValue={values.substituteCostNok} aria-invalid={err('substituteCostNok') ? true : undefined} aria-describedby={described('substituteCostNok')} />
          {msg('substituteCostNok')}
        </Field>
      </div>
      <Fieldset className="measure-choices" id={id('measureTypes')} aria-describedby={described('measureTypes')}>
        <Fieldset.Legend>{t('mapping.form.measures')}</Fieldset.Legend>
        {(['work', 'course'] as const).map((cls) => (
          <Fieldset key={cls} className="measure-group">
            <Fieldset.Legend className="measure-group__label">{t(`measures.class.${cls}`)}</Fieldset.Legend>
            {MEASURE_TYPES.filter((m) => MEASURE_CLASS[m] === cls).map((m) => (
              <Checkbox key={m} name={name('measureTypes')} value={m} defaultChecked={values.measureTypes.includes(m)} label={t(`measures.type.${m}`)} data-size="sm" />
            ))}
          </Fieldset>
        ))}
        {msg('measureTypes')}
      </Fieldset>
    </Fieldset>
  );
}

export default function MappingEditPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const d = loaderData.page;
  const form = d.form!;
  const choices = d.choices!;
  const cycleYear = d.cycle!.year;
  const title = t('mapping.edit.title', { unit: d.unit.name });
  const typed = actionData?.values ?? null;
  const stored: RowValues[] = form.needs.map((n) => ({
    term: n.term,
    year: String(n.year),
    competenceAreaId: n.competenceAreaId,
    description: n.description,
    basisEntryId: n.basisEntryId ?? '',
    whyText: n.whyText,
    peopleCount: String(n.peopleCount),
    priority: String(n.priority),
    costNok: String(n.costNok),
    substituteCostNok: String(n.substituteCostNok),
    carriedOver: n.carriedOver ? 'true' : '',
    measureTypes: n.measureTypes,
  }));
  const blank = (term: string): RowValues => ({ term, year: String(term === 'long' ? cycleYear + 1 : cycleYear), competenceAreaId: '', description: '', basisEntryId: '', whyText: '', peopleCount: '', priority: '2', costNok: '', substituteCostNok: '', carriedOver: '', measureTypes: [] });
  const rows: RowValues[] = typed
    ? typed.needs
    : [...stored.filter((r) => r.term === 'short'), ...Array.from({ length: BLANK_ROWS }, () => blank('short')), ...stored.filter((r) => r.term === 'long'), ...Array.from({ length: BLANK_ROWS }, () => blank('long'))];
  const indexed = rows.map((r, i) => ({ r, i }));
  const participantIds = new Set(typed ? typed.participantPersonIds : form.participants.map((p) => p.id));
  const formKey = `${form.version}-${actionData ? 'posted' : 'fresh'}`;
  return (
    <div className="stack">
      <title>{`${title} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <MappingNav canOverview={loaderData.canOverview} />
      <dl className="facts">
        <dt>{t('mapping.form.cycle')}</dt>
        <dd>{d.cycle!.title}</dd>
        <dt>{t('mapping.form.deadline')}</dt>
        <dd>{d.milestone ? `${formatDate(d.milestone.deadline, language)} (${t(`mapping.lateness.${d.lateness}`)})` : t('mapping.form.noMilestone')}</dd>
        <dt>{t('mapping.form.status')}</dt>
        <dd>
          <FormStatusTag status={form.status} />
        </dd>
      </dl>
      {params.get('saved') ? <Alert data-color="success" role="status">{t('mapping.form.saved')}</Alert> : null}
      {params.get('started') ? <Alert data-color="success" role="status">{t('mapping.form.started')}</Alert> : null}
      {params.get('proposed') ? <Alert data-color="success" role="status">{t('mapping.edit.proposed', { name: params.get('proposed') ?? '' })}</Alert> : null}
      {form.status === 'returned' && form.returnComment ? (
        <Alert data-color="warning">
          <Heading level={2} data-size="xs">
            {t('mapping.form.returnComment')}
          </Heading>
          <Paragraph style={{ whiteSpace: 'pre-line' }}>{form.returnComment}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>{t('mapping.edit.intro')}</Paragraph>
      <FormErrorSummary error={actionData?.intent === 'propose' ? null : error} prefix={PREFIX} />
      <Form method="post" className="stack mapping-edit" key={formKey} noValidate>
        <CsrfField />
        <input type="hidden" name="year" value={cycleYear} />
        <input type="hidden" name="formId" value={form.id} />
        <input type="hidden" name="version" value={form.version} />
        <input type="hidden" name="rowCount" value={rows.length} />
        <Fieldset>
          <Fieldset.Legend>{t('mapping.form.discussion')}</Fieldset.Legend>
          <Field className="form-field--short">
            <Label htmlFor={fieldId(PREFIX, 'discussionDate')}>{t('mapping.form.discussionDate')}</Label>
            <Input id={fieldId(PREFIX, 'discussionDate')} name="discussionDate" type="date" defaultValue={typed ? typed.discussionDate : (form.discussionDate ?? '')} aria-invalid={fieldError(error, 'discussionDate') ? true : undefined} aria-describedby={fieldError(error, 'discussionDate') ? `${fieldId(PREFIX, 'discussionDate')}-error` : undefined} />
            {fieldError(error, 'discussionDate') ? <ValidationMessage id={`${fieldId(PREFIX, 'discussionDate')}-error`}>{fieldError(error, 'discussionDate')}</ValidationMessage> : null}
          </Field>
          <Field>
            <Label htmlFor={fieldId(PREFIX, 'participants')}>{t('mapping.form.participantsText')}</Label>
            <Field.Description id={`${fieldId(PREFIX, 'participants')}-desc`}>{t('mapping.form.participantsTextHint')}</Field.Description>
            <Textarea
              id={fieldId(PREFIX, 'participants')}
              name="participantsText"
              rows={2}
              defaultValue={typed ? typed.participantsText : form.participantsText}
              aria-invalid={fieldError(error, 'participants') ? true : undefined}
              aria-describedby={[fieldError(error, 'participants') ? `${fieldId(PREFIX, 'participants')}-error` : null, `${fieldId(PREFIX, 'participants')}-desc`].filter(Boolean).join(' ')}
            />
            {fieldError(error, 'participants') ? <ValidationMessage id={`${fieldId(PREFIX, 'participants')}-error`}>{fieldError(error, 'participants')}</ValidationMessage> : null}
          </Field>
          {choices.persons.length ? (
            <Fieldset className="participant-choices" id={fieldId(PREFIX, 'participantPersonIds')}>
              <Fieldset.Legend>{t('mapping.form.participantPersons')}</Fieldset.Legend>
              <div className="participant-list">
                {choices.persons.map((p) => (
                  <Checkbox key={p.id} name="participantPersonIds" value={p.id} defaultChecked={participantIds.has(p.id)} label={p.name} data-size="sm" />
                ))}
              </div>
              {fieldError(error, 'participantPersonIds') ? <ValidationMessage>{fieldError(error, 'participantPersonIds')}</ValidationMessage> : null}
            </Fieldset>
          ) : null}
        </Fieldset>
        {(['short', 'long'] as const).map((term) => (
          <section key={term} aria-labelledby={`term-${term}`} className="stack" id={term === 'short' ? fieldId(PREFIX, 'needs') : undefined}>
            <Heading level={2} data-size="sm" id={`term-${term}`}>
              {t(`mapping.term.${term}`)}
            </Heading>
            <Paragraph data-size="sm">{term === 'short' ? t('mapping.term.shortHintYear', { year: cycleYear }) : t('mapping.term.longHintYear', { from: cycleYear + 1, to: cycleYear + 3 })}</Paragraph>
            {term === 'short' && fieldError(error, 'needs') ? <ValidationMessage>{fieldError(error, 'needs')}</ValidationMessage> : null}
            {indexed
              .filter(({ r }) => r.term === term)
              .map(({ r, i }) => (
                <NeedRow key={i} index={i} values={r} error={error} choices={choices} cycleYear={cycleYear} />
              ))}
          </section>
        ))}
        <Paragraph data-size="sm">{t('mapping.edit.addRowsHint')}</Paragraph>
        <div className="cluster">
          <Button type="submit" name="intent" value="save" variant="secondary">
            {t('mapping.edit.save')}
          </Button>
          <Button type="submit" name="intent" value="submit">
            {t('mapping.edit.submit')}
          </Button>
          <Link to={`/mapping/units/${d.unit.id}?year=${cycleYear}`}>{t('mapping.edit.back')}</Link>
        </div>
      </Form>
      {d.canPropose ? (
        <section aria-labelledby="propose-heading" className="stack propose">
          <Heading level={2} data-size="xs" id="propose-heading">
            {t('mapping.edit.proposeHeading')}
          </Heading>
          <Paragraph data-size="sm">{t('mapping.edit.proposeHint')}</Paragraph>
          <FormErrorSummary error={actionData?.intent === 'propose' ? error : null} prefix="propose" />
          <Form method="post" className="cluster">
            <CsrfField />
            <input type="hidden" name="year" value={cycleYear} />
            <input type="hidden" name="intent" value="propose" />
            <Field>
              <Label htmlFor={fieldId('propose', 'name')}>{t('mapping.edit.proposeName')}</Label>
              <Input id={fieldId('propose', 'name')} name="name" />
            </Field>
            <Button type="submit" variant="secondary">
              {t('mapping.edit.propose')}
            </Button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
