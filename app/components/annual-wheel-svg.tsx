// The year as a wheel, server-rendered SVG: twelve month sectors (sized by their days) from
// January at the top, clockwise; public holidays as ticks on the rim; each milestone as a
// numbered mark at its date (joined to the rim by a dotted line), shaped and coloured by status; a hand pointing at today. The SVG
// is one image with a title and description; the milestones are listed as text beside it
// (the numbers match), so nothing depends on seeing the drawing.
import { useT, type TFunction } from '../i18n/use-t.ts';
import { STATUS_STYLE, type ShownStatus } from './wheel-status.tsx';

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

/** Text for SVG markup: &, <, > and quotes escaped (as React escapes text and attributes). */
function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#x27;'));
}

/** The marker shape of a status as SVG markup (the same drawing as StatusShape). */
function statusShapeMarkup(status: ShownStatus, x: number, y: number, r: number): string {
  const color = STATUS_STYLE[status].color;
  switch (status) {
    case 'done':
      return `<g><circle cx="${x}" cy="${y}" r="${r}" fill="${color}"></circle><path d="M ${x - r * 0.5} ${y} L ${x - r * 0.1} ${y + r * 0.45} L ${x + r * 0.55} ${y - r * 0.4}" stroke="#fff" stroke-width="${r * 0.28}" fill="none" stroke-linecap="round" stroke-linejoin="round"></path></g>`;
    case 'in_progress':
      return `<g><circle cx="${x}" cy="${y}" r="${r}" fill="#fff" stroke="${color}" stroke-width="${r * 0.3}"></circle><path d="M ${x} ${y - r} A ${r} ${r} 0 0 1 ${x} ${y + r} Z" fill="${color}"></path></g>`;
    case 'overdue':
      return `<g><rect x="${x - r}" y="${y - r}" width="${r * 2}" height="${r * 2}" fill="${color}" rx="${r * 0.2}"></rect><path d="M ${x} ${y - r * 0.55} L ${x} ${y + r * 0.15}" stroke="#fff" stroke-width="${r * 0.3}" stroke-linecap="round"></path><circle cx="${x}" cy="${y + r * 0.55}" r="${r * 0.16}" fill="#fff"></circle></g>`;
    default:
      return `<circle cx="${x}" cy="${y}" r="${r * 0.85}" fill="#fff" stroke="${color}" stroke-width="${r * 0.3}"></circle>`;
  }
}

/**
 * The wheel as one SVG string. About a hundred elements with many attributes each: built as a
 * string it costs a fraction of rendering them as React elements on every request (the wheel
 * page's largest rendering cost), and the browser computes the same string when it hydrates.
 */
export function annualWheelMarkup({ year, today, marks, holidays, titleId, descId }: Props, t: TFunction): string {
  const months = Array.from({ length: 12 }, (_, i) => {
    const from = fractionOf(`${year}-${String(i + 1).padStart(2, '0')}-01`, year) - 0.5 / 366;
    const to = i === 11 ? 1 : fractionOf(`${year}-${String(i + 2).padStart(2, '0')}-01`, year) - 0.5 / 366;
    return { index: i + 1, from: Math.max(0, from), to };
  });
  const showHand = Number(today.slice(0, 4)) === year;
  const [hx, hy] = point(fractionOf(today, year), R_OUTER - 4);
  const out: string[] = [
    `<svg viewBox="-200 -200 400 400" class="annual-wheel" role="img" aria-labelledby="${esc(`${titleId} ${descId}`)}" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${esc(titleId)}">${esc(t('wheel.page.svgTitle', { year }))}</title>`,
    `<desc id="${esc(descId)}">${esc(t('wheel.page.svgDesc', { today, count: marks.length }))}</desc>`,
  ];
  for (const m of months) {
    const [tx, ty] = point((m.from + m.to) / 2, (R_OUTER + R_INNER) / 2);
    out.push(
      `<g><path d="${sectorPath(m.from, m.to)}" fill="${m.index % 2 ? '#eef3f8' : '#dfe8f1'}" stroke="#ffffff" stroke-width="2"></path>`,
      `<text x="${tx}" y="${ty}" text-anchor="middle" dominant-baseline="central" font-size="13" fill="#1e2b3c">${esc(t(`wheel.months.${m.index}`).slice(0, 3))}</text></g>`,
    );
  }
  for (const h of holidays) {
    const f = fractionOf(h.date, year);
    const [x1, y1] = point(f, R_OUTER - 1);
    const [x2, y2] = point(f, R_OUTER - 11);
    out.push(`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#8a1c1c" stroke-width="2.5"></line>`);
  }
  out.push(`<circle cx="0" cy="0" r="${R_INNER - 2}" fill="#ffffff"></circle>`);
  if (showHand) {
    out.push(`<g class="annual-wheel__hand"><line x1="0" y1="0" x2="${hx}" y2="${hy}" stroke="#1e2b3c" stroke-width="3" stroke-linecap="round"></line><circle cx="0" cy="0" r="6" fill="#1e2b3c"></circle></g>`);
  }
  out.push(`<text x="0" y="28" text-anchor="middle" font-size="20" font-weight="600" fill="#1e2b3c">${year}</text>`);
  if (showHand) {
    out.push(`<text x="0" y="46" text-anchor="middle" font-size="11" fill="#1e2b3c">${esc(`${t('wheel.page.today')}: ${today.slice(8, 10)}.${today.slice(5, 7)}.`)}</text>`);
  }
  for (const m of placeMarks(marks, year)) {
    out.push(
      `<g><line x1="${m.rx}" y1="${m.ry}" x2="${m.x}" y2="${m.y}" stroke="#6b7a8c" stroke-width="1.5" stroke-dasharray="3 2"></line>`,
      statusShapeMarkup(m.status, m.x, m.y, 9),
      `<text x="${m.lx}" y="${m.ly}" text-anchor="middle" dominant-baseline="central" font-size="11" font-weight="700" fill="#1e2b3c">${m.number}</text></g>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}

/** The wheel in a frame element (the SVG is inserted as markup; see annualWheelMarkup). */
export function AnnualWheelSvg(props: Props) {
  const t = useT();
  return <div className="annual-wheel-frame" dangerouslySetInnerHTML={{ __html: annualWheelMarkup(props, t) }} />;
}
