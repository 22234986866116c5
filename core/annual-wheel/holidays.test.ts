// The wheel's public holidays: nynorsk names of their own, bokmål and English from date-holidays.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NYNORSK_NAMES, publicHolidays } from './holidays.ts';

describe('public holidays', () => {
  it('names every public holiday of 2026 in nynorsk', () => {
    assert.deepEqual(
      publicHolidays(2026, 'nn').map((h) => `${h.date} ${h.name}`),
      [
        '2026-01-01 Første nyttårsdag',
        '2026-04-02 Skjærtorsdag',
        '2026-04-03 Langfredag',
        '2026-04-05 Første påskedag',
        '2026-04-06 Andre påskedag',
        '2026-05-01 Arbeidarane sin dag',
        '2026-05-14 Kristi himmelfartsdag',
        '2026-05-17 Grunnlovsdagen',
        '2026-05-24 Første pinsedag',
        '2026-05-25 Andre pinsedag',
        '2026-12-25 Første juledag',
        '2026-12-26 Andre juledag',
      ],
    );
  });

  it('uses a nynorsk name from the table for every day, also in another year', () => {
    const names = new Set(Object.values(NYNORSK_NAMES));
    const year = publicHolidays(2031, 'nn');
    assert.equal(year.length, 12);
    assert.ok(year.every((h) => names.has(h.name)), JSON.stringify(year));
  });

  it('keeps bokmål and English names apart from nynorsk', () => {
    const mayDay = (language: 'nn' | 'nb' | 'en') => publicHolidays(2026, language).find((h) => h.date === '2026-05-01')?.name;
    assert.equal(mayDay('nb'), 'Arbeidernes dag');
    assert.equal(mayDay('en'), 'Labour Day');
    assert.equal(mayDay('nn'), 'Arbeidarane sin dag');
    // The cache keeps each language separately: nb asked after nn still gets bokmål.
    assert.equal(publicHolidays(2026, 'nb').find((h) => h.date === '2026-05-01')?.name, 'Arbeidernes dag');
  });
});
