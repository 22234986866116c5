// The year as a wheel, server-rendered SVG: twelve month sectors (sized by their days) from
// January at the top, clockwise; public holidays as ticks on the rim; each milestone as a
// numbered mark at its date (joined to the rim by a dotted line), shaped and coloured by status; a hand pointing at today. The SVG
// is one image with a title and description; the milestones are listed as text beside it
// (the numbers match), so nothing depends on seeing the drawing.
import { useT } from '../i18n/use-t.ts';
import { StatusShape, type ShownStatus } from './wheel-status.tsx';

export interface WheelMark {
  id: string;
  number: number;
  date: string;
  status: ShownStatus;
}

interface Props {
  year: number;
  today: string;
  marks: WheelMark[];
  holidays: Array<{ date: string; name: string }>;
  titleId: string;
  descId: string;
}

const R_OUTER = 190;
const R_INNER = 125;
const R_MARKS = 100;

/** Fraction of the year (0..1) at which a month-day falls, ignoring the year (the wheel is a cycle). */
function fractionOf(date: string, year: number): number {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const start = Date.UTC(year, 0, 1);
  const length = Date.UTC(year + 1, 0, 1) - start;
  // Noon of the day; 29 Feb in a non-leap year falls on 1 Mar.
  return (Date.UTC(year, month - 1, day, 12) - start) / length;
}

function point(fraction: number, radius: number): [number, number] {
  const angle = fraction * 2 * Math.PI - Math.PI / 2;
  return [Math.round(Math.cos(angle) * radius * 100) / 100, Math.round(Math.sin(angle) * radius * 100) / 100];
}

function sectorPath(from: number, to: number): string {
  const [x1, y1] = point(from, R_OUTER);
  const [x2, y2] = point(to, R_OUTER);
  const [x3, y3] = point(to, R_INNER);
  const [x4, y4] = point(from, R_INNER);
  const large = to - from > 0.5 ? 1 : 0;
  return `M ${x1} ${y1} A ${R_OUTER} ${R_OUTER} 0 ${large} 1 ${x2} ${y2} L ${x3} ${y3} A ${R_INNER} ${R_INNER} 0 ${large} 0 ${x4} ${y4} Z`;
}

/** Spread marks that would overlap: same or neighbouring dates step inwards. */
function placeMarks(marks: WheelMark[], year: number) {
  const sorted = [...marks].sort((a, b) => fractionOf(a.date, year) - fractionOf(b.date, year));
  const placed: Array<WheelMark & { x: number; y: number; lx: number; ly: number; rx: number; ry: number }> = [];
  let lastFraction = -1;
  let lane = 0;
  for (const m of sorted) {
    const f = fractionOf(m.date, year);
    lane = f - lastFraction < 0.025 ? lane + 1 : 0;
    lastFraction = f;
    const radius = R_MARKS - lane * 24;
    const [x, y] = point(f, radius);
    const [lx, ly] = point(f, radius - 17);
    const [rx, ry] = point(f, R_INNER - 2);
    placed.push({ ...m, x, y, lx, ly, rx, ry });
  }
  return placed;
}

export function AnnualWheelSvg({ year, today, marks, holidays, titleId, descId }: Props) {
  const t = useT();
  const months = Array.from({ length: 12 }, (_, i) => {
    const from = fractionOf(`${year}-${String(i + 1).padStart(2, '0')}-01`, year) - 0.5 / 366;
    const to = i === 11 ? 1 : fractionOf(`${year}-${String(i + 2).padStart(2, '0')}-01`, year) - 0.5 / 366;
    return { index: i + 1, from: Math.max(0, from), to };
  });
  const showHand = Number(today.slice(0, 4)) === year;
  const [hx, hy] = point(fractionOf(today, year), R_OUTER - 4);
  return (
    <svg viewBox="-200 -200 400 400" className="annual-wheel" role="img" aria-labelledby={`${titleId} ${descId}`} xmlns="http://www.w3.org/2000/svg">
      <title id={titleId}>{t('wheel.page.svgTitle', { year })}</title>
      <desc id={descId}>{t('wheel.page.svgDesc', { today, count: marks.length })}</desc>
      {months.map((m) => {
        const [tx, ty] = point((m.from + m.to) / 2, (R_OUTER + R_INNER) / 2);
        return (
          <g key={m.index}>
            <path d={sectorPath(m.from, m.to)} fill={m.index % 2 ? '#eef3f8' : '#dfe8f1'} stroke="#ffffff" strokeWidth="2" />
            <text x={tx} y={ty} textAnchor="middle" dominantBaseline="central" fontSize="13" fill="#1e2b3c">
              {t(`wheel.months.${m.index}`).slice(0, 3)}
            </text>
          </g>
        );
      })}
      {holidays.map((h) => {
        const f = fractionOf(h.date, year);
        const [x1, y1] = point(f, R_OUTER - 1);
        const [x2, y2] = point(f, R_OUTER - 11);
        return <line key={h.date} x1={x1} y1={y1} x2={x2} y2={y2} stroke="#8a1c1c" strokeWidth="2.5" />;
      })}
      <circle cx="0" cy="0" r={R_INNER - 2} fill="#ffffff" />
      {showHand ? (
        <g className="annual-wheel__hand">
          <line x1="0" y1="0" x2={hx} y2={hy} stroke="#1e2b3c" strokeWidth="3" strokeLinecap="round" />
          <circle cx="0" cy="0" r="6" fill="#1e2b3c" />
        </g>
      ) : null}
      <text x="0" y="28" textAnchor="middle" fontSize="20" fontWeight="600" fill="#1e2b3c">
        {year}
      </text>
      {showHand ? (
        <text x="0" y="46" textAnchor="middle" fontSize="11" fill="#1e2b3c">
          {`${t('wheel.page.today')}: ${today.slice(8, 10)}.${today.slice(5, 7)}.`}
        </text>
      ) : null}
      {placeMarks(marks, year).map((m) => (
        <g key={m.id}>
          <line x1={m.rx} y1={m.ry} x2={m.x} y2={m.y} stroke="#6b7a8c" strokeWidth="1.5" strokeDasharray="3 2" />
          <StatusShape status={m.status} x={m.x} y={m.y} r={9} />
          <text x={m.lx} y={m.ly} textAnchor="middle" dominantBaseline="central" fontSize="11" fontWeight="700" fill="#1e2b3c">
            {m.number}
          </text>
        </g>
      ))}
    </svg>
  );
}
