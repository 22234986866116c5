// Beside last cycle's mapping form: what the unit learned from last year's measures (the
// evaluation loop of the roll-over) — per measure the leader's year-end rating and text, the
// participants' usefulness and, without names, what they learned, how they shared it and the
// report-back to the unit.
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { UnitMeasureEvaluation } from '../../core/catalogue/list-evaluations-for-unit.ts';
import { isMeasureType, measureTypeKey } from '../../core/shared/measure-types.ts';
import { numberFormat } from '../i18n/format.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { formatDate } from './wheel-format.ts';

export function LastYearEvaluations({ data }: { data: { year: number; measures: UnitMeasureEvaluation[] } }) {
  const t = useT();
  const language = useLanguage();
  const one = numberFormat(language, { maximumFractionDigits: 1 });
  return (
    <section aria-labelledby="last-year-heading" className="stack last-year" data-testid="last-year-evaluations">
      <Heading level={2} data-size="sm" id="last-year-heading">
        {t('mapping.form.lastYear', { year: data.year })}
      </Heading>
      <Paragraph data-size="sm">{t('mapping.form.lastYearIntro')}</Paragraph>
      {data.measures.length === 0 ? <Paragraph data-size="sm">{t('mapping.form.lastYearNone', { year: data.year })}</Paragraph> : null}
      {data.measures.map((m) => (
        <article key={m.measureId} className="stack" aria-labelledby={`last-year-${m.measureId}`}>
          <Heading level={3} data-size="xs" id={`last-year-${m.measureId}`}>
            {m.title}
          </Heading>
          <Paragraph data-size="sm">
            {isMeasureType(m.type) ? t(measureTypeKey(m.type)) : m.type}
            {m.providerName ? ` · ${m.providerName}` : ''}
          </Paragraph>
          {m.evaluation ? (
            <>
              <Paragraph data-size="sm">{t('mapping.form.lastYearEvaluation', { rating: m.evaluation.rating })}</Paragraph>
              {m.evaluation.text ? <blockquote>{m.evaluation.text}</blockquote> : null}
            </>
          ) : (
            <Paragraph data-size="sm">{t('mapping.form.lastYearNoEvaluation')}</Paragraph>
          )}
          {m.usefulness.average !== null ? (
            <Paragraph data-size="sm">{t('mapping.form.lastYearUsefulness', { average: one.format(m.usefulness.average), count: m.usefulness.count })}</Paragraph>
          ) : (
            <Paragraph data-size="sm">{t('mapping.form.lastYearNoFeedback')}</Paragraph>
          )}
          {m.feedback.length > 0 ? (
            <div className="table-scroll">
              <Table data-size="sm">
                <caption>{t('mapping.form.lastYearFeedbackCaption', { title: m.title })}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('mapping.form.lastYearScore')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('mapping.form.lastYearLearned')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('mapping.form.lastYearSharing')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('mapping.form.lastYearReportBack')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {m.feedback.map((f, i) => (
                    <Table.Row key={i}>
                      <Table.Cell>{f.usefulness}</Table.Cell>
                      <Table.Cell>{f.learned}</Table.Cell>
                      <Table.Cell>{f.sharing}</Table.Cell>
                      <Table.Cell>{f.reportBackDate ? `${formatDate(f.reportBackDate, language)}${f.reportBackHow ? `: ${f.reportBackHow}` : ''}` : t('mapping.form.lastYearNotReported')}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          ) : null}
        </article>
      ))}
    </section>
  );
}
