// The unit plan's 4-year sketch as a timeline (server-rendered SVG): one column per year of the
// economy plan's period on a line, each with the number of planned items and a bar for their
// cost (the tallest bar = the costliest year). The table beside it carries the same numbers as
// text, so the drawing is a summary, never the only source.
import type { OutlookYear } from '../../core/unit-plan/unit-plan.rules.ts';
import { numberFormat } from '../i18n/format.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';

export function UnitPlanTimeline({ years }: { years: readonly OutlookYear[] }) {
  const t = useT();
  const language = useLanguage();
  const num = numberFormat(language, { maximumFractionDigits: 0 });
  const nok = (n: number) => `${num.format(n)} kr`;
  const colWidth = 170;
  const left = 20;
  const barMax = 90;
  const lineY = 150;
  const width = left * 2 + colWidth * years.length;
  const maxCost = Math.max(1, ...years.map((y) => y.costNok));
  const desc = years.map((y) => t('unitPlan.timeline.yearDesc', { year: y.year, count: y.items.length, cost: nok(y.costNok) })).join(' ');
  return (
    <figure className="stack uplan-timeline">
      <svg viewBox={`0 0 ${width} ${lineY + 70}`} role="img" aria-labelledby="uplan-timeline-title uplan-timeline-desc">
        <title id="uplan-timeline-title">{t('unitPlan.timeline.title')}</title>
        <desc id="uplan-timeline-desc">{desc}</desc>
        <line x1={left} y1={lineY} x2={width - left} y2={lineY} stroke="#111827" strokeWidth="2" />
        {years.map((y, i) => {
          const cx = left + colWidth * i + colWidth / 2;
          const h = y.costNok > 0 ? Math.max(4, (y.costNok / maxCost) * barMax) : 0;
          return (
            <g key={y.year}>
              {h > 0 ? <rect x={cx - 30} y={lineY - 12 - h} width="60" height={h} fill={i === 0 ? '#1e4f8a' : '#5b8cc9'} stroke="#111827" strokeWidth="0.5" /> : null}
              <text x={cx} y={lineY - 18 - h} textAnchor="middle" fontSize="12" fill="#111827">
                {y.costNok > 0 ? nok(y.costNok) : ''}
              </text>
              <circle cx={cx} cy={lineY} r="7" fill={i === 0 ? '#1e4f8a' : '#ffffff'} stroke="#1e4f8a" strokeWidth="2" />
              <text x={cx} y={lineY + 26} textAnchor="middle" fontSize="15" fontWeight="600" fill="#111827">
                {y.year}
              </text>
              <text x={cx} y={lineY + 46} textAnchor="middle" fontSize="12" fill="#111827">
                {t('unitPlan.outlook.count', { count: y.items.length })}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="visually-hidden">{t('unitPlan.timeline.title')}</figcaption>
    </figure>
  );
}
