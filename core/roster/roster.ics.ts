// An employee's roster as an iCalendar file (RFC 5545): CRLF line ends, lines folded at 75
// octets, escaped text, a stable UID per shift, DTSTAMP, and DTSTART/DTEND in UTC converted
// from Norwegian local time (Europe/Oslo, so summer time is right). Pure: no clock, no I/O.
import { dateOfDay, minutesOf, parseIsoDate, type ShiftTypeDef } from './roster.rules.ts';

const OSLO = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** Milliseconds Europe/Oslo is ahead of UTC at the instant `ms`. */
function osloOffset(ms: number): number {
  const parts = Object.fromEntries(OSLO.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
  return asUtc - ms;
}

/** The UTC instant of local Oslo time `minute` minutes after midnight of `date` (may pass midnight). */
export function osloToUtc(date: string, minute: number): Date {
  const wall = parseIsoDate(date) + minute * 60_000;
  let guess = wall - osloOffset(wall);
  guess = wall - osloOffset(guess);
  return new Date(guess);
}

export function icsTimestamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Fold a content line to at most 75 octets per line (continuation lines start with a space). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export interface IcsInput {
  periodId: string;
  personId: string;
  calendarName: string;
  location: string;
  startDate: string;
  shiftTypes: readonly ShiftTypeDef[];
  shifts: readonly (string | null)[];
  /** DTSTAMP: when the file is made. */
  now: Date;
  host: string;
}

export function buildRosterIcs(input: IcsInput): string {
  const types = new Map(input.shiftTypes.map((s) => [s.code, s]));
  const stamp = icsTimestamp(input.now);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Rytme//Turnus//NN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(input.calendarName)}`, 'X-WR-TIMEZONE:Europe/Oslo'];
  input.shifts.forEach((code, day) => {
    const t = code ? types.get(code) : undefined;
    if (!t) return;
    const date = dateOfDay(input.startDate, day);
    const start = minutesOf(t.start);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${input.periodId}-${input.personId}-${date}@${input.host}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsTimestamp(osloToUtc(date, start))}`,
      `DTEND:${icsTimestamp(osloToUtc(date, start + t.lengthMinutes))}`,
      `SUMMARY:${escapeText(`${t.name} (${t.code})`)}`,
      `LOCATION:${escapeText(input.location)}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  });
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
