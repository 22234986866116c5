// The staffing analysis as the step-5 page and the printed plan show it: totals, staff per
// occupation (STYRK-08 major groups with their 4-digit occupations) and per unit, the age
// structure and expected retirements (charts with tables of the same figures), turnover,
// and required vs expected per position type.
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { StaffingAnalysis } from '../../core/strategic-plan/staffing-analysis.ts';
import { numberFormat } from '../i18n/format.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { BarChart, LineChart } from './staffing-charts.tsx';

function useFormats() {
  const language = useLanguage();
  const whole = numberFormat(language, { maximumFractionDigits: 0 });
  const one = numberFormat(language, { maximumFractionDigits: 1 });
  const pct = numberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  return { whole: (n: number) => whole.format(n), one: (n: number) => one.format(n), pct: (n: number) => pct.format(n) };
}

function occupationLabel(code: string | null, name: string | null, unknown: string): string {
  return code ? `${code} ${name ?? ''}`.trim() : unknown;
}

/** `printed`: the tables behind the charts are open (a closed <details> does not print). */
export function StaffingAnalysisView({ analysis: a, headingLevel = 2, printed = false }: { analysis: StaffingAnalysis; headingLevel?: 2 | 3; printed?: boolean }) {
  const t = useT();
  const f = useFormats();
  const sub = (headingLevel + 1) as 3 | 4;
  const unknown = t('strategicPlan.analysis.unknownOccupation');
  const bandLabels = a.ageBands.keys.map((k) => t(`strategicPlan.analysis.band.${k}`));
  const yearLabels = a.years.map(String);
  const cell = (v: number | null, format: (n: number) => string) => (v === null ? t('strategicPlan.analysis.suppressed') : format(v));
  return (
    <div className="stack" data-testid="staffing-analysis">
      <Paragraph>{t('strategicPlan.analysis.basis', { date: a.referenceDate, persons: f.whole(a.totals.persons), fte: f.one(a.totals.fte) })}</Paragraph>
      <Paragraph>{t('strategicPlan.analysis.assumption', { age: a.assumption.retirementAge, percent: a.assumption.earlyRetirementPercent })}</Paragraph>
      <Paragraph data-size="sm">{t('strategicPlan.analysis.privacy')}</Paragraph>
      {a.totals.missingBirthYear > 0 ? <Paragraph data-size="sm">{t('strategicPlan.analysis.missingBirthYear', { count: a.totals.missingBirthYear })}</Paragraph> : null}

      <Heading level={headingLevel} data-size="sm">
        {t('strategicPlan.analysis.occupations')}
      </Heading>
      <div className="plan-table-scroll">
        <Table data-testid="occupation-table">
          <caption className="visually-hidden">{t('strategicPlan.analysis.occupations')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('strategicPlan.analysis.occupation')}</Table.HeaderCell>
              <Table.HeaderCell>{t('strategicPlan.analysis.persons')}</Table.HeaderCell>
              <Table.HeaderCell>{t('strategicPlan.analysis.fte')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {a.majorGroups.flatMap((g) => [
              <Table.Row key={`g-${g.code ?? 'none'}`}>
                <Table.HeaderCell scope="row">{g.code ? t('strategicPlan.analysis.majorGroup', { code: g.code, name: g.name ?? '' }) : unknown}</Table.HeaderCell>
                <Table.Cell>
                  <strong>{f.whole(g.persons)}</strong>
                </Table.Cell>
                <Table.Cell>
                  <strong>{f.one(g.fte)}</strong>
                </Table.Cell>
              </Table.Row>,
              ...(g.code
                ? g.occupations.map((o) => (
                    <Table.Row key={`o-${o.styrk08}`}>
                      <Table.Cell>
                        <span className="visually-hidden">{`${g.code}: `}</span>
                        {occupationLabel(o.styrk08, o.name, unknown)}
                      </Table.Cell>
                      <Table.Cell>{f.whole(o.persons)}</Table.Cell>
                      <Table.Cell>{f.one(o.fte)}</Table.Cell>
                    </Table.Row>
                  ))
                : []),
            ])}
          </Table.Body>
        </Table>
      </div>

      <Heading level={headingLevel} data-size="sm">
        {t('strategicPlan.analysis.units')}
      </Heading>
      <div className="plan-table-scroll">
        <Table>
          <caption className="visually-hidden">{t('strategicPlan.analysis.units')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('strategicPlan.analysis.unit')}</Table.HeaderCell>
              <Table.HeaderCell>{t('strategicPlan.analysis.persons')}</Table.HeaderCell>
              <Table.HeaderCell>{t('strategicPlan.analysis.fte')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {a.units.map((u) => (
              <Table.Row key={u.unitId}>
                <Table.Cell>{u.name}</Table.Cell>
                <Table.Cell>{f.whole(u.persons)}</Table.Cell>
                <Table.Cell>{f.one(u.fte)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>

      <Heading level={headingLevel} data-size="sm">
        {t('strategicPlan.analysis.ageTitle')}
      </Heading>
      <div className="staffing-charts" data-testid="age-charts">
        {[{ key: 'all', label: t('strategicPlan.analysis.allPositionTypes'), cells: a.ageBands.total }, ...a.ageBands.byPositionType.map((r) => ({ key: r.styrk08 ?? 'none', label: occupationLabel(r.styrk08, r.name, unknown), cells: r.cells }))].map((r) => (
          <figure key={r.key}>
            <figcaption>{r.label}</figcaption>
            <BarChart title={`${t('strategicPlan.analysis.ageTitle')}: ${r.label}`} desc={t('strategicPlan.analysis.ageDesc')} labels={bandLabels} values={r.cells} suppressedLabel={t('strategicPlan.analysis.suppressed')} format={f.whole} width={380} />
          </figure>
        ))}
      </div>
      {a.ageBands.hiddenGroups > 0 ? <Paragraph data-size="sm">{t('strategicPlan.analysis.hiddenGroups', { count: a.ageBands.hiddenGroups })}</Paragraph> : null}
      <details open={printed}>
        <summary>{t('strategicPlan.analysis.chartAlt')}</summary>
        <div className="plan-table-scroll">
          <Table data-testid="age-table">
            <caption className="visually-hidden">{t('strategicPlan.analysis.ageTitle')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('strategicPlan.analysis.occupation')}</Table.HeaderCell>
                {bandLabels.map((l) => (
                  <Table.HeaderCell key={l}>{l}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {[{ key: 'all', label: t('strategicPlan.analysis.allPositionTypes'), cells: a.ageBands.total }, ...a.ageBands.byPositionType.map((r) => ({ key: r.styrk08 ?? 'none', label: occupationLabel(r.styrk08, r.name, unknown), cells: r.cells }))].map((r) => (
                <Table.Row key={r.key}>
                  <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
                  {r.cells.map((c, i) => (
                    <Table.Cell key={a.ageBands.keys[i]}>{cell(c, f.whole)}</Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </details>

      <Heading level={headingLevel} data-size="sm">
        {t('strategicPlan.analysis.retirementsTitle')}
      </Heading>
      <div className="staffing-charts" data-testid="retirement-chart">
        <figure>
          <figcaption>{t('strategicPlan.analysis.allPositionTypes')}</figcaption>
          <BarChart title={t('strategicPlan.analysis.retirementsTitle')} desc={t('strategicPlan.analysis.retirementsDesc')} labels={yearLabels} values={a.retirements.total} suppressedLabel={t('strategicPlan.analysis.suppressed')} format={f.one} />
        </figure>
      </div>
      <div className="plan-table-scroll">
        <Table data-testid="retirement-table">
          <caption>{t('strategicPlan.analysis.retirementsTitle')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('strategicPlan.analysis.occupation')}</Table.HeaderCell>
              {yearLabels.map((y) => (
                <Table.HeaderCell key={y}>{y}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {[{ key: 'all', label: t('strategicPlan.analysis.allPositionTypes'), cells: a.retirements.total }, ...a.retirements.byPositionType.map((r) => ({ key: r.styrk08 ?? 'none', label: occupationLabel(r.styrk08, r.name, unknown), cells: r.cells }))].map((r) => (
              <Table.Row key={r.key}>
                <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
                {r.cells.map((c, i) => (
                  <Table.Cell key={yearLabels[i]}>{cell(c, f.one)}</Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>

      <Heading level={headingLevel} data-size="sm">
        {t('strategicPlan.analysis.turnoverTitle')}
      </Heading>
      <div className="plan-table-scroll">
        <Table data-testid="turnover-table">
          <caption className="visually-hidden">{t('strategicPlan.analysis.turnoverTitle')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('strategicPlan.analysis.occupation')}</Table.HeaderCell>
              <Table.HeaderCell>{t('strategicPlan.analysis.start')}</Table.HeaderCell>
              <Table.HeaderCell>{t('strategicPlan.analysis.now')}</Table.HeaderCell>
              <Table.HeaderCell>{t('strategicPlan.analysis.leavers')}</Table.HeaderCell>
              <Table.HeaderCell>{t('strategicPlan.analysis.rate')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {[{ ...a.turnover.total, label: t('strategicPlan.analysis.total') }, ...a.turnover.byPositionType.map((r) => ({ ...r, label: occupationLabel(r.styrk08, r.name, unknown) }))].map((r) => (
              <Table.Row key={r.label}>
                <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
                <Table.Cell>{f.whole(r.personsStart)}</Table.Cell>
                <Table.Cell>{f.whole(r.personsEnd)}</Table.Cell>
                <Table.Cell>{f.whole(r.leavers)}</Table.Cell>
                <Table.Cell>{r.rate === null ? '–' : f.pct(r.rate)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {a.turnover.hiddenGroups > 0 ? <Paragraph data-size="sm">{t('strategicPlan.analysis.hiddenGroups', { count: a.turnover.hiddenGroups })}</Paragraph> : null}
      <ProjectionsView analysis={a} headingLevel={headingLevel} subLevel={sub} />
    </div>
  );
}

export function ProjectionsView({ analysis: a, headingLevel, subLevel }: { analysis: StaffingAnalysis; headingLevel: 2 | 3; subLevel: 3 | 4 }) {
  const t = useT();
  const f = useFormats();
  const unknown = t('strategicPlan.analysis.unknownOccupation');
  return (
    <section className="stack" aria-labelledby="projections-heading">
      <Heading level={headingLevel} data-size="sm" id="projections-heading">
        {t('strategicPlan.requirements.title')}
      </Heading>
      {a.projections.length === 0 ? <Paragraph>{t('strategicPlan.requirements.empty')}</Paragraph> : null}
      {a.projections.map((p) => {
        const label = occupationLabel(p.styrk08, p.name, unknown);
        const basis = t(`strategicPlan.requirements.bases.${p.basis}`);
        const labels = [t('strategicPlan.requirements.current'), ...a.years.map(String)];
        return (
          <div key={p.styrk08} className="stack" data-testid={`projection-${p.styrk08}`}>
            <Heading level={subLevel} data-size="xs">{`${label} (${basis})`}</Heading>
            {p.shown ? (
              <LineChart
                title={`${t('strategicPlan.requirements.title')}: ${label}`}
                desc={t('strategicPlan.requirements.chartDesc')}
                labels={labels}
                format={f.one}
                series={[
                  { name: t('strategicPlan.requirements.required'), style: 'dashed', values: [null, ...p.years.map((y) => y.required)] },
                  { name: t('strategicPlan.requirements.expected'), style: 'solid', values: [p.current, ...p.years.map((y) => y.expected)] },
                ]}
              />
            ) : (
              <Paragraph data-size="sm">{t('strategicPlan.requirements.hidden')}</Paragraph>
            )}
            <div className="plan-table-scroll">
              <Table>
                <caption className="visually-hidden">{`${t('strategicPlan.requirements.title')}: ${label}`}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('strategicPlan.analysis.year')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('strategicPlan.requirements.required')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('strategicPlan.requirements.expected')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('strategicPlan.requirements.gap')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  <Table.Row>
                    <Table.HeaderCell scope="row">{t('strategicPlan.requirements.current')}</Table.HeaderCell>
                    <Table.Cell>–</Table.Cell>
                    <Table.Cell>{f.one(p.current)}</Table.Cell>
                    <Table.Cell>–</Table.Cell>
                  </Table.Row>
                  {p.years.map((y) => (
                    <Table.Row key={y.year}>
                      <Table.HeaderCell scope="row">{y.year}</Table.HeaderCell>
                      <Table.Cell>{y.required === null ? '–' : f.one(y.required)}</Table.Cell>
                      <Table.Cell>{p.shown ? f.one(y.expected) : t('strategicPlan.analysis.suppressed')}</Table.Cell>
                      <Table.Cell>{y.gap === null ? '–' : f.one(y.gap)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </div>
        );
      })}
    </section>
  );
}
