import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCurrentLink } from './nav-link-props.ts';

describe('isCurrentLink (which navigation link is the current page)', () => {
  it('marks the exact page and, without end, its ancestors', () => {
    assert.equal(isCurrentLink('/org', '/org'), true);
    assert.equal(isCurrentLink('/org/units/5', '/org'), true);
    assert.equal(isCurrentLink('/org/units/5', '/org', true), false);
    assert.equal(isCurrentLink('/organisation', '/org'), false);
  });
  it('never marks home as the ancestor of every page', () => {
    assert.equal(isCurrentLink('/', '/', true), true);
    assert.equal(isCurrentLink('/wheel', '/'), false);
  });
  it('compares paths only: the query and a trailing slash do not count', () => {
    assert.equal(isCurrentLink('/wheel', '/wheel?year=2027', true), true);
    assert.equal(isCurrentLink('/wheel/board/', '/wheel/board?year=2026', true), true);
    assert.equal(isCurrentLink('/wheel/board', '/wheel?year=2026', true), false);
    assert.equal(isCurrentLink('/Wheel', '/wheel', true), true);
  });
});
