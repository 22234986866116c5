// /strategic-plans/:planId/print — the multi-year plan as one document to print (print styles
// hide navigation; charts keep their tables): goals, definition, the staffing analysis with
// gaps, strategies and measures, and the work of each step. Reading it is audited like step 5.
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Route } from './+types/strategic-plans.$planId.print';
import { getRequestInfo, getServices, requireActor, runForPage } from '../server/route-helpers.server.ts';
import { getPlanDocument } from '../../core/strategic-plan/get-plan-document.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import type { BreadcrumbHandle } from '../components/breadcrumbs.tsx';
import { PersonPrintButton } from '../components/person-print-button.tsx';
import { StaffingAnalysisView } from '../components/staffing-analysis-view.tsx';
import { formatDate } from '../components/wheel-format.ts';
import '../styles/org.css';
import '../styles/strategic-plan.css';

export const handle: BreadcrumbHandle = {
  breadcrumb: (d, t) => {
    const p = (d as { plan?: { id: string; title: string } } | undefined)?.plan;
    return [
      { label: t('strategicPlan.nav.title'), to: '/strategic-plans' },
      ...(p ? [{ label: p.title, to: `/strategic-plans/${p.id}` }, { label: t('strategicPlan.plan.print'), to: `/strategic-plans/${p.id}/print` }] : []),
    ];
  },
};

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return runForPage(context, () => getPlanDocument({ database: getServices(context).database, actor, planId: params.planId, requestId: getRequestInfo(context).requestId }));
}

export default function PlanPrintPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const p = d.plan;
  const title = t('strategicPlan.print.title', { title: p.title, start: p.startYear, end: p.endYear });
  return (
    <article className="stack plan-print">
      <title>{`${title} – Rytme`}</title>
      <div className="cluster no-print">
        <PersonPrintButton />
      </div>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <Paragraph>
        {p.scopeName ?? t('strategicPlan.list.wholeMunicipality')} · {t(`strategicPlan.status.${p.status}`)} · {t('strategicPlan.plan.progress', { done: d.progress.done, total: d.progress.total })} ·{' '}
        {t('strategicPlan.print.generated', { date: formatDate(d.analysis.referenceDate, language) })}
      </Paragraph>

      <section className="stack" aria-labelledby="p-goals">
        <Heading level={2} data-size="md" id="p-goals">
          {t('strategicPlan.goals.title')}
        </Heading>
        {d.goals.length === 0 ? (
          <Paragraph>{t('strategicPlan.goals.empty')}</Paragraph>
        ) : (
          <ul>
            {d.goals.map((g) => (
              <li key={g.id}>
                {g.text} <em>{`(${t(`strategicPlan.goals.sources.${g.source}`)}: ${g.reference ? `${g.document}, ${g.reference}` : g.document})`}</em>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="stack" aria-labelledby="p-definition">
        <Heading level={2} data-size="md" id="p-definition">
          {t('strategicPlan.definition.title')}
        </Heading>
        <Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.competenceDefinition || t('strategicPlan.definition.empty')}</Paragraph>
      </section>

      <section className="stack" aria-labelledby="p-analysis">
        <Heading level={2} data-size="md" id="p-analysis">
          {t('strategicPlan.analysis.title')}
        </Heading>
        <Heading level={3} data-size="sm">
          {t('strategicPlan.competence.title')}
        </Heading>
        {(
          [
            ['strategicPlan.competence.requirements', p.competenceRequirements],
            ['strategicPlan.competence.capital', p.competenceCapital],
            ['strategicPlan.competence.needs', p.competenceNeeds],
          ] as const
        ).map(([label, value]) => (
          <div key={label}>
            <Heading level={4} data-size="xs">
              {t(label)}
            </Heading>
            <Paragraph style={{ whiteSpace: 'pre-wrap' }}>{value || t('strategicPlan.competence.empty')}</Paragraph>
          </div>
        ))}
        <StaffingAnalysisView analysis={d.analysis} headingLevel={3} printed />
      </section>

      <section className="stack" aria-labelledby="p-strategies">
        <Heading level={2} data-size="md" id="p-strategies">
          {t('strategicPlan.strategies.title')}
        </Heading>
        {d.strategies.length === 0 ? <Paragraph>{t('strategicPlan.strategies.empty')}</Paragraph> : null}
        {d.strategies.length ? (
          <Table>
            <caption className="visually-hidden">{t('strategicPlan.strategies.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('strategicPlan.strategies.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('strategicPlan.strategies.target')}</Table.HeaderCell>
                <Table.HeaderCell>{t('strategicPlan.strategies.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('strategicPlan.measure.title')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.strategies.map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell>{t(`strategicPlan.strategies.kinds.${s.kind}`)}</Table.Cell>
                  <Table.Cell>{s.styrk08 ?? s.generalCompetence}</Table.Cell>
                  <Table.Cell>
                    {s.title}
                    {s.description ? <div>{s.description}</div> : null}
                  </Table.Cell>
                  <Table.Cell>
                    {s.measures.length ? (
                      <ul>
                        {s.measures.map((m) => (
                          <li key={m.id}>{`${m.title} (${formatDate(m.deadline, language)})`}</li>
                        ))}
                      </ul>
                    ) : (
                      t('strategicPlan.measure.empty')
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ) : null}
      </section>

      <section className="stack" aria-labelledby="p-steps">
        <Heading level={2} data-size="md" id="p-steps">
          {t('strategicPlan.print.stepsTitle')}
        </Heading>
        {d.steps.map((s) => (
          <div key={s.step} className="stack">
            <Heading level={3} data-size="xs">
              {`${t('strategicPlan.step.title', { step: s.step, name: t(`strategicPlan.steps.${s.step}.name`) })} – ${s.done ? t('strategicPlan.plan.done') : t('strategicPlan.plan.notDone')}`}
            </Heading>
            {s.participants ? <Paragraph>{`${t('strategicPlan.step.participants')}: ${s.participants}`}</Paragraph> : null}
            <Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.notes || t('strategicPlan.print.noNotes')}</Paragraph>
          </div>
        ))}
      </section>
    </article>
  );
}
