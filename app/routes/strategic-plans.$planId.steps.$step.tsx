// /strategic-plans/:planId/steps/:step — one of KS's seven steps as a guided page: what to do
// in plain language, who takes part, the step's own content (goals in step 3, the definition
// of competence in step 4, the staffing analysis and required numbers in step 5, strategies
// with measures on the annual wheel in step 6, follow-up in step 7), and the step's notes,
// participants and "done" mark. Each form posts an intent that calls one use case.
import { data, Form, Link, useActionData } from 'react-router';
import { Alert, Button, Checkbox, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Route } from './+types/strategic-plans.$planId.steps.$step';
import { getRequestInfo, getServices, getSessionState, requireActor, runForForm, runForPage } from '../server/route-helpers.server.ts';
import { getPlanStep, type PlanStepPage } from '../../core/strategic-plan/get-plan-step.ts';
import { savePlanStep } from '../../core/strategic-plan/save-plan-step.ts';
import { addPlanGoal } from '../../core/strategic-plan/add-plan-goal.ts';
import { saveCompetenceDefinition } from '../../core/strategic-plan/save-competence-definition.ts';
import { saveCompetenceAnalysis } from '../../core/strategic-plan/save-competence-analysis.ts';
import { saveStaffingRequirement } from '../../core/strategic-plan/save-staffing-requirement.ts';
import { addPlanStrategy } from '../../core/strategic-plan/add-plan-strategy.ts';
import { addStrategyMeasure } from '../../core/strategic-plan/add-strategy-measure.ts';
import { STATUS_FOR } from '../http/problem.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { CsrfField } from '../components/csrf-field.tsx';
import { fieldError, formError, FormErrorSummary, type FormErrorPayload } from '../components/form-errors.tsx';
import { SelectInput, TextInput } from '../components/form-field.tsx';
import { TextArea } from '../components/plan-textarea.tsx';
import { StaffingAnalysisView } from '../components/staffing-analysis-view.tsx';
import { formatDate } from '../components/wheel-format.ts';
import '../styles/org.css';
import '../styles/strategic-plan.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const x = d as { plan?: { id: string; title: string }; step?: number } | undefined;
    if (!x?.plan) return [{ label: t('strategicPlan.nav.title'), to: '/strategic-plans' }];
    return [
      { label: t('strategicPlan.nav.title'), to: '/strategic-plans' },
      { label: x.plan.title, to: `/strategic-plans/${x.plan.id}` },
      { label: t('strategicPlan.step.title', { step: x.step ?? '', name: t(`strategicPlan.steps.${x.step}.name`) }), to: `/strategic-plans/${x.plan.id}/steps/${x.step}` },
    ];
  },
};

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return runForPage(context, () => getPlanStep({ database: getServices(context).database, actor, planId: params.planId, step: params.step, requestId: getRequestInfo(context).requestId }));
}

const str = (form: FormData, key: string) => String(form.get(key) ?? '');

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await request.formData();
  const database = getServices(context).database;
  const requestId = getRequestInfo(context).requestId;
  const planId = params.planId;
  const intent = str(form, 'intent');
  const run = async (fn: () => Promise<unknown>) => {
    const result = await runForForm(context, fn);
    return data({ intent, target: str(form, 'target-id'), result: result.ok ? { ok: true as const } : result }, { status: result.ok ? 200 : STATUS_FOR[result.error.code] });
  };
  switch (intent) {
    case 'goal':
      return run(() => addPlanGoal({ database, actor, planId, requestId, input: { source: str(form, 'source'), document: str(form, 'document'), reference: str(form, 'reference'), text: str(form, 'text') } }));
    case 'definition':
      return run(() => saveCompetenceDefinition({ database, actor, planId, requestId, input: { version: str(form, 'version'), competenceDefinition: str(form, 'competenceDefinition') } }));
    case 'competence':
      return run(() =>
        saveCompetenceAnalysis({ database, actor, planId, requestId, input: { version: str(form, 'version'), competenceRequirements: str(form, 'competenceRequirements'), competenceCapital: str(form, 'competenceCapital'), competenceNeeds: str(form, 'competenceNeeds') } }),
      );
    case 'requirement':
      return run(() => saveStaffingRequirement({ database, actor, planId, requestId, input: { styrk08: str(form, 'styrk08'), basis: str(form, 'basis'), values: [...new Set(form.keys())].filter((k) => /^required-\d{4}$/.test(k)).sort().map((k) => str(form, k)) } }));
    case 'strategy':
      return run(() =>
        addPlanStrategy({ database, actor, planId, requestId, input: { kind: str(form, 'kind'), target: str(form, 'target'), styrk08: str(form, 'styrk08'), generalCompetence: str(form, 'generalCompetence'), title: str(form, 'title'), description: str(form, 'description') } }),
      );
    case 'measure':
      return run(() => addStrategyMeasure({ database, actor, planId, strategyId: str(form, 'strategyId'), language: getSessionState(context).language, requestId, input: { title: str(form, 'title'), deadline: str(form, 'deadline') } }));
    default:
      return run(() => savePlanStep({ database, actor, planId, step: params.step, requestId, input: { version: str(form, 'version'), notes: str(form, 'notes'), participants: str(form, 'participants'), done: form.get('done') === 'on' } }));
  }
}

type ActionData = { intent: string; target: string; result: { ok: true } | { ok: false; error: FormErrorPayload } };

function errorFor(actionData: ActionData | undefined, intent: string, target = ''): FormErrorPayload | null {
  if (!actionData || actionData.intent !== intent || actionData.target !== target) return null;
  return formError(actionData.result);
}

export default function PlanStepPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const stepName = t(`strategicPlan.steps.${d.step}.name`);
  const workError = errorFor(actionData, 'step');
  const saved = actionData?.result.ok === true;
  return (
    <div className="stack">
      <title>{`${t('strategicPlan.step.title', { step: d.step, name: stepName })} – ${d.plan.title} – Rytme`}</title>
      <Heading level={1} data-size="lg">
        {t('strategicPlan.step.title', { step: d.step, name: stepName })}
      </Heading>
      <Paragraph>
        {d.plan.title} · {t('strategicPlan.plan.period', { start: d.plan.startYear, end: d.plan.endYear })} · {d.plan.scopeName ?? t('strategicPlan.list.wholeMunicipality')}
      </Paragraph>
      {saved ? <Alert data-color="success">{t('strategicPlan.plan.saved')}</Alert> : null}
      <div className="plan-step-layout">
        <nav aria-label={t('strategicPlan.step.nav')} className="no-print">
          <ol className="plan-steps">
            {d.steps.map((s) => (
              <li key={s.step}>
                <Link to={`/strategic-plans/${d.plan.id}/steps/${s.step}`} className="ds-link" aria-current={s.step === d.step ? 'page' : undefined}>
                  {`${s.done ? '✓' : '○'} ${s.step}. ${t(`strategicPlan.steps.${s.step}.name`)}`}
                  <span className="visually-hidden">{` (${s.done ? t('strategicPlan.plan.done') : t('strategicPlan.plan.notDone')})`}</span>
                </Link>
              </li>
            ))}
          </ol>
        </nav>
        <div className="stack">
          <section className="stack" aria-labelledby="what-heading">
            <Heading level={2} data-size="sm" id="what-heading">
              {t('strategicPlan.step.whatToDo')}
            </Heading>
            <Paragraph>{t(`strategicPlan.steps.${d.step}.what`)}</Paragraph>
            <Heading level={2} data-size="sm">
              {t('strategicPlan.step.whoTakesPart')}
            </Heading>
            <Paragraph>{t(`strategicPlan.steps.${d.step}.who`)}</Paragraph>
          </section>

          {d.step === 3 ? <GoalsSection d={d} actionData={actionData} /> : null}
          {d.step === 4 ? <DefinitionSection d={d} actionData={actionData} /> : null}
          {d.step === 5 && d.analysis ? (
            <section className="stack" aria-labelledby="analysis-heading">
              <Heading level={2} data-size="md" id="analysis-heading">
                {t('strategicPlan.analysis.title')}
              </Heading>
              <CompetenceSection d={d} actionData={actionData} />
              <StaffingAnalysisView analysis={d.analysis} headingLevel={3} />
              {d.canWrite ? <RequirementForms d={d} actionData={actionData} /> : null}
            </section>
          ) : null}
          {d.step === 6 ? <StrategiesSection d={d} actionData={actionData} /> : null}
          {d.step === 7 ? <FollowUpSection d={d} /> : null}

          <section className="stack plan-card" aria-labelledby="work-heading">
            <Heading level={2} data-size="sm" id="work-heading">
              {t('strategicPlan.step.work')}
            </Heading>
            {d.work.doneAt ? <Paragraph>{t('strategicPlan.step.doneAt', { date: formatDate(d.work.doneAt.slice(0, 10), language) })}</Paragraph> : null}
            {d.canWrite ? (
              <>
                <FormErrorSummary error={workError} prefix="work" />
                <Form method="post" className="stack">
                  <CsrfField />
                  <input type="hidden" name="intent" value="step" />
                  <input type="hidden" name="version" value={d.work.version} />
                  <TextArea prefix="work" name="participants" label={t('strategicPlan.step.participants')} rows={2} defaultValue={d.work.participants} error={fieldError(workError, 'participants')} />
                  <TextArea prefix="work" name="notes" label={t('strategicPlan.step.notes')} rows={6} defaultValue={d.work.notes} error={fieldError(workError, 'notes')} />
                  <Checkbox name="done" label={t('strategicPlan.step.markDone')} defaultChecked={d.work.done} />
                  <div>
                    <Button type="submit">{t('strategicPlan.step.save')}</Button>
                  </div>
                </Form>
              </>
            ) : (
              <>
                <Heading level={3} data-size="xs">
                  {t('strategicPlan.step.participants')}
                </Heading>
                <Paragraph>{d.work.participants || t('strategicPlan.print.noNotes')}</Paragraph>
                <Heading level={3} data-size="xs">
                  {t('strategicPlan.step.notes')}
                </Heading>
                <Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.work.notes || t('strategicPlan.print.noNotes')}</Paragraph>
              </>
            )}
          </section>
          <div className="cluster no-print">
            {d.step > 1 ? (
              <Link to={`/strategic-plans/${d.plan.id}/steps/${d.step - 1}`} className="ds-link">
                {`← ${t('strategicPlan.step.previous')}`}
              </Link>
            ) : null}
            {d.step < 7 ? (
              <Link to={`/strategic-plans/${d.plan.id}/steps/${d.step + 1}`} className="ds-link">
                {`${t('strategicPlan.step.next')} →`}
              </Link>
            ) : null}
          </div>
        </div>
      </div>
    </div>
  );
}

function GoalsSection({ d, actionData }: { d: PlanStepPage; actionData: ActionData | undefined }) {
  const t = useT();
  const error = errorFor(actionData, 'goal');
  return (
    <section className="stack" aria-labelledby="goals-heading">
      <Heading level={2} data-size="md" id="goals-heading">
        {t('strategicPlan.goals.title')}
      </Heading>
      {d.goals.length === 0 ? (
        <Paragraph>{t('strategicPlan.goals.empty')}</Paragraph>
      ) : (
        <Table>
          <caption className="visually-hidden">{t('strategicPlan.goals.title')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('strategicPlan.goals.text')}</Table.HeaderCell>
              <Table.HeaderCell>{t('strategicPlan.goals.source')}</Table.HeaderCell>
              <Table.HeaderCell>{t('strategicPlan.goals.document')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {d.goals.map((g) => (
              <Table.Row key={g.id}>
                <Table.Cell>{g.text}</Table.Cell>
                <Table.Cell>{t(`strategicPlan.goals.sources.${g.source}`)}</Table.Cell>
                <Table.Cell>{g.reference ? `${g.document}, ${g.reference}` : g.document}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {d.canWrite ? (
        <div className="stack plan-card">
          <Heading level={3} data-size="xs">
            {t('strategicPlan.goals.add')}
          </Heading>
          <FormErrorSummary error={error} prefix="goal" />
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="goal" />
            <TextArea prefix="goal" name="text" label={t('strategicPlan.goals.text')} required rows={3} error={fieldError(error, 'text')} />
            <SelectInput prefix="goal" name="source" label={t('strategicPlan.goals.source')} required defaultValue="municipal_plan" options={(['municipal_plan', 'employer_strategy', 'economy_plan', 'national_reform', 'demography'] as const).map((s) => ({ value: s, label: t(`strategicPlan.goals.sources.${s}`) }))} error={fieldError(error, 'source')} />
            <TextInput prefix="goal" name="document" label={t('strategicPlan.goals.document')} required error={fieldError(error, 'document')} />
            <TextInput prefix="goal" name="reference" label={t('strategicPlan.goals.reference')} error={fieldError(error, 'reference')} />
            <div>
              <Button type="submit" variant="secondary">
                {t('strategicPlan.goals.add')}
              </Button>
            </div>
          </Form>
        </div>
      ) : null}
    </section>
  );
}

function DefinitionSection({ d, actionData }: { d: PlanStepPage; actionData: ActionData | undefined }) {
  const t = useT();
  const error = errorFor(actionData, 'definition');
  return (
    <section className="stack" aria-labelledby="definition-heading">
      <Heading level={2} data-size="md" id="definition-heading">
        {t('strategicPlan.definition.title')}
      </Heading>
      {d.canWrite ? (
        <>
          <FormErrorSummary error={error} prefix="definition" />
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="definition" />
            <input type="hidden" name="version" value={d.plan.version} />
            <TextArea prefix="definition" name="competenceDefinition" label={t('strategicPlan.definition.label')} description={t('strategicPlan.definition.example')} rows={5} defaultValue={d.plan.competenceDefinition} error={fieldError(error, 'competenceDefinition')} />
            <div>
              <Button type="submit" variant="secondary">
                {t('strategicPlan.form.save')}
              </Button>
            </div>
          </Form>
        </>
      ) : (
        <Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.plan.competenceDefinition || t('strategicPlan.definition.empty')}</Paragraph>
      )}
    </section>
  );
}

function CompetenceSection({ d, actionData }: { d: PlanStepPage; actionData: ActionData | undefined }) {
  const t = useT();
  const error = errorFor(actionData, 'competence');
  const fields = [
    ['competenceRequirements', 'strategicPlan.competence.requirements', d.plan.competenceRequirements],
    ['competenceCapital', 'strategicPlan.competence.capital', d.plan.competenceCapital],
    ['competenceNeeds', 'strategicPlan.competence.needs', d.plan.competenceNeeds],
  ] as const;
  return (
    <div className="stack">
      <Heading level={3} data-size="sm">
        {t('strategicPlan.competence.title')}
      </Heading>
      <Paragraph data-size="sm">{t('strategicPlan.competence.help')}</Paragraph>
      {d.canWrite ? (
        <Form method="post" className="stack plan-card">
          <CsrfField />
          <input type="hidden" name="intent" value="competence" />
          <input type="hidden" name="version" value={d.plan.version} />
          <FormErrorSummary error={error} prefix="competence" />
          {fields.map(([name, label, value]) => (
            <TextArea key={name} prefix="competence" name={name} label={t(label)} rows={3} defaultValue={value} error={fieldError(error, name)} />
          ))}
          <div>
            <Button type="submit" variant="secondary">
              {t('strategicPlan.form.save')}
            </Button>
          </div>
        </Form>
      ) : (
        fields.map(([name, label, value]) => (
          <div key={name}>
            <Heading level={4} data-size="xs">
              {t(label)}
            </Heading>
            <Paragraph style={{ whiteSpace: 'pre-wrap' }}>{value || t('strategicPlan.competence.empty')}</Paragraph>
          </div>
        ))
      )}
    </div>
  );
}

function RequirementForms({ d, actionData }: { d: PlanStepPage; actionData: ActionData | undefined }) {
  const t = useT();
  const occupations = d.analysis!.majorGroups.flatMap((g) => g.occupations).filter((o): o is typeof o & { styrk08: string } => o.styrk08 !== null);
  const byType = new Map<string, { basis: string; values: Map<number, number> }>();
  for (const r of d.requirements) {
    const e = byType.get(r.styrk08) ?? { basis: r.basis, values: new Map<number, number>() };
    e.values.set(r.year, r.required);
    byType.set(r.styrk08, e);
  }
  const forms = [...[...byType.entries()].map(([code, e]) => ({ key: code, code, basis: e.basis, values: e.values })), { key: 'new', code: '', basis: 'headcount', values: new Map<number, number>() }];
  return (
    <div className="stack">
      <Heading level={3} data-size="sm">
        {t('strategicPlan.requirements.formTitle')}
      </Heading>
      <Paragraph>{t('strategicPlan.requirements.intro')}</Paragraph>
      {forms.map((f) => {
        const prefix = `req-${f.key}`;
        const error = errorFor(actionData, 'requirement', f.key);
        return (
          <Form key={f.key} method="post" className="stack plan-card" aria-label={f.code ? `${t('strategicPlan.requirements.positionType')}: ${f.code}` : t('strategicPlan.requirements.save')}>
            <CsrfField />
            <input type="hidden" name="intent" value="requirement" />
            <input type="hidden" name="target-id" value={f.key} />
            <FormErrorSummary error={error} prefix={prefix} />
            <SelectInput
              prefix={prefix}
              name="styrk08"
              label={t('strategicPlan.requirements.positionType')}
              required
              defaultValue={f.code}
              options={[...(f.code ? [] : [{ value: '', label: '–' }]), ...occupations.map((o) => ({ value: o.styrk08, label: `${o.styrk08} ${o.name ?? ''}` }))]}
              error={fieldError(error, 'styrk08')}
            />
            <SelectInput prefix={prefix} name="basis" label={t('strategicPlan.requirements.basis')} required defaultValue={f.basis} options={(['headcount', 'fte'] as const).map((b) => ({ value: b, label: t(`strategicPlan.requirements.bases.${b}`) }))} />
            <div className="cluster">
              {d.years.map((y) => (
                <TextInput key={y} prefix={prefix} name={`required-${y}`} type="number" inputMode="decimal" width="short" label={t('strategicPlan.requirements.requiredIn', { year: y })} defaultValue={f.values.get(y) ?? ''} />
              ))}
            </div>
            <div>
              <Button type="submit" variant="secondary">
                {t('strategicPlan.requirements.save')}
              </Button>
            </div>
          </Form>
        );
      })}
    </div>
  );
}

function StrategiesSection({ d, actionData }: { d: PlanStepPage; actionData: ActionData | undefined }) {
  const t = useT();
  const language = useLanguage();
  const error = errorFor(actionData, 'strategy');
  return (
    <section className="stack" aria-labelledby="strategies-heading">
      <Heading level={2} data-size="md" id="strategies-heading">
        {t('strategicPlan.strategies.title')}
      </Heading>
      <Paragraph data-size="sm">{d.cycleYears.length ? t('strategicPlan.measure.cycles', { years: d.cycleYears.join(', ') }) : t('strategicPlan.measure.noCycles')}</Paragraph>
      {d.canWriteWheel ? (
        <div>
          <Link to="/wheel/templates" className="ds-link">
            {t('strategicPlan.measure.makeWheel')}
          </Link>
        </div>
      ) : null}
      {d.strategies.length === 0 ? <Paragraph>{t('strategicPlan.strategies.empty')}</Paragraph> : null}
      {d.strategies.map((s) => {
        const measureError = errorFor(actionData, 'measure', s.id);
        const prefix = `measure-${s.id}`;
        return (
          <article key={s.id} className="stack plan-card" aria-labelledby={`strategy-${s.id}`} data-testid="strategy">
            <Heading level={3} data-size="sm" id={`strategy-${s.id}`}>
              {`${t(`strategicPlan.strategies.kinds.${s.kind}`)}: ${s.title}`}
            </Heading>
            <Paragraph data-size="sm">{s.styrk08 ? `${t('strategicPlan.requirements.positionType')}: ${s.styrk08}` : s.generalCompetence}</Paragraph>
            {s.description ? <Paragraph>{s.description}</Paragraph> : null}
            <Heading level={4} data-size="xs">
              {t('strategicPlan.measure.title')}
            </Heading>
            {s.measures.length === 0 ? (
              <Paragraph>{t('strategicPlan.measure.empty')}</Paragraph>
            ) : (
              <ul>
                {s.measures.map((m) => (
                  <li key={m.id}>
                    {`${formatDate(m.deadline, language)}: `}
                    <Link to={`/wheel/milestones/${m.milestoneId}`} className="ds-link">
                      {m.title}
                    </Link>
                    {` (${t('strategicPlan.measure.onWheel', { year: m.year })})`}
                  </li>
                ))}
              </ul>
            )}
            {d.canWrite && d.canWriteWheel ? (
              <Form method="post" className="stack">
                <CsrfField />
                <input type="hidden" name="intent" value="measure" />
                <input type="hidden" name="target-id" value={s.id} />
                <input type="hidden" name="strategyId" value={s.id} />
                <FormErrorSummary error={measureError} prefix={prefix} />
                <TextInput prefix={prefix} name="title" label={t('strategicPlan.measure.name')} required error={fieldError(measureError, 'title')} />
                <TextInput prefix={prefix} name="deadline" type="date" width="short" label={t('strategicPlan.measure.deadline')} required error={fieldError(measureError, 'deadline')} />
                {measureError?.issues.some((i) => i.path === 'deadline') ? (
                  <Link to="/wheel/templates" className="ds-link">
                    {t('strategicPlan.measure.makeWheel')}
                  </Link>
                ) : null}
                <div>
                  <Button type="submit" variant="secondary" data-size="sm">
                    {t('strategicPlan.measure.add')}
                  </Button>
                </div>
              </Form>
            ) : null}
          </article>
        );
      })}
      {d.canWrite ? (
        <div className="stack plan-card">
          <Heading level={3} data-size="sm">
            {t('strategicPlan.strategies.add')}
          </Heading>
          <FormErrorSummary error={error} prefix="strategy" />
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="strategy" />
            <SelectInput prefix="strategy" name="kind" label={t('strategicPlan.strategies.kind')} required defaultValue="develop" options={(['develop', 'recruit', 'mobilise', 'restructure'] as const).map((k) => ({ value: k, label: t(`strategicPlan.strategies.kinds.${k}`) }))} />
            <SelectInput prefix="strategy" name="target" label={t('strategicPlan.strategies.target')} required defaultValue="position_type" options={(['position_type', 'general'] as const).map((k) => ({ value: k, label: t(`strategicPlan.strategies.targets.${k}`) }))} />
            <TextInput prefix="strategy" name="styrk08" width="short" inputMode="numeric" label={t('strategicPlan.requirements.positionType')} error={fieldError(error, 'styrk08')} />
            <TextInput prefix="strategy" name="generalCompetence" label={t('strategicPlan.strategies.generalCompetence')} error={fieldError(error, 'generalCompetence')} />
            <TextInput prefix="strategy" name="title" label={t('strategicPlan.strategies.name')} required error={fieldError(error, 'title')} />
            <TextArea prefix="strategy" name="description" label={t('strategicPlan.strategies.description')} rows={3} error={fieldError(error, 'description')} />
            <div>
              <Button type="submit" variant="secondary">
                {t('strategicPlan.strategies.add')}
              </Button>
            </div>
          </Form>
        </div>
      ) : null}
    </section>
  );
}

function FollowUpSection({ d }: { d: PlanStepPage }) {
  const t = useT();
  const language = useLanguage();
  const measures = d.strategies.flatMap((s) => s.measures.map((m) => ({ ...m, strategy: `${t(`strategicPlan.strategies.kinds.${s.kind}`)}: ${s.title}` })));
  return (
    <section className="stack" aria-labelledby="followup-heading">
      <Heading level={2} data-size="md" id="followup-heading">
        {t('strategicPlan.measure.title')}
      </Heading>
      <Paragraph>{t('strategicPlan.step7.intro')}</Paragraph>
      {measures.length === 0 ? (
        <Paragraph>{t('strategicPlan.measure.empty')}</Paragraph>
      ) : (
        <Table>
          <caption className="visually-hidden">{t('strategicPlan.measure.title')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('strategicPlan.measure.deadline')}</Table.HeaderCell>
              <Table.HeaderCell>{t('strategicPlan.measure.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('strategicPlan.strategies.kind')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {measures.map((m) => (
              <Table.Row key={m.id}>
                <Table.Cell>{formatDate(m.deadline, language)}</Table.Cell>
                <Table.Cell>
                  <Link to={`/wheel/milestones/${m.milestoneId}`} className="ds-link">
                    {m.title}
                  </Link>
                </Table.Cell>
                <Table.Cell>{m.strategy}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <div>
        <Link to="/wheel" className="ds-link">
          {t('strategicPlan.step7.openWheel')}
        </Link>
      </div>
    </section>
  );
}
