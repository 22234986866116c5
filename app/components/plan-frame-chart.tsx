// The competence plan's cost against its budget frame as a waterfall (server-rendered SVG): one
// row per item in priority order, each bar starting where the previous one ended, and a dashed
// vertical line labelled with the frame. Items within the frame are solid, those beyond it are
// hatched and marked "over", so colour is never the only cue. The items table below the chart
// carries the same numbers as text.
import type { FrameResult, CostedItem } from '../../core/competence-plan/competence-plan.rules.ts';
import { numberFormat } from '../i18n/format.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';

export function PlanFrameChart<T extends CostedItem & { areaName: string }>({ framed }: { framed: FrameResult<T> }) {
  const t = useT();
  const language = useLanguage();
  const num = numberFormat(language, { maximumFractionDigits: 0 });
  const nok = (n: number) => `${num.format(n)} kr`;
  const labelWidth = 200;
  const barWidth = 440;
  const rowHeight = 26;
  const top = 24;
  const items = framed.items;
  const max = Math.max(1, framed.totalNok, framed.frameNok ?? 0);
  const x = (n: number) => labelWidth + (n / max) * barWidth;
  const height = top + items.length * rowHeight + 12;
  const frameText = framed.frameNok === null ? t('competencePlan.chart.noFrame') : `${t('competencePlan.chart.frameIs', { frame: nok(framed.frameNok) })} ${framed.cutIndex === null ? t('competencePlan.chart.allFit') : t('competencePlan.chart.cutAt', { n: framed.cutIndex + 1 })}`;
  const desc = t('competencePlan.chart.desc', { count: items.length, total: nok(framed.totalNok), frame: frameText });
  return (
    <figure className="stack">
      <svg className="cplan-chart" viewBox={`0 0 ${labelWidth + barWidth + 190} ${height}`} role="img" aria-labelledby="cplan-chart-title cplan-chart-desc">
        <title id="cplan-chart-title">{t('competencePlan.chart.title')}</title>
        <desc id="cplan-chart-desc">{desc}</desc>
        <defs>
          <pattern id="cplan-over" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#f6d5d2" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#b3261e" strokeWidth="3" />
          </pattern>
        </defs>
        {items.map((item, i) => {
          const y = top + i * rowHeight;
          const start = item.cumulativeNok - item.plannedCostNok;
          const w = Math.max(1, x(item.cumulativeNok) - x(start));
          return (
            <g key={item.id}>
              <text x={labelWidth - 8} y={y + 15} textAnchor="end" fontSize="12" fill="#111827">
                {`${i + 1}. ${item.areaName.length > 26 ? `${item.areaName.slice(0, 25)}…` : item.areaName}`}
              </text>
              <rect x={x(start)} y={y + 2} width={w} height={rowHeight - 8} fill={item.withinFrame ? '#1e4f8a' : 'url(#cplan-over)'} stroke="#111827" strokeWidth="0.5" />
              <text x={x(item.cumulativeNok) + 6} y={y + 15} fontSize="11" fill="#111827">
                {item.withinFrame ? nok(item.cumulativeNok) : `${nok(item.cumulativeNok)} (${t('competencePlan.chart.over').toLowerCase()})`}
              </text>
            </g>
          );
        })}
        {framed.frameNok !== null ? (
          <g>
            <line x1={x(framed.frameNok)} x2={x(framed.frameNok)} y1={top - 6} y2={height - 6} stroke="#b3261e" strokeWidth="2" strokeDasharray="6 4" />
            <text x={x(framed.frameNok)} y={top - 10} textAnchor="middle" fontSize="12" fontWeight="700" fill="#7f1d1d">
              {`${t('competencePlan.chart.frame')} ${nok(framed.frameNok)}`}
            </text>
          </g>
        ) : null}
      </svg>
      <figcaption>{desc}</figcaption>
    </figure>
  );
}
