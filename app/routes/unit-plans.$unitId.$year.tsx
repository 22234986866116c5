// /unit-plans/:unitId/:year — a unit's action and development plan (handlings- og utviklingsplan)
// for a year: development trends, economic frame, service standards, facts, the action programme
// (measures and competence development), the 4-year sketch drawn as a timeline, and the areas
// evaluated every year. The unit's leader (or a coordinator) starts it prefilled from the data,
// fills and hands it in; the executive or a coordinator approves it or sends it back. Employees
// see it once it is approved. Downloads as PDF and XLSX.
import { data, Form, Link, redirect, useActionData, useSearchParams } from 'react-router';
import { Alert, Button, Heading, Input, Paragraph, Table, ValidationMessage } from '@digdir/designsystemet-react';
import type { Route } from './+types/unit-plans.$unitId.$year';
import { getRequestInfo, getServices, getSessionState, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getUnitPlan, type UnitPlanView } from '../../core/unit-plan/get-unit-plan.ts';
import { createUnitPlan } from '../../core/unit-plan/create-unit-plan.ts';
import { saveUnitPlan } from '../../core/unit-plan/save-unit-plan.ts';
import { prefillUnitPlan } from '../../core/unit-plan/prefill-unit-plan.ts';
import { moveUnitPlan } from '../../core/unit-plan/move-unit-plan.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { dateTimeFormat, numberFormat } from '../i18n/format.ts';
import { useLanguage, useT, type TFunction } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, fieldId, formError, FormErrorSummary, type FormErrorPayload } from '../components/form-errors.tsx';
import { TextInput } from '../components/form-field.tsx';
import { TextArea } from '../components/plan-textarea.tsx';
import { SubNav } from '../components/sub-nav.tsx';
import { UnitPlanTimeline } from '../components/unit-plan-timeline.tsx';
import '../styles/org.css';
import '../styles/competence-plan.css';
import '../styles/unit-plan.css';
import { DataTable } from '../components/data-table.tsx';

const PREFIX = 'uplan';
/** Empty lines offered under each table for new rows. */
const BLANK_ROWS = 2;

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const v = d as UnitPlanView | undefined;
    return [
      { label: t('unitPlan.nav.list'), to: v ? `/unit-plans?year=${v.year}` : '/unit-plans' },
      ...(v ? [{ label: `${v.unit.name} ${v.year}`, to: `/unit-plans/${v.unit.id}/${v.year}` }] : []),
    ];
  },
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return runForPage(context, () => getUnitPlan({ database: getServices(context).database, actor, unitId: params.unitId, year: params.year }));
}

const ROW_FIELDS = {
  actions: ['title', 'competence', 'responsible', 'timing', 'costNok', 'catalogueMeasureId'],
  outlook: ['year', 'title', 'competence', 'costNok'],
  evaluations: ['title', 'competence', 'responsible'],
} as const;
type Section = keyof typeof ROW_FIELDS;

function rowsFrom(form: FormData, section: Section): Array<Record<string, string>> {
  const count = Math.min(Number(form.get(`${section}Count`) ?? 0) || 0, 100);
  return Array.from({ length: count }, (_, i) => Object.fromEntries(ROW_FIELDS[section].map((f) => [f, String(form.get(`${section}.${i}.${f}`) ?? '')])));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const version = String(form.get('version') ?? '');
  const options = { database: getServices(context).database, actor, unitId: params.unitId, year: params.year, requestId: getRequestInfo(context).requestId };
  const language = getSessionState(context).language;
  const run = (): Promise<unknown> => {
    switch (intent) {
      case 'create':
        return createUnitPlan({ ...options, language });
      case 'prefill':
        return prefillUnitPlan({ ...options, language, input: { version } });
      case 'save':
        return saveUnitPlan({
          ...options,
          input: {
            version,
            developmentTrends: String(form.get('developmentTrends') ?? ''),
            budgetFrameNok: String(form.get('budgetFrameNok') ?? ''),
            competenceBudgetNok: String(form.get('competenceBudgetNok') ?? ''),
            economyNote: String(form.get('economyNote') ?? ''),
            serviceStandards: String(form.get('serviceStandards') ?? ''),
            headCount: String(form.get('headCount') ?? ''),
            fte: String(form.get('fte') ?? ''),
            factsNote: String(form.get('factsNote') ?? ''),
            actions: rowsFrom(form, 'actions'),
            outlook: rowsFrom(form, 'outlook'),
            evaluations: rowsFrom(form, 'evaluations'),
          },
        });
      default:
        return moveUnitPlan({ ...options, input: { version, to: String(form.get('to') ?? ''), comment: String(form.get('comment') ?? '') } });
    }
  };
  const result = await runForForm(context, run);
  if (result.ok) return redirect(`/unit-plans/${params.unitId}/${params.year}?done=${encodeURIComponent(intent || 'move')}`);
  // The typed-in values go back to the form, so a refused save loses nothing.
  const typed = intent === 'save' ? Object.fromEntries([...form.entries()].filter(([k]) => k !== 'csrf' && k !== '_csrf').map(([k, v]) => [k, String(v)])) : null;
  return data({ result, intent, typed }, { status: STATUS_FOR[result.error.code] });
}

function RowInput({ section, index, field, label, value, error, inputMode, width }: { section: Section; index: number; field: string; label: string; value: string; error: FormErrorPayload | null; inputMode?: 'numeric'; width?: string }) {
  const path = `${section}.${index}.${field}`;
  const id = fieldId(PREFIX, path);
  const message = fieldError(error, path);
  return (
    <>
      <Input id={id} name={path} defaultValue={value} aria-label={label} inputMode={inputMode} aria-invalid={message ? true : undefined} aria-describedby={message ? `${id}-error` : undefined} style={width ? { width } : undefined} data-size="sm" />
      {message ? <ValidationMessage id={`${id}-error`}>{message}</ValidationMessage> : null}
    </>
  );
}

interface EditRows {
  actions: Array<Record<string, string>>;
  outlook: Array<Record<string, string>>;
  evaluations: Array<Record<string, string>>;
}

/** The rows the form starts with: what was typed (after a refused save) or what is stored, plus blank lines. */
function editRows(d: UnitPlanView, typed: Record<string, string> | null): EditRows {
  const str = (v: number | string | null) => (v === null ? '' : String(v));
  const fromTyped = (section: Section) => {
    const count = Number(typed?.[`${section}Count`] ?? 0);
    return Array.from({ length: count }, (_, i) => Object.fromEntries(ROW_FIELDS[section].map((f) => [f, typed?.[`${section}.${i}.${f}`] ?? ''])));
  };
  const blank = (section: Section) => Array.from({ length: BLANK_ROWS }, () => Object.fromEntries(ROW_FIELDS[section].map((f) => [f, f === 'year' ? String(d.year) : ''])));
  if (typed) return { actions: fromTyped('actions'), outlook: fromTyped('outlook'), evaluations: fromTyped('evaluations') };
  return {
    actions: [...d.actions.map((a) => ({ title: a.title, competence: a.competence, responsible: a.responsible, timing: a.timing, costNok: str(a.costNok), catalogueMeasureId: a.catalogueMeasureId ?? '' })), ...blank('actions')],
    outlook: [...d.outlook.map((o) => ({ year: String(o.year), title: o.title, competence: o.competence, costNok: str(o.costNok) })), ...blank('outlook')],
    evaluations: [...d.evaluations.map((e) => ({ title: e.title, competence: e.competence, responsible: e.responsible })), ...blank('evaluations')],
  };
}

function EditForm({ d, error, typed }: { d: UnitPlanView; error: FormErrorPayload | null; typed: Record<string, string> | null }) {
  const t = useT();
  const plan = d.plan!;
  const rows = editRows(d, typed);
  const v = (name: string, stored: string | number | null) => (typed ? (typed[name] ?? '') : stored === null ? '' : String(stored));
  const fteStored = plan.fteHundredths === null ? null : String(plan.fteHundredths / 100).replace('.', ',');
  const rowLabel = (key: string, i: number) => `${t(key)}, ${t('unitPlan.edit.row', { n: i + 1 })}`;
  return (
    <section className="stack cplan-card" aria-labelledby="uplan-edit">
      <Heading level={2} data-size="sm" id="uplan-edit">
        {t('unitPlan.edit.title')}
      </Heading>
      <Paragraph>{t('unitPlan.edit.intro')}</Paragraph>
      <Form method="post" className="stack">
        <CsrfField />
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={typed?.version ?? String(plan.version)} />
        <input type="hidden" name="actionsCount" value={rows.actions.length} />
        <input type="hidden" name="outlookCount" value={rows.outlook.length} />
        <input type="hidden" name="evaluationsCount" value={rows.evaluations.length} />
        <TextArea prefix={PREFIX} name="developmentTrends" label={t('unitPlan.sections.trends')} description={t('unitPlan.help.trends')} defaultValue={v('developmentTrends', plan.developmentTrends)} error={fieldError(error, 'developmentTrends')} rows={5} />
        <fieldset className="stack">
          <legend>{t('unitPlan.sections.economy')}</legend>
          <TextInput prefix={PREFIX} name="budgetFrameNok" inputMode="numeric" width="short" label={t('unitPlan.fields.budgetFrame')} description={t('unitPlan.help.budgetFrame')} defaultValue={v('budgetFrameNok', plan.budgetFrameNok)} error={fieldError(error, 'budgetFrameNok')} />
          <TextInput prefix={PREFIX} name="competenceBudgetNok" inputMode="numeric" width="short" label={t('unitPlan.fields.competenceBudget')} defaultValue={v('competenceBudgetNok', plan.competenceBudgetNok)} error={fieldError(error, 'competenceBudgetNok')} />
          <TextArea prefix={PREFIX} name="economyNote" label={t('unitPlan.fields.economyNote')} defaultValue={v('economyNote', plan.economyNote)} error={fieldError(error, 'economyNote')} rows={3} />
        </fieldset>
        <TextArea prefix={PREFIX} name="serviceStandards" label={t('unitPlan.sections.standards')} description={t('unitPlan.help.standards')} defaultValue={v('serviceStandards', plan.serviceStandards)} error={fieldError(error, 'serviceStandards')} rows={5} />
        <fieldset className="stack">
          <legend>{t('unitPlan.sections.facts')}</legend>
          <TextInput prefix={PREFIX} name="headCount" inputMode="numeric" width="short" label={t('unitPlan.fields.headCount')} description={t('unitPlan.help.facts')} defaultValue={v('headCount', plan.headCount)} error={fieldError(error, 'headCount')} />
          <TextInput prefix={PREFIX} name="fte" inputMode="decimal" width="short" label={t('unitPlan.fields.fte')} defaultValue={v('fte', fteStored)} error={fieldError(error, 'fte')} />
          <TextArea prefix={PREFIX} name="factsNote" label={t('unitPlan.fields.factsNote')} defaultValue={v('factsNote', plan.factsNote)} error={fieldError(error, 'factsNote')} rows={3} />
        </fieldset>

        <Heading level={3} data-size="xs" id={fieldId(PREFIX, 'actions')}>
          {t('unitPlan.sections.actions')}
        </Heading>
        <Paragraph data-size="sm">{t('unitPlan.help.actions')}</Paragraph>
        <Table className="uplan-rows" data-size="sm">
          <caption className="visually-hidden">{t('unitPlan.sections.actions')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('unitPlan.actions.title')}</Table.HeaderCell>
              <Table.HeaderCell>{t('unitPlan.actions.competence')}</Table.HeaderCell>
              <Table.HeaderCell>{t('unitPlan.actions.responsible')}</Table.HeaderCell>
              <Table.HeaderCell>{t('unitPlan.actions.timing')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('unitPlan.actions.cost')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.actions.map((r, i) => (
              <Table.Row key={i}>
                <Table.Cell>
                  <RowInput section="actions" index={i} field="title" label={rowLabel('unitPlan.actions.title', i)} value={r.title ?? ''} error={error} />
                  <input type="hidden" name={`actions.${i}.catalogueMeasureId`} value={r.catalogueMeasureId ?? ''} />
                </Table.Cell>
                <Table.Cell>
                  <RowInput section="actions" index={i} field="competence" label={rowLabel('unitPlan.actions.competence', i)} value={r.competence ?? ''} error={error} />
                </Table.Cell>
                <Table.Cell>
                  <RowInput section="actions" index={i} field="responsible" label={rowLabel('unitPlan.actions.responsible', i)} value={r.responsible ?? ''} error={error} />
                </Table.Cell>
                <Table.Cell>
                  <RowInput section="actions" index={i} field="timing" label={rowLabel('unitPlan.actions.timing', i)} value={r.timing ?? ''} error={error} />
                </Table.Cell>
                <Table.Cell>
                  <RowInput section="actions" index={i} field="costNok" label={rowLabel('unitPlan.actions.cost', i)} value={r.costNok ?? ''} error={error} inputMode="numeric" width="8rem" />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>

        <Heading level={3} data-size="xs" id={fieldId(PREFIX, 'outlook')}>
          {t('unitPlan.sections.outlook')}
        </Heading>
        <Paragraph data-size="sm">{t('unitPlan.help.outlook', { from: d.outlookYears[0]!, to: d.outlookYears[d.outlookYears.length - 1]! })}</Paragraph>
        <Table className="uplan-rows" data-size="sm">
          <caption className="visually-hidden">{t('unitPlan.sections.outlook')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('unitPlan.outlook.year')}</Table.HeaderCell>
              <Table.HeaderCell>{t('unitPlan.outlook.title')}</Table.HeaderCell>
              <Table.HeaderCell>{t('unitPlan.outlook.competence')}</Table.HeaderCell>
              <Table.HeaderCell className="num">{t('unitPlan.outlook.cost')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.outlook.map((r, i) => {
              const path = `outlook.${i}.year`;
              const id = fieldId(PREFIX, path);
              const message = fieldError(error, path);
              return (
                <Table.Row key={i}>
                  <Table.Cell>
                    <select id={id} name={path} defaultValue={r.year ?? String(d.year)} aria-label={rowLabel('unitPlan.outlook.year', i)} className="ds-input" data-size="sm" aria-invalid={message ? true : undefined} aria-describedby={message ? `${id}-error` : undefined}>
                      {(d.outlookYears.includes(Number(r.year)) || !r.year ? d.outlookYears : [Number(r.year), ...d.outlookYears]).map((y) => (
                        <option key={y} value={y}>
                          {y}
                        </option>
                      ))}
                    </select>
                    {message ? <ValidationMessage id={`${id}-error`}>{message}</ValidationMessage> : null}
                  </Table.Cell>
                  <Table.Cell>
                    <RowInput section="outlook" index={i} field="title" label={rowLabel('unitPlan.outlook.title', i)} value={r.title ?? ''} error={error} />
                  </Table.Cell>
                  <Table.Cell>
                    <RowInput section="outlook" index={i} field="competence" label={rowLabel('unitPlan.outlook.competence', i)} value={r.competence ?? ''} error={error} />
                  </Table.Cell>
                  <Table.Cell>
                    <RowInput section="outlook" index={i} field="costNok" label={rowLabel('unitPlan.outlook.cost', i)} value={r.costNok ?? ''} error={error} inputMode="numeric" width="8rem" />
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>

        <Heading level={3} data-size="xs" id={fieldId(PREFIX, 'evaluations')}>
          {t('unitPlan.sections.evaluations')}
        </Heading>
        <Paragraph data-size="sm">{t('unitPlan.help.evaluations')}</Paragraph>
        <Table className="uplan-rows" data-size="sm">
          <caption className="visually-hidden">{t('unitPlan.sections.evaluations')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('unitPlan.evaluations.title')}</Table.HeaderCell>
              <Table.HeaderCell>{t('unitPlan.evaluations.method')}</Table.HeaderCell>
              <Table.HeaderCell>{t('unitPlan.evaluations.responsible')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.evaluations.map((r, i) => (
              <Table.Row key={i}>
                <Table.Cell>
                  <RowInput section="evaluations" index={i} field="title" label={rowLabel('unitPlan.evaluations.title', i)} value={r.title ?? ''} error={error} />
                </Table.Cell>
                <Table.Cell>
                  <RowInput section="evaluations" index={i} field="competence" label={rowLabel('unitPlan.evaluations.method', i)} value={r.competence ?? ''} error={error} />
                </Table.Cell>
                <Table.Cell>
                  <RowInput section="evaluations" index={i} field="responsible" label={rowLabel('unitPlan.evaluations.responsible', i)} value={r.responsible ?? ''} error={error} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <Paragraph data-size="sm">{t('unitPlan.edit.moreRows')}</Paragraph>
        <div>
          <Button type="submit">{t('unitPlan.edit.save')}</Button>
        </div>
      </Form>
    </section>
  );
}

function TextSection({ id, title, text, t }: { id: string; title: string; text: string; t: TFunction }) {
  return (
    <section className="stack" aria-labelledby={id}>
      <Heading level={2} data-size="sm" id={id}>
        {title}
      </Heading>
      {text ? <Paragraph className="uplan-text">{text}</Paragraph> : <Paragraph>{t('unitPlan.doc.empty')}</Paragraph>}
    </section>
  );
}

export default function UnitPlanPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const [params] = useSearchParams();
  const num = numberFormat(language, { maximumFractionDigits: 0 });
  const dec = numberFormat(language, { maximumFractionDigits: 2 });
  const nok = (n: number | null) => (n === null ? '–' : `${num.format(n)} kr`);
  const date = dateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const typed = actionData?.typed ?? null;
  const plan = d.plan;
  const title = t('unitPlan.page.title', { year: d.year });
  const done = params.get('done');
  const move = (to: 'submitted' | 'approved' | 'draft', label: string, withComment = false) => (
    <Form method="post" className={withComment ? 'stack' : undefined}>
      <CsrfField />
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="to" value={to} />
      <input type="hidden" name="version" value={String(plan?.version ?? '')} />
      {withComment ? <TextArea prefix="uplan-move" name="comment" label={t('unitPlan.actionsBox.comment')} rows={2} /> : null}
      <div>
        <Button type="submit" variant={to === 'draft' ? 'secondary' : 'primary'}>
          {label}
        </Button>
      </div>
    </Form>
  );
  return (
    <div className="stack">
      <title>{`${title} – ${d.unit.name} – Rytme`}</title>
      <SubNav
        label={t('unitPlan.nav.label')}
        links={[
          { to: '/competence-plans', label: t('competencePlan.nav.title') },
          { to: '/unit-plans', label: t('unitPlan.nav.list') },
        ]}
      />
      <Heading level={1} data-size="lg">
        {title}
        <span className="visually-hidden">: </span>
        <br />
        <span className="ds-heading" data-size="sm">
          {d.unit.name}
        </span>
      </Heading>
      <p className="no-print">
        <Link to={`/org/units/${d.unit.id}`} className="ds-link">
          {t('unitPlan.page.unitLink', { unit: d.unit.name })}
        </Link>
      </p>
      {done ? (
        <Alert data-color="success" role="status">
          {t(`unitPlan.done.${['create', 'prefill', 'save'].includes(done) ? done : 'move'}`)}
        </Alert>
      ) : null}
      <FormErrorSummary error={error} prefix={actionData?.intent === 'save' ? PREFIX : 'uplan-move'} />

      {plan === null ? (
        <section className="stack cplan-card" aria-labelledby="uplan-none">
          <Heading level={2} data-size="sm" id="uplan-none">
            {t('unitPlan.page.noneTitle')}
          </Heading>
          <Paragraph>{d.can.create ? t('unitPlan.page.startIntro') : t('unitPlan.page.none')}</Paragraph>
          {d.can.create ? (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="create" />
              <Button type="submit">{t('unitPlan.page.start')}</Button>
            </Form>
          ) : null}
        </section>
      ) : (
        <>
          <Heading level={2} className="visually-hidden">
            {t('unitPlan.page.facts')}
          </Heading>
          <dl className="cplan-facts">
            <dt>{t('unitPlan.page.status')}</dt>
            <dd>{t(`unitPlan.status.${plan.status}`)}</dd>
            <dt>{t('unitPlan.fields.budgetFrame')}</dt>
            <dd>{nok(plan.budgetFrameNok)}</dd>
            <dt>{t('unitPlan.fields.competenceBudget')}</dt>
            <dd>{nok(plan.competenceBudgetNok)}</dd>
            <dt>{t('unitPlan.actions.total')}</dt>
            <dd>{nok(d.actionCostNok)}</dd>
            <dt>{t('unitPlan.fields.headCount')}</dt>
            <dd>{plan.headCount === null ? '–' : num.format(plan.headCount)}</dd>
            <dt>{t('unitPlan.fields.fte')}</dt>
            <dd>{plan.fteHundredths === null ? '–' : dec.format(plan.fteHundredths / 100)}</dd>
          </dl>
          {plan.submittedAt && plan.status !== 'draft' ? <Paragraph>{t('unitPlan.page.submittedAt', { date: date.format(new Date(plan.submittedAt)) })}</Paragraph> : null}
          {plan.approvedAt ? <Paragraph>{t('unitPlan.page.approvedBy', { name: plan.approvedByName ?? '', date: date.format(new Date(plan.approvedAt)) })}</Paragraph> : null}
          {plan.returnComment && plan.status === 'draft' ? (
            <Alert data-color="warning">
              <Heading level={2} data-size="xs">
                {t('unitPlan.page.returned')}
              </Heading>
              <Paragraph className="uplan-text">{plan.returnComment}</Paragraph>
            </Alert>
          ) : null}

          <section className="stack" aria-labelledby="uplan-export">
            <Heading level={2} data-size="sm" id="uplan-export">
              {t('unitPlan.page.export')}
            </Heading>
            <ul>
              <li>
                <a className="ds-link" href={`/unit-plans/${d.unit.id}/${d.year}/pdf`} download>
                  {t('unitPlan.page.pdf')}
                </a>
              </li>
              <li>
                <a className="ds-link" href={`/unit-plans/${d.unit.id}/${d.year}/xlsx`} download>
                  {t('unitPlan.page.xlsx')}
                </a>
              </li>
            </ul>
          </section>

          {d.can.submit || d.can.approve || d.can.sendBack || d.can.reopen || d.can.edit ? (
            <section className="stack" aria-labelledby="uplan-actions">
              <Heading level={2} data-size="sm" id="uplan-actions">
                {t('unitPlan.actionsBox.title')}
              </Heading>
              <div className="cplan-actions">
                {d.can.edit ? (
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="intent" value="prefill" />
                    <input type="hidden" name="version" value={String(plan.version)} />
                    <Button type="submit" variant="secondary">
                      {t('unitPlan.actionsBox.prefill')}
                    </Button>
                  </Form>
                ) : null}
                {d.can.submit ? move('submitted', t('unitPlan.actionsBox.submit')) : null}
                {d.can.approve ? move('approved', t('unitPlan.actionsBox.approve')) : null}
                {d.can.reopen ? move('draft', t('unitPlan.actionsBox.reopen')) : null}
              </div>
              {d.can.sendBack ? move('draft', t('unitPlan.actionsBox.sendBack'), true) : null}
            </section>
          ) : null}

          <TextSection id="uplan-trends" title={t('unitPlan.sections.trends')} text={plan.developmentTrends} t={t} />
          <TextSection id="uplan-economy" title={t('unitPlan.sections.economy')} text={plan.economyNote} t={t} />
          <TextSection id="uplan-standards" title={t('unitPlan.sections.standards')} text={plan.serviceStandards} t={t} />
          <TextSection id="uplan-facts" title={t('unitPlan.sections.facts')} text={plan.factsNote} t={t} />

          <section className="stack" aria-labelledby="uplan-actions-table">
            <Heading level={2} data-size="md" id="uplan-actions-table">
              {t('unitPlan.sections.actions')}
            </Heading>
            {d.actions.length === 0 ? (
              <Paragraph>{t('unitPlan.doc.empty')}</Paragraph>
            ) : (
              <DataTable
                className="uplan-table"
                caption={t('unitPlan.sections.actions')}
                captionHidden
                columns={[
                  { key: 'title', header: t('unitPlan.actions.title'), cell: (a) => (a.catalogueMeasureId ? <Link to={`/catalogue/measures/${a.catalogueMeasureId}`}>{a.title}</Link> : a.title) },
                  { key: 'competence', header: t('unitPlan.actions.competence'), cell: (a) => a.competence },
                  { key: 'responsible', header: t('unitPlan.actions.responsible'), cell: (a) => a.responsible },
                  { key: 'timing', header: t('unitPlan.actions.timing'), cell: (a) => a.timing },
                  { key: 'cost', header: t('unitPlan.actions.cost'), cell: (a) => nok(a.costNok), numeric: true },
                ]}
                rows={d.actions.map((a, i) => ({ ...a, key: String(i) }))}
                rowKey={(a) => a.key}
                footer={
                  <Table.Row>
                    <Table.HeaderCell scope="row" colSpan={4}>
                      {t('unitPlan.actions.total')}
                    </Table.HeaderCell>
                    <Table.Cell className="num">{nok(d.actionCostNok)}</Table.Cell>
                  </Table.Row>
                }
              />
            )}
          </section>

          <section className="stack" aria-labelledby="uplan-outlook">
            <Heading level={2} data-size="md" id="uplan-outlook">
              {t('unitPlan.sections.outlook')}
            </Heading>
            <UnitPlanTimeline years={d.outlookByYear} />
            {d.outlook.length === 0 ? (
              <Paragraph>{t('unitPlan.doc.empty')}</Paragraph>
            ) : (
              <DataTable
                className="uplan-table"
                caption={t('unitPlan.sections.outlook')}
                captionHidden
                columns={[
                  { key: 'year', header: t('unitPlan.outlook.year'), cell: (o) => o.year },
                  { key: 'title', header: t('unitPlan.outlook.title'), cell: (o) => o.title },
                  { key: 'competence', header: t('unitPlan.outlook.competence'), cell: (o) => o.competence },
                  { key: 'cost', header: t('unitPlan.outlook.cost'), cell: (o) => nok(o.costNok), numeric: true },
                ]}
                rows={d.outlook.map((o, i) => ({ ...o, key: String(i) }))}
                rowKey={(o) => o.key}
              />
            )}
          </section>

          <section className="stack" aria-labelledby="uplan-evaluations">
            <Heading level={2} data-size="md" id="uplan-evaluations">
              {t('unitPlan.sections.evaluations')}
            </Heading>
            {d.evaluations.length === 0 ? (
              <Paragraph>{t('unitPlan.doc.empty')}</Paragraph>
            ) : (
              <DataTable
                className="uplan-table"
                caption={t('unitPlan.sections.evaluations')}
                captionHidden
                columns={[
                  { key: 'title', header: t('unitPlan.evaluations.title'), cell: (e) => e.title },
                  { key: 'method', header: t('unitPlan.evaluations.method'), cell: (e) => e.competence },
                  { key: 'responsible', header: t('unitPlan.evaluations.responsible'), cell: (e) => e.responsible },
                ]}
                rows={d.evaluations.map((e, i) => ({ ...e, key: String(i) }))}
                rowKey={(e) => e.key}
              />
            )}
          </section>

          {d.can.edit ? <EditForm key={`${plan.version}-${typed ? 'typed' : 'stored'}`} d={d} error={actionData?.intent === 'save' ? error : null} typed={typed} /> : null}
        </>
      )}
    </div>
  );
}
