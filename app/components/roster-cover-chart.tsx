// Staffing per shift and day drawn as a strip of cells (server-rendered SVG): each cell shows
// "have/need", red when short, green when covered, neutral where nothing is needed. The
// title and description name it for assistive technology; each cell has its own <title>,
// and the same facts are in the issue list below the chart (the text alternative).
import { useId } from 'react';
import { useT } from '../i18n/use-t.ts';
import type { RosterGrid, ShiftTypeDef, StaffingNeed } from '../../core/roster/roster.rules.ts';

const CELL = 30;
const LABEL = 40;
const HEAD = 34;

export function CoverChart({ grid, staffing, shiftTypes, days }: { grid: RosterGrid; staffing: readonly StaffingNeed[]; shiftTypes: readonly ShiftTypeDef[]; days: readonly { day: number; date: string; weekday: number }[] }) {
  const t = useT();
  const id = useId();
  const rows = shiftTypes.filter((s) => staffing.some((n) => n.shift === s.code && n.count > 0) || days.some((d) => Object.values(grid).some((r) => r[d.day] === s.code)));
  const width = LABEL + days.length * CELL;
  const height = HEAD + rows.length * CELL;
  return (
    <svg className="roster-chart" role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${width} ${height}`} width={width} height={height}>
      <title id={`${id}-t`}>{t('roster.chart.title')}</title>
      <desc id={`${id}-d`}>{t('roster.chart.desc')}</desc>
      {days.map((d) => (
        <text key={d.day} x={LABEL + d.day * CELL + CELL / 2} y={14} textAnchor="middle" className="roster-chart__head">
          {t(`roster.weekday.${d.weekday}`)}
          <tspan x={LABEL + d.day * CELL + CELL / 2} dy={13}>
            {d.date.slice(8)}
          </tspan>
        </text>
      ))}
      {rows.map((s, r) => (
        <g key={s.code}>
          <text x={LABEL - 8} y={HEAD + r * CELL + CELL / 2 + 4} textAnchor="end" className="roster-chart__label">
            {s.code}
          </text>
          {days.map((d) => {
            const need = staffing.find((n) => n.shift === s.code && n.weekday === d.weekday)?.count ?? 0;
            const have = Object.values(grid).filter((row) => row[d.day] === s.code).length;
            const state = need === 0 && have === 0 ? 'none' : have < need ? 'short' : have > need ? 'over' : 'ok';
            return (
              <g key={d.day}>
                <title>{t('roster.chart.cell', { code: s.code, date: d.date, have, need })}</title>
                <rect x={LABEL + d.day * CELL + 1} y={HEAD + r * CELL + 1} width={CELL - 2} height={CELL - 2} rx={3} className={`roster-chart__cell roster-chart__cell--${state}`} />
                {state !== 'none' ? (
                  <text x={LABEL + d.day * CELL + CELL / 2} y={HEAD + r * CELL + CELL / 2 + 4} textAnchor="middle" className="roster-chart__value">
                    {have}/{need}
                  </text>
                ) : null}
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
