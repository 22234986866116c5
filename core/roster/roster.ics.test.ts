import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildRosterIcs, escapeText, foldLine, osloToUtc } from './roster.ics.ts';
import { DEFAULT_SHIFT_TYPES } from './roster.rules.ts';

describe('roster ICS (RFC 5545)', () => {
  it('converts Oslo local time to UTC in winter and summer time, also past midnight', () => {
    assert.equal(osloToUtc('2027-01-04', 7 * 60).toISOString(), '2027-01-04T06:00:00.000Z');
    assert.equal(osloToUtc('2027-07-05', 7 * 60).toISOString(), '2027-07-05T05:00:00.000Z');
    // Night 22:15 + 9 h ends 07:15 the next morning.
    assert.equal(osloToUtc('2027-01-04', 22 * 60 + 15 + 9 * 60).toISOString(), '2027-01-05T06:15:00.000Z');
  });

  it('escapes text and folds long lines at 75 octets, counting UTF-8 bytes', () => {
    assert.equal(escapeText('a;b,c\\d\ne'), 'a\\;b\\,c\\\\d\\ne');
    const line = `SUMMARY:${'ø'.repeat(60)}`;
    const folded = foldLine(line).split('\r\n');
    assert.ok(folded.length > 1);
    for (const l of folded) assert.ok(Buffer.byteLength(l, 'utf8') <= 75, l);
    assert.equal(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join(''), line);
  });

  it('writes one VEVENT per shift with UID, DTSTAMP, UTC start and end, CRLF line ends', () => {
    const ics = buildRosterIcs({
      periodId: 'p',
      personId: 'e',
      calendarName: 'Turnus, Fjordheimen',
      location: 'Fjordheimen',
      startDate: '2027-01-04',
      shiftTypes: DEFAULT_SHIFT_TYPES,
      shifts: ['D', null, 'N'],
      now: new Date('2026-12-01T10:00:00Z'),
      host: 'rytme.example',
    });
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
    assert.ok(!/[^\r]\n/.test(ics), 'every line ends with CRLF');
    assert.equal(ics.match(/BEGIN:VEVENT/g)?.length, 2);
    assert.match(ics, /UID:p-e-2027-01-04@rytme\.example\r\nDTSTAMP:20261201T100000Z\r\nDTSTART:20270104T060000Z\r\nDTEND:20270104T140000Z\r\nSUMMARY:Dagvakt \(D\)/);
    assert.match(ics, /DTSTART:20270106T211500Z\r\nDTEND:20270107T061500Z/);
    assert.match(ics, /X-WR-CALNAME:Turnus\\, Fjordheimen/);
  });
});
