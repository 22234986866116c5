// The dashboard's charts, server-rendered SVG with <title>/<desc>; the route puts a table with
// the same figures beside each. Colour is never the only cue: evaluated segments are solid and
// not-evaluated ones hatched, values are written next to bars and points.
import type { CoverageRow, TrendPoint, TypeMix } from '../../core/dashboard/dashboard.rules.ts';
import { measureTypeKey } from '../../core/shared/measure-types.ts';
import { numberFormat } from '../i18n/format.ts';
import { useLanguage, useT } from '../i18n/use-t.ts';

const INK = '#111827';
const COURSE = '#1e4f8a';
const WORK = '#0b6b43';

/** One horizontal bar per measure type; courses solid blue, learning at work hatched green, counts written at the end. */
export function TypeMixChart({ mix, year }: { mix: TypeMix; year: number }) {
  const t = useT();
  const labelWidth = 230;
  const barWidth = 300;
  const rowHeight = 26;
  const max = Math.max(1, ...mix.byType.map((x) => x.count));
  const height = mix.byType.length * rowHeight + 8;
  return (
    <svg className="dashboard-chart" viewBox={`0 0 ${labelWidth + barWidth + 50} ${height}`} role="img" aria-labelledby="mix-chart-title mix-chart-desc">
      <title id="mix-chart-title">{t('dashboard.mix.chartTitle', { year })}</title>
      <desc id="mix-chart-desc">{`${t('dashboard.mix.chartDesc')} ${mix.byType.map((x) => `${t(measureTypeKey(x.type))}: ${x.count}`).join(', ')}`}</desc>
      <defs>
        <pattern id="dash-work" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" fill="#d6efe4" />
          <line x1="0" y1="0" x2="0" y2="8" stroke={WORK} strokeWidth="3" />
        </pattern>
      </defs>
      {mix.byType.map((x, row) => {
        const y = row * rowHeight + 4;
        const w = Math.max(2, (x.count / max) * barWidth);
        return (
          <g key={x.type}>
            <text x={labelWidth - 8} y={y + 14} textAnchor="end" fontSize="12" fill={INK}>
              {t(measureTypeKey(x.type))}
            </text>
            <rect x={labelWidth} y={y} width={w} height={18} fill={x.measureClass === 'course' ? COURSE : 'url(#dash-work)'} stroke="#374151" />
            <text x={labelWidth + w + 6} y={y + 14} fontSize="12" fill={INK}>
              {x.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A stacked bar per measure class: evaluated (solid) and not evaluated (hatched) of the ended measures. */
export function CoverageChart({ rows, year }: { rows: CoverageRow[]; year: number }) {
  const t = useT();
  const labelWidth = 170;
  const barWidth = 340;
  const rowHeight = 34;
  const max = Math.max(1, ...rows.map((r) => r.ended));
  const height = rows.length * rowHeight + 8;
  return (
    <svg className="dashboard-chart" viewBox={`0 0 ${labelWidth + barWidth + 90} ${height}`} role="img" aria-labelledby="coverage-chart-title coverage-chart-desc">
      <title id="coverage-chart-title">{t('dashboard.coverage.chartTitle', { year })}</title>
      <desc id="coverage-chart-desc">{`${t('dashboard.coverage.chartDesc')} ${rows.map((r) => `${t(`measures.class.${r.measureClass}`)}: ${r.evaluated} / ${r.ended}`).join(', ')}`}</desc>
      <defs>
        <pattern id="dash-not-evaluated" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="8" stroke="#6b7280" strokeWidth="2" />
        </pattern>
      </defs>
      {rows.map((r, row) => {
        const y = row * rowHeight + 4;
        const we = (r.evaluated / max) * barWidth;
        const wn = ((r.ended - r.evaluated) / max) * barWidth;
        return (
          <g key={r.measureClass}>
            <text x={labelWidth - 8} y={y + 16} textAnchor="end" fontSize="12" fill={INK}>
              {t(`measures.class.${r.measureClass}`)}
            </text>
            {we > 0 ? <rect x={labelWidth} y={y} width={we} height={22} fill="#0f7a36" stroke="#374151" /> : null}
            {wn > 0 ? <rect x={labelWidth + we} y={y} width={wn} height={22} fill="url(#dash-not-evaluated)" stroke="#374151" /> : null}
            <text x={labelWidth + we + wn + 6} y={y + 16} fontSize="12" fill={INK}>
              {`${r.evaluated} / ${r.ended}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function CoverageLegend() {
  const t = useT();
  return (
    <ul className="wheel-legend-list">
      <li>
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
          <rect x="0.5" y="0.5" width="13" height="13" fill="#0f7a36" stroke="#374151" />
        </svg>
        {t('dashboard.coverage.evaluated')}
      </li>
      <li>
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
          <defs>
            <pattern id="dash-legend-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#ffffff" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#6b7280" strokeWidth="2" />
            </pattern>
          </defs>
          <rect x="0.5" y="0.5" width="13" height="13" fill="url(#dash-legend-hatch)" stroke="#374151" />
        </svg>
        {t('dashboard.coverage.notEvaluated')}
      </li>
    </ul>
  );
}

type TrendMeasure = 'onTime' | 'needs' | 'evaluated';

function valueOf(p: TrendPoint, measure: TrendMeasure): number | null {
  if (measure === 'needs') return p.needs;
  const s = measure === 'onTime' ? p.onTime : p.evaluated;
  return s ? s.share : null;
}

/**
 * A small multiple: one sparkline per measure over the trend's years, a point per year with its
 * value written above it; years not measured have no point and are named in the description.
 */
export function TrendSparkline({ points, measure }: { points: TrendPoint[]; measure: TrendMeasure }) {
  const t = useT();
  const language = useLanguage();
  const pct = numberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const label = t(`dashboard.trends.${measure}`);
  const width = 260;
  const height = 110;
  const left = 14;
  const right = 14;
  const top = 22;
  const bottom = 22;
  const values = points.map((p) => valueOf(p, measure));
  const max = measure === 'needs' ? Math.max(1, ...values.map((v) => v ?? 0)) : 1;
  const step = points.length > 1 ? (width - left - right) / (points.length - 1) : 0;
  const xOf = (i: number) => (points.length > 1 ? left + i * step : width / 2);
  const yOf = (v: number) => top + (1 - v / max) * (height - top - bottom);
  const text = (v: number | null) => (v === null ? t('dashboard.trends.notMeasured') : measure === 'needs' ? String(v) : pct.format(v));
  const segments: string[] = [];
  let current = '';
  values.forEach((v, i) => {
    if (v === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${xOf(i).toFixed(1)} ${yOf(v).toFixed(1)} `;
  });
  if (current) segments.push(current);
  const id = `trend-${measure}`;
  return (
    <figure className="sparkline">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{t('dashboard.trends.chartTitle', { measure: label })}</title>
        <desc id={`${id}-desc`}>{t('dashboard.trends.chartDesc', { points: points.map((p, i) => `${p.year}: ${text(values[i]!)}`).join(', ') })}</desc>
        <line x1={left} x2={width - right} y1={height - bottom} y2={height - bottom} stroke="#9ca3af" />
        {segments.map((d, i) => (
          <path key={i} d={d} fill="none" stroke={COURSE} strokeWidth="2" />
        ))}
        {points.map((p, i) => {
          const v = values[i]!;
          return (
            <g key={p.year}>
              {v !== null ? (
                <>
                  <circle cx={xOf(i)} cy={yOf(v)} r="3.5" fill={COURSE} stroke="#fff" strokeWidth="1" />
                  <text x={xOf(i)} y={yOf(v) - 7} textAnchor="middle" fontSize="11" fill={INK}>
                    {text(v)}
                  </text>
                </>
              ) : (
                <text x={xOf(i)} y={height - bottom - 6} textAnchor="middle" fontSize="11" fill={INK}>
                  –
                </text>
              )}
              <text x={xOf(i)} y={height - 6} textAnchor="middle" fontSize="11" fill={INK}>
                {p.year}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
