// Server-rendered SVG charts of the maturity pages. Each has a <title> and <desc> and sits next to
// a table with the same numbers; fills differ by pattern (solid, hatched, dotted) and every bar
// carries its numbers as text, so colour is never the only cue.
import { useId } from 'react';
import { useLanguage, useT } from '../i18n/use-t.ts';
import { numberFormat } from '../i18n/format.ts';

const INK = '#1e2b3c';
const FILL = '#1f5f8b';
const MUTED = '#5b6670';

function Patterns({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke={FILL} strokeWidth="3" />
      </pattern>
      <pattern id={`${id}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#ffffff" />
        <circle cx="3" cy="3" r="1.4" fill={FILL} />
      </pattern>
    </defs>
  );
}

export interface ScaleRow {
  label: string;
  /** Counts per value 1..10, or null when hidden. */
  distribution: number[] | null;
  mean: number | null;
  hiddenText: string;
}

/** Appendix 2 as a chart: one row per group on the 1–10 scale, a bar per value, a triangle at the mean. */
export function ScaleByGroupChart({ title, desc, rows, meanLabel }: { title: string; desc: string; rows: ScaleRow[]; meanLabel: string }) {
  const id = useId().replace(/:/g, '');
  const language = useLanguage();
  const fmt = numberFormat(language, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const left = 150;
  const step = 40;
  const rowH = 78;
  const width = left + step * 10 + 20;
  const height = rows.length * rowH + 30;
  const max = Math.max(1, ...rows.flatMap((r) => r.distribution ?? []));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="maturity-chart" role="img" aria-labelledby={`${id}-t ${id}-d`} xmlns="http://www.w3.org/2000/svg">
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {Array.from({ length: 10 }, (_, i) => (
        <text key={i} x={left + step * i + step / 2} y={height - 8} textAnchor="middle" fontSize="12" fill={INK}>
          {i + 1}
        </text>
      ))}
      {rows.map((r, ri) => {
        const base = ri * rowH + 50;
        return (
          <g key={r.label}>
            <text x={0} y={base - 14} fontSize="13" fontWeight="600" fill={INK}>
              {r.label}
            </text>
            <line x1={left} y1={base} x2={left + step * 10} y2={base} stroke={MUTED} strokeWidth="1" />
            {r.distribution === null ? (
              <text x={left + 8} y={base - 14} fontSize="12" fill={INK}>
                {r.hiddenText}
              </text>
            ) : (
              <>
                {r.distribution.map((n, i) =>
                  n > 0 ? (
                    <g key={i}>
                      <rect x={left + step * i + 8} y={base - (n / max) * 40} width={step - 16} height={(n / max) * 40} fill={FILL} />
                      <text x={left + step * i + step / 2} y={base - (n / max) * 40 - 3} textAnchor="middle" fontSize="11" fill={INK}>
                        {n}
                      </text>
                    </g>
                  ) : null,
                )}
                {r.mean !== null ? (
                  <g>
                    <path d={`M ${left + step * (r.mean - 0.5)} ${base + 2} l -6 10 h 12 z`} fill={INK} />
                    <text x={left + step * (r.mean - 0.5) + 9} y={base + 12} fontSize="11" fill={INK}>
                      {`${meanLabel} ${fmt.format(r.mean)}`}
                    </text>
                  </g>
                ) : null}
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}

export interface StackRow {
  label: string;
  /** Segments in order, each drawn solid, hatched, then dotted; null when hidden. */
  parts: Array<{ label: string; value: number }> | null;
  hiddenText: string;
}

/** Horizontal stacked bars (yes/no, yes/partly/no, answered/invited), numbers written beside each bar. */
export function StackedBarsChart({ title, desc, rows, labelWidth = 150 }: { title: string; desc: string; rows: StackRow[]; labelWidth?: number }) {
  const id = useId().replace(/:/g, '');
  const barW = 260;
  const rowH = 34;
  const width = labelWidth + barW + 230;
  const height = rows.length * rowH + 10;
  const fills = [FILL, `url(#${id}-hatch)`, `url(#${id}-dots)`];
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="maturity-chart" role="img" aria-labelledby={`${id}-t ${id}-d`} xmlns="http://www.w3.org/2000/svg">
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <Patterns id={id} />
      {rows.map((r, ri) => {
        const y = ri * rowH + 8;
        const total = r.parts ? r.parts.reduce((a, p) => a + p.value, 0) : 0;
        let x = labelWidth;
        return (
          <g key={`${r.label}-${ri}`}>
            <text x={0} y={y + 15} fontSize="12" fill={INK}>
              {r.label}
            </text>
            <rect x={labelWidth} y={y} width={barW} height={22} fill="none" stroke={MUTED} />
            {r.parts === null ? (
              <text x={labelWidth + barW + 8} y={y + 15} fontSize="12" fill={INK}>
                {r.hiddenText}
              </text>
            ) : (
              <>
                {r.parts.map((p, pi) => {
                  const w = total === 0 ? 0 : (p.value / total) * barW;
                  const rect = w > 0 ? <rect key={p.label} x={x} y={y} width={w} height={22} fill={fills[pi % fills.length]} stroke={FILL} /> : null;
                  x += w;
                  return rect;
                })}
                <text x={labelWidth + barW + 8} y={y + 15} fontSize="12" fill={INK}>
                  {r.parts.map((p) => `${p.label} ${p.value}`).join(' · ')}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}

export interface ScaleMarker {
  label: string;
  /** 0..1, or null when not shown. */
  position: number | null;
}

/** The maturity scale: three fields (usystematisk, systematisk, systemisk), the measured stage above, each group's self-image below. */
export function MaturityScaleChart({
  title,
  desc,
  stages,
  thresholds,
  measured,
  selfImage,
}: {
  title: string;
  desc: string;
  stages: [string, string, string];
  thresholds: { systematic: number; systemic: number };
  measured: ScaleMarker;
  selfImage: ScaleMarker[];
}) {
  const id = useId().replace(/:/g, '');
  const t = useT();
  const left = 20;
  const w = 560;
  const axisY = 90;
  const x = (p: number) => left + p * w;
  const shown = selfImage.filter((s) => s.position !== null);
  const height = axisY + 50 + shown.length * 22;
  const bands: Array<[number, number, string, string]> = [
    [0, thresholds.systematic, stages[0], '#ffffff'],
    [thresholds.systematic, thresholds.systemic, stages[1], `url(#${id}-dots)`],
    [thresholds.systemic, 1, stages[2], `url(#${id}-hatch)`],
  ];
  return (
    <svg viewBox={`0 0 ${w + left * 2} ${height}`} className="maturity-chart" role="img" aria-labelledby={`${id}-t ${id}-d`} xmlns="http://www.w3.org/2000/svg">
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <Patterns id={id} />
      {bands.map(([a, b, label, fill]) => (
        <g key={label}>
          <rect x={x(a)} y={axisY - 24} width={x(b) - x(a)} height={24} fill={fill} stroke={INK} opacity="0.55" />
          <text x={(x(a) + x(b)) / 2} y={axisY + 16} textAnchor="middle" fontSize="13" fontWeight="600" fill={INK}>
            {label}
          </text>
        </g>
      ))}
      {measured.position !== null ? (
        <g>
          <path d={`M ${x(measured.position)} ${axisY - 26} l -8 -14 h 16 z`} fill={INK} />
          <text x={x(measured.position)} y={axisY - 46} textAnchor="middle" fontSize="12" fill={INK}>
            {measured.label}
          </text>
        </g>
      ) : (
        <text x={left} y={30} fontSize="12" fill={INK}>
          {t('maturity.overview.noStage')}
        </text>
      )}
      {shown.map((s, i) => (
        <g key={s.label}>
          <circle cx={x(s.position!)} cy={axisY + 36 + i * 22} r="6" fill="#ffffff" stroke={INK} strokeWidth="2" />
          <line x1={x(s.position!)} y1={axisY} x2={x(s.position!)} y2={axisY + 30 + i * 22} stroke={MUTED} strokeDasharray="2 2" />
          <text x={x(s.position!) + (s.position! > 0.7 ? -10 : 10)} y={axisY + 40 + i * 22} textAnchor={s.position! > 0.7 ? 'end' : 'start'} fontSize="12" fill={INK}>
            {s.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
