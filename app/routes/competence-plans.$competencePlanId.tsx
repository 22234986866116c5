// /competence-plans/:competencePlanId — one municipal competence plan: facts and status, the
// prioritised items drawn against the budget frame (waterfall with the frame line, and the same
// figures in a table), the planned measure mix, and for readers the units' needs by competence
// area and sector. Coordinators edit a draft (frame, summary, items); the executive or the
// coordinator approves; the coordinator publishes. Downloads as PDF and XLSX.
import { data, Form, redirect, useActionData, useSearchParams } from 'react-router';
import { Alert, Button, Checkbox, Fieldset, Heading, Input, Paragraph, Select, Table, ValidationMessage } from '@digdir/designsystemet-react';
import type { Route } from './+types/competence-plans.$competencePlanId';
import { getRequestInfo, getServices, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getCompetencePlan, type PlanItemView } from '../../core/competence-plan/get-competence-plan.ts';
import { updateCompetencePlan } from '../../core/competence-plan/update-competence-plan.ts';
import { addPlanItem } from '../../core/competence-plan/add-plan-item.ts';
import { updatePlanItem } from '../../core/competence-plan/update-plan-item.ts';
import { removePlanItem } from '../../core/competence-plan/remove-plan-item.ts';
import { moveCompetencePlan } from '../../core/competence-plan/move-competence-plan.ts';
import { savePlanOutlook } from '../../core/competence-plan/save-plan-outlook.ts';
import type { OutlookCell } from '../../core/competence-plan/competence-plan.rules.ts';
import { MEASURE_CLASS, MEASURE_TYPES } from '../../core/shared/measure-types.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { dateTimeFormat, numberFormat } from '../i18n/format.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, fieldId, formError, FormErrorSummary, type FormErrorPayload } from '../components/form-errors.tsx';
import { SelectInput, TextInput } from '../components/form-field.tsx';
import { TextArea } from '../components/plan-textarea.tsx';
import { MeasureMixBar } from '../components/measure-mix-bar.tsx';
import { PlanFrameChart } from '../components/plan-frame-chart.tsx';
import { PlanOutlookChart } from '../components/plan-outlook-chart.tsx';
import '../styles/org.css';
import '../styles/catalogue.css';
import '../styles/competence-plan.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => [
    { label: t('competencePlan.nav.title'), to: '/competence-plans' },
    ...(d && typeof d === 'object' && 'plan' in d ? [{ label: (d as { plan: { title: string } }).plan.title, to: `/competence-plans/${(d as { plan: { id: string } }).plan.id}` }] : []),
  ],
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return runForPage(context, () => getCompetencePlan({ database: getServices(context).database, actor, planId: params.competencePlanId }));
}

const itemInput = (form: FormData) => ({
  competenceAreaId: String(form.get('competenceAreaId') ?? ''),
  measureTypes: form.getAll('measureTypes').map(String),
  peopleCount: String(form.get('peopleCount') ?? ''),
  plannedCostNok: String(form.get('plannedCostNok') ?? ''),
  priority: String(form.get('priority') ?? ''),
  note: String(form.get('note') ?? ''),
});

/**
 * The outlook grid's cells in order, with the grid index of each kept cell. A cell of the
 * "another area" row (no area of its own: it takes the area chosen in the row's select) is
 * dropped when nothing is filled in.
 */
const outlookEntries = (form: FormData) => {
  const count = Math.min(Number(form.get('entryCount') ?? 0) || 0, 2000);
  const entries: Array<Record<'competenceAreaId' | 'year' | 'plannedCostNok' | 'peopleCount', string>> = [];
  const rowOf: number[] = [];
  for (let i = 0; i < count; i++) {
    const get = (f: string) => String(form.get(`entries.${i}.${f}`) ?? '');
    const own = form.has(`entries.${i}.competenceAreaId`);
    const entry = { competenceAreaId: own ? get('competenceAreaId') : String(form.get('extraArea') ?? ''), year: get('year'), plannedCostNok: get('plannedCostNok'), peopleCount: get('peopleCount') };
    if (!own && entry.plannedCostNok.trim() === '' && entry.peopleCount.trim() === '') continue;
    entries.push(entry);
    rowOf.push(i);
  }
  return { entries, rowOf };
};

/** Issues on kept cells point back at the grid cell the person filled in. */
function remapEntries(error: FormErrorPayload, rowOf: readonly number[]): FormErrorPayload {
  return { ...error, issues: error.issues.map((i) => ({ ...i, path: i.path.replace(/^entries\.(\d+)\./, (_m, k: string) => `entries.${rowOf[Number(k)] ?? k}.`) })) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const itemId = String(form.get('itemId') ?? '');
  const planVersion = String(form.get('planVersion') ?? '');
  const options = { database: getServices(context).database, actor, planId: params.competencePlanId, requestId: getRequestInfo(context).requestId };
  const outlook = outlookEntries(form);
  const run = (): Promise<unknown> => {
    switch (intent) {
      case 'settings':
        return updateCompetencePlan({ ...options, input: { version: planVersion, title: String(form.get('title') ?? ''), budgetFrameNok: String(form.get('budgetFrameNok') ?? ''), summary: String(form.get('summary') ?? '') } });
      case 'addItem':
        return addPlanItem({ ...options, input: { planVersion, ...itemInput(form) } });
      case 'updateItem':
        return updatePlanItem({ ...options, itemId, input: { planVersion, version: String(form.get('version') ?? ''), position: String(form.get('position') ?? ''), ...itemInput(form) } });
      case 'outlook':
        return savePlanOutlook({ ...options, input: { planVersion, entries: outlook.entries } });
      case 'removeItem':
        return removePlanItem({ ...options, itemId, input: { planVersion, version: String(form.get('version') ?? '') } });
      default:
        return moveCompetencePlan({ ...options, input: { version: planVersion, to: String(form.get('to') ?? '') } });
    }
  };
  const result = await runForForm(context, run);
  if (result.ok) return redirect(`/competence-plans/${params.competencePlanId}?saved=1`);
  const failed = intent === 'outlook' ? { ok: false as const, error: remapEntries(result.error, outlook.rowOf) } : result;
  return data({ result: failed, intent, itemId }, { status: STATUS_FOR[result.error.code] });
}

function ItemFields({ prefix, areas, item, error }: { prefix: string; areas: Array<{ id: string; name: string }>; item: PlanItemView | null; error: ReturnType<typeof formError> }) {
  const t = useT();
  return (
    <>
      <SelectInput prefix={prefix} name="competenceAreaId" label={t('competencePlan.items.area')} required defaultValue={item?.competenceAreaId ?? ''} emptyLabel="–" options={areas.map((a) => ({ value: a.id, label: a.name }))} error={fieldError(error, 'competenceAreaId')} />
      <Fieldset className="measure-choices" id={`${prefix}-measureTypes`}>
        <Fieldset.Legend>{t('competencePlan.items.measures')}</Fieldset.Legend>
        {(['work', 'course'] as const).map((cls) => (
          <Fieldset key={cls} className="measure-group">
            <Fieldset.Legend className="measure-group__label">{t(`measures.class.${cls}`)}</Fieldset.Legend>
            {MEASURE_TYPES.filter((m) => MEASURE_CLASS[m] === cls).map((m) => (
              <Checkbox key={m} name="measureTypes" value={m} defaultChecked={item?.measureTypes.includes(m) ?? false} label={t(`measures.type.${m}`)} data-size="sm" />
            ))}
          </Fieldset>
        ))}
        {fieldError(error, 'measureTypes') ? <p className="ds-validation-message" data-color="danger">{fieldError(error, 'measureTypes')}</p> : null}
      </Fieldset>
      <TextInput prefix={prefix} name="peopleCount" inputMode="numeric" width="short" label={t('competencePlan.items.people')} defaultValue={item?.peopleCount ?? ''} error={fieldError(error, 'peopleCount')} />
      <TextInput prefix={prefix} name="plannedCostNok" inputMode="numeric" width="short" label={t('competencePlan.items.cost')} description={t('competencePlan.items.costHelp')} required defaultValue={item?.plannedCostNok ?? ''} error={fieldError(error, 'plannedCostNok')} />
      <SelectInput prefix={prefix} name="priority" label={t('competencePlan.items.priority')} required defaultValue={String(item?.priority ?? 2)} options={[1, 2, 3].map((p) => ({ value: String(p), label: t(`competencePlan.priority.${p}`) }))} error={fieldError(error, 'priority')} />
      <TextInput prefix={prefix} name="note" label={t('competencePlan.items.note')} defaultValue={item?.note ?? ''} error={fieldError(error, 'note')} />
    </>
  );
}

export default function CompetencePlanPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const [params] = useSearchParams();
  const num = numberFormat(language, { maximumFractionDigits: 0 });
  const nok = (n: number) => `${num.format(n)} kr`;
  const date = dateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });
  const actionData = useActionData<typeof action>();
  const error = formError(actionData?.result);
  const { plan, framed, aggregate } = d;
  const planVersion = String(plan.version);
  const errorPrefix = actionData?.intent === 'outlook' ? 'outlook' : actionData?.intent === 'updateItem' || actionData?.intent === 'removeItem' ? `item-${actionData.itemId}` : actionData?.intent === 'addItem' ? 'item-new' : 'cplan';
  const move = (to: 'approved' | 'published' | 'draft', label: string) => (
    <Form method="post">
      <CsrfField />
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="to" value={to} />
      <input type="hidden" name="planVersion" value={planVersion} />
      <Button type="submit" variant={to === 'draft' ? 'secondary' : 'primary'}>
        {label}
      </Button>
    </Form>
  );
  return (
    <div className="stack">
      <title>{`${plan.title} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {plan.title}
      </Heading>
      {params.get('saved') ? (
        <Alert data-color="success" role="status">
          {t('competencePlan.plan.saved')}
        </Alert>
      ) : null}
      <FormErrorSummary error={error} prefix={errorPrefix} />
      <Heading level={2} className="visually-hidden">
        {t('competencePlan.plan.facts')}
      </Heading>
      <dl className="cplan-facts">
        <dt>{t('competencePlan.list.year')}</dt>
        <dd>{plan.year}</dd>
        <dt>{t('competencePlan.list.status')}</dt>
        <dd>{t(`competencePlan.status.${plan.status}`)}</dd>
        <dt>{t('competencePlan.list.frame')}</dt>
        <dd>{plan.budgetFrameNok === null ? t('competencePlan.chart.noFrame') : nok(plan.budgetFrameNok)}</dd>
        <dt>{t('competencePlan.items.cost')}</dt>
        <dd>{nok(framed.totalNok)}</dd>
      </dl>
      {plan.approvedAt ? <Paragraph>{t('competencePlan.plan.approvedBy', { name: plan.approvedByName ?? '', date: date.format(new Date(plan.approvedAt)) })}</Paragraph> : null}
      {plan.publishedAt ? <Paragraph>{t('competencePlan.plan.publishedAt', { date: date.format(new Date(plan.publishedAt)) })}</Paragraph> : null}
      {plan.status === 'draft' && aggregate ? <Paragraph>{t('competencePlan.plan.draftNote')}</Paragraph> : null}
      {plan.summary ? <Paragraph className="cplan-summary">{plan.summary}</Paragraph> : null}

      <section className="stack" aria-labelledby="cplan-export">
        <Heading level={2} data-size="sm" id="cplan-export">
          {t('competencePlan.plan.export')}
        </Heading>
        <ul>
          <li>
            <a className="ds-link" href={`/competence-plans/${plan.id}/pdf`} download>
              {t('competencePlan.plan.pdf')}
            </a>
          </li>
          <li>
            <a className="ds-link" href={`/competence-plans/${plan.id}/xlsx`} download>
              {t('competencePlan.plan.xlsx')}
            </a>
          </li>
        </ul>
      </section>

      {d.can.approve || d.can.publish || d.can.reopen ? (
        <section className="stack" aria-labelledby="cplan-actions">
          <Heading level={2} data-size="sm" id="cplan-actions">
            {t('competencePlan.plan.actions')}
          </Heading>
          <div className="cplan-actions">
            {d.can.approve ? move('approved', t('competencePlan.plan.approve')) : null}
            {d.can.publish ? move('published', t('competencePlan.plan.publish')) : null}
            {d.can.reopen ? move('draft', t('competencePlan.plan.reopen')) : null}
          </div>
        </section>
      ) : null}

      <section className="stack" aria-labelledby="cplan-items">
        <Heading level={2} data-size="md" id="cplan-items">
          {t('competencePlan.items.title')}
        </Heading>
        <Paragraph>{t('competencePlan.items.intro')}</Paragraph>
        {framed.items.length === 0 ? (
          <Paragraph>{t('competencePlan.items.empty')}</Paragraph>
        ) : (
          <>
            <PlanFrameChart framed={framed} />
            <Table className="cplan-table">
              <caption>{t('competencePlan.items.title')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>#</Table.HeaderCell>
                  <Table.HeaderCell>{t('competencePlan.items.priority')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('competencePlan.items.area')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('competencePlan.items.measures')}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t('competencePlan.items.people')}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t('competencePlan.items.cost')}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t('competencePlan.items.cumulative')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {framed.items.map((item, i) => (
                  <Table.Row key={item.id} className={framed.cutIndex === i ? 'cplan-cut' : undefined}>
                    <Table.Cell>{i + 1}</Table.Cell>
                    <Table.Cell>{t(`competencePlan.priority.${item.priority}`)}</Table.Cell>
                    <Table.Cell>
                      {item.areaName}
                      {item.note ? <div className="cplan-note">{item.note}</div> : null}
                    </Table.Cell>
                    <Table.Cell>{item.measureTypes.map((m) => t(`measures.type.${m}`)).join(', ')}</Table.Cell>
                    <Table.Cell className="num">{num.format(item.peopleCount)}</Table.Cell>
                    <Table.Cell className="num">{nok(item.plannedCostNok)}</Table.Cell>
                    <Table.Cell className="num">
                      {nok(item.cumulativeNok)}
                      {item.withinFrame ? null : <span className="cplan-over"> ({t('competencePlan.items.overFrame')})</span>}
                    </Table.Cell>
                  </Table.Row>
                ))}
                <Table.Row>
                  <Table.HeaderCell scope="row" colSpan={5}>
                    {t('competencePlan.items.total')}
                  </Table.HeaderCell>
                  <Table.Cell className="num">{nok(framed.totalNok)}</Table.Cell>
                  <Table.Cell className="num">
                    {framed.remainingNok === null ? '' : framed.remainingNok >= 0 ? t('competencePlan.chart.remaining', { amount: nok(framed.remainingNok) }) : t('competencePlan.chart.overBy', { amount: nok(-framed.remainingNok) })}
                  </Table.Cell>
                </Table.Row>
              </Table.Body>
            </Table>
            <Heading level={3} data-size="xs">
              {t('competencePlan.needs.mix')}
            </Heading>
            <MeasureMixBar course={Math.round(d.mix.course)} work={Math.round(d.mix.work)} />
          </>
        )}
      </section>

      <OutlookSection view={d} error={actionData?.intent === 'outlook' ? error : null} />

      {d.can.edit ? (
        <>
          <section className="stack cplan-card" aria-labelledby="cplan-edit-items">
            <Heading level={2} data-size="sm" id="cplan-edit-items">
              {t('competencePlan.items.addTitle')}
            </Heading>
            <Form method="post" className="cplan-item-form">
              <CsrfField />
              <input type="hidden" name="intent" value="addItem" />
              <input type="hidden" name="planVersion" value={planVersion} />
              <ItemFields prefix="item-new" areas={d.areas} item={null} error={actionData?.intent === 'addItem' ? error : null} />
              <div>
                <Button type="submit">{t('competencePlan.items.add')}</Button>
              </div>
            </Form>
            {framed.items.map((item, i) => (
              <details key={item.id} className="cplan-edit">
                <summary>{t('competencePlan.items.editTitle', { n: i + 1, area: item.areaName })}</summary>
                <Form method="post" className="cplan-item-form">
                  <CsrfField />
                  <input type="hidden" name="intent" value="updateItem" />
                  <input type="hidden" name="itemId" value={item.id} />
                  <input type="hidden" name="version" value={item.version} />
                  <input type="hidden" name="planVersion" value={planVersion} />
                  <ItemFields prefix={`item-${item.id}`} areas={d.areas} item={item} error={actionData?.itemId === item.id ? error : null} />
                  <TextInput prefix={`item-${item.id}`} name="position" inputMode="numeric" width="short" label={t('competencePlan.items.position')} required defaultValue={item.position} />
                  <div>
                    <Button type="submit">{t('competencePlan.items.save')}</Button>
                  </div>
                </Form>
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="intent" value="removeItem" />
                  <input type="hidden" name="itemId" value={item.id} />
                  <input type="hidden" name="version" value={item.version} />
                  <input type="hidden" name="planVersion" value={planVersion} />
                  <Button type="submit" variant="secondary" data-color="danger">
                    {t('competencePlan.items.remove')}
                  </Button>
                </Form>
              </details>
            ))}
          </section>
          <section className="stack cplan-card" aria-labelledby="cplan-settings">
            <Heading level={2} data-size="sm" id="cplan-settings">
              {t('competencePlan.plan.settings')}
            </Heading>
            <Form method="post" className="stack">
              <CsrfField />
              <input type="hidden" name="intent" value="settings" />
              <input type="hidden" name="planVersion" value={planVersion} />
              <TextInput prefix="cplan" name="title" label={t('competencePlan.form.title')} required defaultValue={plan.title} error={fieldError(error, 'title')} />
              <TextInput prefix="cplan" name="budgetFrameNok" inputMode="numeric" width="short" label={t('competencePlan.form.frame')} description={t('competencePlan.form.frameHelp')} defaultValue={plan.budgetFrameNok ?? ''} error={fieldError(error, 'budgetFrameNok')} />
              <TextArea prefix="cplan" name="summary" label={t('competencePlan.form.summary')} description={t('competencePlan.form.summaryHelp')} defaultValue={plan.summary} error={fieldError(error, 'summary')} />
              <div>
                <Button type="submit">{t('competencePlan.form.save')}</Button>
              </div>
            </Form>
          </section>
        </>
      ) : plan.status !== 'draft' && aggregate ? (
        <Paragraph>{t('competencePlan.plan.readOnly')}</Paragraph>
      ) : null}

      {aggregate ? (
        <section className="stack" aria-labelledby="cplan-needs">
          <Heading level={2} data-size="md" id="cplan-needs">
            {t('competencePlan.needs.title')}
          </Heading>
          <Paragraph>{t('competencePlan.needs.intro', { year: plan.year })}</Paragraph>
          {aggregate.areas.length === 0 ? (
            <Paragraph>{t('competencePlan.needs.empty')}</Paragraph>
          ) : (
            <>
              <Table className="cplan-table" zebra>
                <caption>{t('competencePlan.needs.title')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('competencePlan.needs.area')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('competencePlan.needs.sector')}</Table.HeaderCell>
                    <Table.HeaderCell className="num">{t('competencePlan.needs.short')}</Table.HeaderCell>
                    <Table.HeaderCell className="num">{t('competencePlan.needs.long')}</Table.HeaderCell>
                    <Table.HeaderCell className="num">{t('competencePlan.needs.cost')}</Table.HeaderCell>
                    <Table.HeaderCell className="num">{t('competencePlan.needs.substitute')}</Table.HeaderCell>
                    <Table.HeaderCell className="num">{t('competencePlan.needs.total')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {aggregate.areas.map((a) => (
                    <Table.Row key={a.areaId}>
                      <Table.HeaderCell scope="row">{a.areaName}</Table.HeaderCell>
                      <Table.Cell>{a.sectors.map((s) => `${s.sectorName ?? t('competencePlan.needs.noSector')} (${nok(s.totalNok)})`).join(', ')}</Table.Cell>
                      <Table.Cell className="num">{num.format(a.short.people)}</Table.Cell>
                      <Table.Cell className="num">{num.format(a.long.people)}</Table.Cell>
                      <Table.Cell className="num">{nok(a.total.costNok)}</Table.Cell>
                      <Table.Cell className="num">{nok(a.total.substituteCostNok)}</Table.Cell>
                      <Table.Cell className="num">{nok(a.total.totalNok)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
              <Table className="cplan-table">
                <caption>{t('competencePlan.needs.bySector')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('competencePlan.needs.sector')}</Table.HeaderCell>
                    <Table.HeaderCell className="num">{t('competencePlan.needs.people')}</Table.HeaderCell>
                    <Table.HeaderCell className="num">{t('competencePlan.needs.total')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {aggregate.sectors.map((s) => (
                    <Table.Row key={s.sectorId ?? '-'}>
                      <Table.HeaderCell scope="row">{s.sectorName ?? t('competencePlan.needs.noSector')}</Table.HeaderCell>
                      <Table.Cell className="num">{num.format(s.people)}</Table.Cell>
                      <Table.Cell className="num">{nok(s.totalNok)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}

type PlanView = Route.ComponentProps['loaderData'];

/** The 4-year outlook: the small multiples, the same figures as a table, and for editors the grid to record the planned amounts of years 2–4. */
function OutlookSection({ view, error }: { view: PlanView; error: ReturnType<typeof formError> }) {
  const t = useT();
  const language = useLanguage();
  const num = numberFormat(language, { maximumFractionDigits: 0 });
  const nok = (n: number) => `${num.format(n)} kr`;
  const { outlook, plan } = view;
  const later = outlook.years.slice(1);
  const inOutlook = new Set(outlook.areas.map((a) => a.areaId));
  const others = view.areas.filter((a) => !inOutlook.has(a.id));
  const cell = (c: OutlookCell, kind: 'need' | 'planned') => {
    const amount = kind === 'need' ? c.needNok : c.plannedNok;
    const people = kind === 'need' ? c.needPeople : c.plannedPeople;
    if (amount === null) return <span className="cplan-undecided">{t('competencePlan.outlook.notDecided')}</span>;
    return (
      <>
        {nok(amount)}
        {people ? <div className="cplan-note">{t('competencePlan.outlook.peopleN', { n: num.format(people) })}</div> : null}
      </>
    );
  };
  // One entry per area and later year, in this order; the extra "another area" row last.
  let index = 0;
  const entryRows = outlook.areas.map((a) => ({ area: a, entries: later.map((year, i) => ({ year, i: index++, cell: a.cells[i + 1]! })) }));
  const extra = later.map((year) => ({ year, i: index++ }));
  const entryCount = index;
  const amountInput = (i: number, label: string, value: number | null, name: 'plannedCostNok' | 'peopleCount') => {
    const id = fieldId('outlook', `entries.${i}.${name}`);
    const err = fieldError(error, `entries.${i}.${name}`);
    return (
      <>
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
        <Input id={id} name={`entries.${i}.${name}`} inputMode="numeric" autoComplete="off" defaultValue={value ?? ''} data-size="sm" aria-invalid={err ? true : undefined} aria-describedby={err ? `${id}-error` : undefined} />
        {err ? <ValidationMessage id={`${id}-error`}>{err}</ValidationMessage> : null}
      </>
    );
  };
  return (
    <section className="stack" aria-labelledby="cplan-outlook">
      <Heading level={2} data-size="md" id="cplan-outlook">
        {t('competencePlan.outlook.title')}
      </Heading>
      <Paragraph>{t(outlook.withNeeds ? 'competencePlan.outlook.intro' : 'competencePlan.outlook.introPublished', { from: outlook.years[0]!, to: outlook.years.at(-1)! })}</Paragraph>
      {outlook.areas.length === 0 ? (
        <Paragraph>{t('competencePlan.outlook.empty')}</Paragraph>
      ) : (
        <>
          <PlanOutlookChart outlook={outlook} />
          <div className="table-scroll">
            <Table className="cplan-table cplan-outlook-table" data-size="sm">
              <caption>{t('competencePlan.outlook.table')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell rowSpan={outlook.withNeeds ? 2 : 1}>{t('competencePlan.outlook.area')}</Table.HeaderCell>
                  {outlook.years.map((y, i) =>
                    outlook.withNeeds ? (
                      <Table.HeaderCell key={y} colSpan={2} scope="colgroup" className="num">
                        {`${y} (${t('competencePlan.outlook.yearN', { n: i + 1 })})`}
                      </Table.HeaderCell>
                    ) : (
                      <Table.HeaderCell key={y} className="num">
                        {`${y} (${t('competencePlan.outlook.yearN', { n: i + 1 })})`}
                      </Table.HeaderCell>
                    ),
                  )}
                </Table.Row>
                {outlook.withNeeds ? (
                  <Table.Row>
                    {outlook.years.flatMap((y) => [
                      <Table.HeaderCell key={`${y}-n`} className="num">
                        {t('competencePlan.outlook.needs')}
                      </Table.HeaderCell>,
                      <Table.HeaderCell key={`${y}-p`} className="num">
                        {t('competencePlan.outlook.planned')}
                      </Table.HeaderCell>,
                    ])}
                  </Table.Row>
                ) : null}
              </Table.Head>
              <Table.Body>
                {[...outlook.areas.map((a) => ({ key: a.areaId, name: a.areaName, cells: a.cells })), { key: 'total', name: t('competencePlan.outlook.total'), cells: outlook.totals }].map((row) => (
                  <Table.Row key={row.key}>
                    <Table.HeaderCell scope="row">{row.name}</Table.HeaderCell>
                    {row.cells.flatMap((c) => [
                      ...(outlook.withNeeds
                        ? [
                            <Table.Cell key={`${c.year}-n`} className="num">
                              {cell(c, 'need')}
                            </Table.Cell>,
                          ]
                        : []),
                      <Table.Cell key={`${c.year}-p`} className="num">
                        {cell(c, 'planned')}
                      </Table.Cell>,
                    ])}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
      {view.can.edit ? (
        <section className="stack cplan-card" aria-labelledby="cplan-outlook-edit">
          <Heading level={3} data-size="sm" id="cplan-outlook-edit">
            {t('competencePlan.outlook.editTitle', { year: plan.year })}
          </Heading>
          <Paragraph data-size="sm">{t('competencePlan.outlook.editIntro', { year: plan.year })}</Paragraph>
          {/* Keyed on the plan's version: after a save the grid shows what is stored. */}
          <Form method="post" className="stack" key={plan.version}>
            <CsrfField />
            <input type="hidden" name="intent" value="outlook" />
            <input type="hidden" name="planVersion" value={String(plan.version)} />
            <input type="hidden" name="entryCount" value={entryCount} />
            <div className="cplan-outlook-grid">
              <Table className="cplan-table" data-size="sm">
                <caption>{t('competencePlan.outlook.editTitle', { year: plan.year })}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('competencePlan.outlook.area')}</Table.HeaderCell>
                    {later.map((y) => (
                      <Table.HeaderCell key={y}>{`${y}: ${t('competencePlan.outlook.plannedCost')} / ${t('competencePlan.outlook.plannedPeople').toLowerCase()}`}</Table.HeaderCell>
                    ))}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {entryRows.map(({ area, entries }) => (
                    <Table.Row key={area.areaId}>
                      <Table.HeaderCell scope="row">{area.areaName}</Table.HeaderCell>
                      {entries.map((e) => (
                        <Table.Cell key={e.year}>
                          <input type="hidden" name={`entries.${e.i}.competenceAreaId`} value={area.areaId} />
                          <input type="hidden" name={`entries.${e.i}.year`} value={e.year} />
                          {amountInput(e.i, t('competencePlan.outlook.amount', { area: area.areaName, year: e.year }), e.cell.plannedNok, 'plannedCostNok')}
                          {amountInput(e.i, t('competencePlan.outlook.people', { area: area.areaName, year: e.year }), e.cell.plannedPeople, 'peopleCount')}
                        </Table.Cell>
                      ))}
                    </Table.Row>
                  ))}
                  {others.length ? (
                    <Table.Row>
                      <Table.HeaderCell scope="row">
                        <label htmlFor="outlook-extra-area" className="visually-hidden">
                          {t('competencePlan.outlook.otherArea')}
                        </label>
                        <Select id="outlook-extra-area" data-size="sm" defaultValue="" name="extraArea">
                          <Select.Option value="">{t('competencePlan.outlook.otherArea')}</Select.Option>
                          {others.map((a) => (
                            <Select.Option key={a.id} value={a.id}>
                              {a.name}
                            </Select.Option>
                          ))}
                        </Select>
                      </Table.HeaderCell>
                      {extra.map((e) => (
                        <Table.Cell key={e.year}>
                          <input type="hidden" name={`entries.${e.i}.year`} value={e.year} />
                          {amountInput(e.i, t('competencePlan.outlook.amount', { area: t('competencePlan.outlook.otherArea'), year: e.year }), null, 'plannedCostNok')}
                          {amountInput(e.i, t('competencePlan.outlook.people', { area: t('competencePlan.outlook.otherArea'), year: e.year }), null, 'peopleCount')}
                        </Table.Cell>
                      ))}
                    </Table.Row>
                  ) : null}
                </Table.Body>
              </Table>
            </div>
            <div>
              <Button type="submit">{t('competencePlan.outlook.save')}</Button>
            </div>
          </Form>
        </section>
      ) : null}
    </section>
  );
}
