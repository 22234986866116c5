import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateRating, canTransition, catalogueMix, feedbackRefusal, halfYearOf, halfYearRange, hasEnded, statusForNewEnrolment, toPromote, waitingPosition, ZMeasureInputSchema } from './catalogue.rules.ts';

const at = (minute: number) => new Date(Date.UTC(2027, 0, 1, 8, minute));

describe('catalogue rules', () => {
  it('puts January–June in spring and July–December in autumn', () => {
    assert.deepEqual(halfYearOf('2027-01-01'), { year: 2027, half: 'spring' });
    assert.deepEqual(halfYearOf('2027-06-30'), { year: 2027, half: 'spring' });
    assert.deepEqual(halfYearOf('2027-07-01'), { year: 2027, half: 'autumn' });
    assert.deepEqual(halfYearOf('2027-12-31'), { year: 2027, half: 'autumn' });
    assert.deepEqual(halfYearRange({ year: 2027, half: 'autumn' }), { from: '2027-07-01', to: '2027-12-31' });
  });

  it('allows draft → published → closed/cancelled and nothing back', () => {
    assert.equal(canTransition('draft', 'published'), true);
    assert.equal(canTransition('published', 'closed'), true);
    assert.equal(canTransition('published', 'cancelled'), true);
    assert.equal(canTransition('draft', 'cancelled'), true);
    assert.equal(canTransition('draft', 'closed'), false);
    assert.equal(canTransition('published', 'draft'), false);
    assert.equal(canTransition('closed', 'published'), false);
    assert.equal(canTransition('cancelled', 'published'), false);
  });

  it('gives a place while one is free, else the waiting list', () => {
    assert.equal(statusForNewEnrolment(2, 0), 'requested');
    assert.equal(statusForNewEnrolment(2, 1), 'requested');
    assert.equal(statusForNewEnrolment(2, 2), 'waiting');
    assert.equal(statusForNewEnrolment(2, 3), 'waiting');
  });

  it('promotes the earliest waiting first, as many as places are free', () => {
    const list = [
      { id: 'a', status: 'approved', requestedAt: at(1) },
      { id: 'c', status: 'waiting', requestedAt: at(5) },
      { id: 'b', status: 'waiting', requestedAt: at(3) },
      { id: 'd', status: 'cancelled', requestedAt: at(2) },
      { id: 'e', status: 'waiting', requestedAt: at(7) },
    ];
    assert.deepEqual(toPromote(list, 1), []);
    assert.deepEqual(toPromote(list, 2).map((e) => e.id), ['b']);
    assert.deepEqual(toPromote(list, 3).map((e) => e.id), ['b', 'c']);
    assert.equal(waitingPosition(list, 'c'), 2);
    assert.equal(waitingPosition(list, 'a'), null);
  });

  it('lets only attendees give feedback, after the end, once', () => {
    assert.equal(feedbackRefusal({ status: 'approved', attended: true, ended: true, alreadyGiven: false }), null);
    assert.equal(feedbackRefusal({ status: 'approved', attended: false, ended: true, alreadyGiven: false }), 'notAttendee');
    assert.equal(feedbackRefusal({ status: 'approved', attended: null, ended: true, alreadyGiven: false }), 'notAttendee');
    assert.equal(feedbackRefusal({ status: 'waiting', attended: true, ended: true, alreadyGiven: false }), 'notAttendee');
    assert.equal(feedbackRefusal({ status: 'approved', attended: true, ended: false, alreadyGiven: false }), 'notEnded');
    assert.equal(feedbackRefusal({ status: 'approved', attended: true, ended: true, alreadyGiven: true }), 'alreadyGiven');
    assert.equal(hasEnded({ endDate: '2027-03-01' }, '2027-03-02'), true);
    assert.equal(hasEnded({ endDate: '2027-03-01' }, '2027-03-01'), false);
    assert.equal(hasEnded({ endDate: null }, '2099-01-01'), false);
  });

  it('rates a provider by the mean of all scores, with the count behind it', () => {
    assert.deepEqual(aggregateRating([]), { average: null, count: 0 });
    assert.deepEqual(aggregateRating([5, 4, 4]), { average: 4.3, count: 3 });
    assert.deepEqual(aggregateRating([1, 2, 9, 0]), { average: 1.5, count: 2 });
  });

  it('counts the mix of courses and learning at work', () => {
    const mix = catalogueMix([{ type: 'external_course' }, { type: 'peer_guidance' }, { type: 'study_group' }, { type: 'unknown' }]);
    assert.equal(mix.course, 1);
    assert.equal(mix.work, 2);
  });

  it('refuses an end before the start and a measure with neither place nor online', () => {
    const base = { type: 'study_group', title: 'Lesesirkel', startDate: '2027-02-01', capacity: '10', costNok: '0', substituteCostNok: '0', place: 'Rom 1' };
    assert.equal(ZMeasureInputSchema.safeParse(base).success, true);
    const bad = ZMeasureInputSchema.safeParse({ ...base, endDate: '2027-01-01' });
    assert.equal(bad.success, false);
    assert.equal(bad.error?.issues[0]?.message, 'catalogue.errors.endBeforeStart');
    const nowhere = ZMeasureInputSchema.safeParse({ ...base, place: '' });
    assert.equal(nowhere.error?.issues[0]?.message, 'catalogue.errors.placeOrOnline');
    assert.equal(ZMeasureInputSchema.safeParse({ ...base, place: '', online: 'on' }).success, true);
  });
});
