// Shared pieces of the mapping pages: the sub-navigation, the form status tag, money, and the
// read view of a form (one page: the joint discussion, needs short-term and long-term, sums and
// the measure mix) used by the form page, last cycle's form beside it, and print.
import { SubNav } from './sub-nav.tsx';
import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { FormView, NeedView } from '../../core/mapping/form-view.ts';
import type { Language } from '../../locales/index.ts';
import { numberFormat } from '../i18n/format.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { formatDate } from './wheel-format.ts';

export function MappingNav({ canOverview }: { canOverview: boolean }) {
  const t = useT();
  return (
    <SubNav
      label={t('mapping.nav.label')}
      links={[
        { to: '/mapping', label: t('mapping.nav.home') },
        { to: '/mapping/overview', label: t('mapping.nav.overview'), shown: canOverview },
        { to: '/mapping/areas', label: t('mapping.nav.areas') },
        { to: '/mapping/offers', label: t('mapping.nav.offers') },
      ]}
    />
  );
}

export type FormStatusShown = 'draft' | 'submitted' | 'returned' | 'approved' | 'missing' | 'late';

const TAG: Record<FormStatusShown, { color: 'neutral' | 'info' | 'success' | 'danger' | 'warning'; mark: string }> = {
  draft: { color: 'neutral', mark: '✎' },
  submitted: { color: 'info', mark: '➜' },
  returned: { color: 'warning', mark: '↩' },
  approved: { color: 'success', mark: '✓' },
  missing: { color: 'neutral', mark: '○' },
  late: { color: 'danger', mark: '!' },
};

/** Status with a mark and text, so colour is never the only cue. */
export function FormStatusTag({ status }: { status: FormStatusShown }) {
  const t = useT();
  return (
    <Tag data-color={TAG[status].color} data-size="sm" className="status-badge">
      <span aria-hidden="true">{TAG[status].mark}</span> {t(`mapping.status.${status}`)}
    </Tag>
  );
}

export function nok(value: number, language: Language): string {
  return numberFormat(language, { maximumFractionDigits: 0 }).format(value);
}

function NeedsTable({ needs, term, caption }: { needs: NeedView[]; term: 'short' | 'long'; caption: string }) {
  const t = useT();
  const language = useLanguage();
  const rows = needs.filter((n) => n.term === term);
  return (
    <section aria-labelledby={`needs-${term}-${caption.length}`} className="stack">
      <Heading level={3} data-size="xs" id={`needs-${term}-${caption.length}`}>
        {t(`mapping.term.${term}`)}
      </Heading>
      {rows.length === 0 ? (
        <Paragraph data-size="sm">{t('mapping.form.noNeeds')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table data-size="sm" className="needs-table">
            <caption className="visually-hidden">{`${caption}: ${t(`mapping.term.${term}`)}`}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('mapping.form.area')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mapping.form.year')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mapping.form.why')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mapping.form.people')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mapping.form.measures')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mapping.form.prioritySelect')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mapping.form.cost')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mapping.form.substituteCost')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((n, i) => (
                <Table.Row key={i}>
                  <Table.HeaderCell scope="row">
                    {n.areaName}
                    {n.description ? <div className="need-description">{n.description}</div> : null}
                    {n.carriedOver ? (
                      <div>
                        <Tag data-size="sm" data-color="neutral">
                          {t('mapping.form.carriedOver')}
                        </Tag>
                      </div>
                    ) : null}
                  </Table.HeaderCell>
                  <Table.Cell>{n.year}</Table.Cell>
                  <Table.Cell>
                    {n.basisKind ? (
                      <>
                        <strong>{t(`mapping.basisKind.${n.basisKind}`)}:</strong> {n.basisText}
                      </>
                    ) : null}
                    {n.basisKind && n.whyText ? <br /> : null}
                    {n.whyText}
                    {!n.basisKind && !n.whyText ? '–' : null}
                  </Table.Cell>
                  <Table.Cell>{n.peopleCount}</Table.Cell>
                  <Table.Cell>{n.measureTypes.length ? n.measureTypes.map((m) => t(`measures.type.${m}`)).join(', ') : '–'}</Table.Cell>
                  <Table.Cell>{t(`mapping.priority.${n.priority as 1 | 2 | 3}`)}</Table.Cell>
                  <Table.Cell className="num">{nok(n.costNok, language)}</Table.Cell>
                  <Table.Cell className="num">{nok(n.substituteCostNok, language)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

/** The share of learning at work as a bar with its text (never the bar alone). */
export function MixBar({ work, course }: { work: number; course: number }) {
  const t = useT();
  const total = work + course;
  const share = total === 0 ? 0 : work / total;
  const percent = Math.round(share * 100);
  return (
    <figure className="mix">
      <svg width="240" height="16" viewBox="0 0 240 16" role="img" aria-labelledby="mix-title">
        <title id="mix-title">{t('measures.mix.share', { percent })}</title>
        <rect x="0" y="0" width="240" height="16" fill="#e5e7eb" stroke="#4b5563" />
        <rect x="0" y="0" width={240 * share} height="16" fill="#0f7a36" />
        <path d={`M ${240 * share} 0 L ${240 * share} 16`} stroke="#111827" strokeWidth="2" />
      </svg>
      <figcaption>
        {t('measures.mix.share', { percent })} ({t('measures.class.work')}: {Math.round(work * 10) / 10}, {t('measures.class.course')}: {Math.round(course * 10) / 10})
      </figcaption>
    </figure>
  );
}

export function FormReadView({ form, caption }: { form: FormView; caption: string }) {
  const t = useT();
  const language = useLanguage();
  const s = form.summary;
  const participants = [form.participantsText, ...form.participants.map((p) => p.name)].filter(Boolean).join(', ');
  return (
    <div className="stack mapping-read">
      <section aria-label={t('mapping.form.discussion')}>
        <dl className="facts">
          <dt>{t('mapping.form.discussionDate')}</dt>
          <dd>{form.discussionDate ? formatDate(form.discussionDate, language) : '–'}</dd>
          <dt>{t('mapping.form.participants')}</dt>
          <dd>{participants || '–'}</dd>
        </dl>
      </section>
      <NeedsTable needs={form.needs} term="short" caption={caption} />
      <NeedsTable needs={form.needs} term="long" caption={caption} />
      <section aria-label={t('mapping.form.sums')}>
        <Table data-size="sm">
          <caption>{t('mapping.form.sums')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('mapping.form.needs')}</Table.HeaderCell>
              <Table.HeaderCell>{t('mapping.form.sumPeople')}</Table.HeaderCell>
              <Table.HeaderCell>{t('mapping.form.sumCost')}</Table.HeaderCell>
              <Table.HeaderCell>{t('mapping.form.sumSubstitute')}</Table.HeaderCell>
              <Table.HeaderCell>{t('mapping.form.sumTotal')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {(['short', 'long', 'total'] as const).map((k) => (
              <Table.Row key={k}>
                <Table.HeaderCell scope="row">{k === 'total' ? t('mapping.form.total') : t(`mapping.term.${k}`)}</Table.HeaderCell>
                <Table.Cell>{s[k].people}</Table.Cell>
                <Table.Cell className="num">{nok(s[k].costNok, language)}</Table.Cell>
                <Table.Cell className="num">{nok(s[k].substituteCostNok, language)}</Table.Cell>
                <Table.Cell className="num">{nok(s[k].totalNok, language)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </section>
      {s.mix.total > 0 ? (
        <section aria-label={t('mapping.form.mix')}>
          <Heading level={3} data-size="2xs">
            {t('mapping.form.mix')}
          </Heading>
          <MixBar work={s.mix.work} course={s.mix.course} />
        </section>
      ) : null}
    </div>
  );
}
