// The overview's chart: one horizontal stacked bar per sector, split by form status, drawn as
// server-rendered SVG with a title and description. Each status has its own fill pattern as well
// as colour, and the counts are written in the segments and in the table beside the chart.
import type { OverviewSector } from '../../core/mapping/get-mapping-overview.ts';
import { OVERVIEW_CATEGORIES, type TOverviewCategory } from '../../core/mapping/mapping.rules.ts';
import { useT } from '../i18n/use-t.ts';

export const CATEGORY_STYLE: Record<TOverviewCategory, { fill: string; pattern: string | null }> = {
  approved: { fill: '#0f7a36', pattern: null },
  submitted: { fill: '#0062ba', pattern: 'stripes' },
  draft: { fill: '#9ca3af', pattern: 'dots' },
  late: { fill: '#b3261e', pattern: 'cross' },
  missing: { fill: '#ffffff', pattern: null },
};

function Patterns() {
  return (
    <defs>
      <pattern id="p-stripes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#0062ba" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2" />
      </pattern>
      <pattern id="p-dots" width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#9ca3af" />
        <circle cx="3" cy="3" r="1.2" fill="#111827" />
      </pattern>
      <pattern id="p-cross" width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" fill="#b3261e" />
        <path d="M0 0 L8 8 M8 0 L0 8" stroke="#fff" strokeWidth="1.2" />
      </pattern>
    </defs>
  );
}

const fillOf = (c: TOverviewCategory) => (CATEGORY_STYLE[c].pattern ? `url(#p-${CATEGORY_STYLE[c].pattern})` : CATEGORY_STYLE[c].fill);

export function LegendSwatch({ category }: { category: TOverviewCategory }) {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false" className="status-icon">
      <Patterns />
      <rect x="0.5" y="0.5" width="13" height="13" fill={fillOf(category)} stroke="#374151" />
    </svg>
  );
}

export function OverviewChart({ sectors }: { sectors: OverviewSector[] }) {
  const t = useT();
  const labelWidth = 170;
  const barWidth = 420;
  const rowHeight = 30;
  const max = Math.max(1, ...sectors.map((s) => s.units.length));
  const height = sectors.length * rowHeight + 10;
  return (
    <svg className="overview-chart" viewBox={`0 0 ${labelWidth + barWidth + 40} ${height}`} role="img" aria-labelledby="overview-chart-title overview-chart-desc">
      <title id="overview-chart-title">{t('mapping.overview.chartTitle')}</title>
      <desc id="overview-chart-desc">{t('mapping.overview.chartDesc')}</desc>
      <Patterns />
      {sectors.map((s, row) => {
        let x = labelWidth;
        const y = row * rowHeight + 5;
        return (
          <g key={s.sectorId ?? '-'}>
            <text x={labelWidth - 8} y={y + 15} textAnchor="end" fontSize="12" fill="#111827">
              {s.sectorName ?? t('mapping.overview.noSector')}
            </text>
            {OVERVIEW_CATEGORIES.map((c) => {
              const n = s.counts[c];
              if (n === 0) return null;
              const w = (n / max) * barWidth;
              const seg = (
                <g key={c}>
                  <rect x={x} y={y} width={w} height={20} fill={fillOf(c)} stroke="#374151" />
                  {w >= 18 ? (
                    <text x={x + w / 2} y={y + 14} textAnchor="middle" fontSize="11" fontWeight="700" fill={c === 'missing' ? '#111827' : '#fff'} stroke={c === 'missing' ? 'none' : '#111827'} strokeWidth="2.5" paintOrder="stroke">
                      {n}
                    </text>
                  ) : null}
                </g>
              );
              x += w;
              return seg;
            })}
          </g>
        );
      })}
    </svg>
  );
}
