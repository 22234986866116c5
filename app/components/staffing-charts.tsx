// Server-rendered SVG charts of the staffing analysis: bars (age bands, retirements per year)
// and lines (required vs expected staffing per year). Each chart is an <svg role="img"> with
// <title> and <desc>, prints its numbers on the bars, and marks hidden small groups with a
// dashed outline and the text "under 5" — colour is never the only cue. The pages put a table
// with the same figures next to each chart.
import { useId } from 'react';

const INK = '#1e2b3c';
const BAR = '#2f6fae';
const GRID = '#c9d3de';

export interface BarChartProps {
  title: string;
  desc: string;
  labels: string[];
  values: Array<number | null>;
  /** Shown on a bar whose value is hidden (small group). */
  suppressedLabel: string;
  format: (n: number) => string;
  width?: number;
}

export function BarChart({ title, desc, labels, values, suppressedLabel, format, width = 420 }: BarChartProps) {
  const id = useId();
  const height = 190;
  const top = 22;
  const bottom = 40;
  const left = 8;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  const slot = (width - left * 2) / Math.max(1, labels.length);
  const barW = Math.min(46, slot * 0.7);
  return (
    <svg className="staffing-chart" role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${width} ${height}`} width={width} height={height}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{`${desc} ${labels.map((l, i) => `${l}: ${values[i] === null ? suppressedLabel : format(values[i] as number)}`).join('; ')}.`}</desc>
      <line x1={left} x2={width - left} y1={top + plotH} y2={top + plotH} stroke={GRID} />
      {labels.map((label, i) => {
        const v = values[i] ?? null;
        const x = left + slot * i + (slot - barW) / 2;
        const h = v === null ? plotH * 0.25 : (v / max) * plotH;
        const y = top + plotH - h;
        return (
          <g key={label}>
            {v === null ? (
              <rect x={x} y={y} width={barW} height={h} fill="none" stroke={INK} strokeDasharray="4 3" />
            ) : (
              <rect x={x} y={y} width={barW} height={Math.max(h, v > 0 ? 1 : 0)} fill={BAR} />
            )}
            <text x={x + barW / 2} y={y - 5} textAnchor="middle" fontSize="11" fill={INK}>
              {v === null ? suppressedLabel : format(v)}
            </text>
            <text x={x + barW / 2} y={top + plotH + 16} textAnchor="middle" fontSize="11" fill={INK}>
              {label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface LineSeries {
  name: string;
  values: Array<number | null>;
  /** Solid or dashed line; markers differ too (circle vs square). */
  style: 'solid' | 'dashed';
}

export interface LineChartProps {
  title: string;
  desc: string;
  labels: string[];
  series: LineSeries[];
  format: (n: number) => string;
  width?: number;
}

export function LineChart({ title, desc, labels, series, format, width = 460 }: LineChartProps) {
  const id = useId();
  const height = 220;
  const top = 20;
  const bottom = 56;
  const left = 44;
  const right = 16;
  const plotH = height - top - bottom;
  const plotW = width - left - right;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  // A round top for the scale: the next multiple of a 1-2-5 step above the largest value.
  const top0 = Math.max(1, ...all);
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000].find((s) => top0 / s <= 5) ?? 10000;
  const max = Math.ceil((top0 * 1.05) / step) * step;
  const x = (i: number) => left + (labels.length <= 1 ? plotW / 2 : (plotW * i) / (labels.length - 1));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const colours = [INK, BAR];
  return (
    <svg className="staffing-chart" role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${width} ${height}`} width={width} height={height}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{`${desc} ${series.map((s) => `${s.name}: ${labels.map((l, i) => `${l} ${s.values[i] === null || s.values[i] === undefined ? '–' : format(s.values[i] as number)}`).join(', ')}`).join('. ')}.`}</desc>
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={left} x2={width - right} y1={top + plotH * (1 - f)} y2={top + plotH * (1 - f)} stroke={GRID} />
          <text x={left - 6} y={top + plotH * (1 - f) + 4} textAnchor="end" fontSize="10" fill={INK}>
            {format((max * f) as number)}
          </text>
        </g>
      ))}
      {labels.map((l, i) => (
        <text key={l} x={x(i)} y={top + plotH + 16} textAnchor="middle" fontSize="11" fill={INK}>
          {l}
        </text>
      ))}
      {series.map((s, si) => {
        const points = s.values.map((v, i) => (v === null ? null : ([x(i), y(v)] as const))).filter((p): p is readonly [number, number] => p !== null);
        const colour = colours[si % colours.length]!;
        return (
          <g key={s.name}>
            {points.length > 1 ? <polyline points={points.map((p) => p.join(',')).join(' ')} fill="none" stroke={colour} strokeWidth="2" strokeDasharray={s.style === 'dashed' ? '6 4' : undefined} /> : null}
            {points.map(([px, py]) =>
              s.style === 'dashed' ? <rect key={`${px}`} x={px - 4} y={py - 4} width="8" height="8" fill={colour} /> : <circle key={`${px}`} cx={px} cy={py} r="4" fill={colour} />,
            )}
          </g>
        );
      })}
      {series.map((s, si) => {
        const colour = colours[si % colours.length]!;
        const lx = left + si * 150;
        const ly = height - 14;
        return (
          <g key={`legend-${s.name}`}>
            <line x1={lx} x2={lx + 26} y1={ly} y2={ly} stroke={colour} strokeWidth="2" strokeDasharray={s.style === 'dashed' ? '6 4' : undefined} />
            {s.style === 'dashed' ? <rect x={lx + 9} y={ly - 4} width="8" height="8" fill={colour} /> : <circle cx={lx + 13} cy={ly} r="4" fill={colour} />}
            <text x={lx + 32} y={ly + 4} fontSize="11" fill={INK}>
              {s.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
