// A person's employments as a readable list of cards: unit path, title, FTE, STYRK-08, KS
// job code, occupational group, employee number and dates; ended ones marked as such.
import type { Language } from '../../locales/index.ts';
import { Link } from 'react-router';
import { Heading, Tag } from '@digdir/designsystemet-react';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { numberFormat } from '../i18n/format.ts';
import { dateTimeFormat } from '../i18n/format.ts';

export interface EmploymentView {
  id: string;
  unitId: string;
  unitPathNames: string[];
  employeeNumber: string;
  positionTitle: string;
  ftePercent: number;
  styrk08: string | null;
  occupationName: string | null;
  ksJobCode: string | null;
  occupationalGroup: string | null;
  startDate: string;
  endDate: string | null;
  active: boolean;
}

export function formatDate(iso: string | null, language: Language): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return dateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

export function PersonEmployments({ employments }: { employments: EmploymentView[] }) {
  const t = useT();
  const language = useLanguage();
  const number = numberFormat(language, { maximumFractionDigits: 2 });
  if (employments.length === 0) return <p>{t('org.person.noEmployments')}</p>;
  return (
    <ul className="employment-list">
      {employments.map((e) => (
        <li key={e.id} className={e.active ? 'employment' : 'employment employment--ended'}>
          <div className="cluster">
            <Heading level={3} data-size="xs">
              {e.positionTitle}
            </Heading>
            <Tag data-color={e.active ? 'success' : 'neutral'} data-size="sm">
              {e.active ? t('org.person.active') : t('org.person.ended')}
            </Tag>
          </div>
          <p className="employment__unit">
            <Link to={`/org/units/${e.unitId}`}>{e.unitPathNames[e.unitPathNames.length - 1]}</Link>
            {e.unitPathNames.length > 1 ? <span className="employment__path"> ({e.unitPathNames.slice(0, -1).join(' › ')})</span> : null}
          </p>
          <dl className="facts">
            <dt>{t('org.employment.fields.ftePercent')}</dt>
            <dd>{number.format(e.ftePercent)} %</dd>
            <dt>{t('org.employment.fields.styrk08')}</dt>
            <dd>{e.styrk08 ? `${e.styrk08} ${e.occupationName ?? ''}` : '–'}</dd>
            <dt>{t('org.employment.fields.ksJobCode')}</dt>
            <dd>{e.ksJobCode ?? '–'}</dd>
            <dt>{t('org.employment.fields.occupationalGroup')}</dt>
            <dd>{e.occupationalGroup ?? '–'}</dd>
            <dt>{t('org.employment.fields.employeeNumber')}</dt>
            <dd>{e.employeeNumber}</dd>
            <dt>{t('org.employment.period')}</dt>
            <dd>
              {formatDate(e.startDate, language)} – {e.endDate ? formatDate(e.endDate, language) : t('org.employment.ongoing')}
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
