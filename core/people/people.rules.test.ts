import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fullName, idsOnPaths, pathNames, personResource } from './people.rules.ts';
import { can } from '../shared/policy.ts';
import { buildActor } from '../auth/build-actor.ts';

const T = '11111111-1111-4111-8111-111111111111';

describe('people rules', () => {
  it('collects unit ids on paths once and names them root first', () => {
    assert.deepEqual(idsOnPaths(['r/a/b', 'r/a/c', 'r']).sort(), ['a', 'b', 'c', 'r']);
    const names = new Map([
      ['r', { name: 'Kommunen' }],
      ['a', { name: 'Helse' }],
    ]);
    assert.deepEqual(pathNames('r/a/x', names), ['Kommunen', 'Helse', '?']);
    assert.equal(fullName({ givenName: 'Kari', familyName: 'Nordmann' }), 'Kari Nordmann');
  });

  it('makes a person resource the policy scopes by unit path, whole segments only', () => {
    const leader = buildActor({ tenantId: T, accountId: 'acc', personId: 'p-leader', assignedRoles: [], leaderUnitPaths: ['r/a'], ownUnitPaths: ['r/a'] });
    assert.equal(can(leader, 'person.read', personResource(T, 'p1', ['r/a/b'])), true, 'descendant unit');
    assert.equal(can(leader, 'person.write', personResource(T, 'p1', ['r/a'])), true, 'own unit');
    assert.equal(can(leader, 'person.read', personResource(T, 'p2', ['r/ab'])), false, 'a sibling with a similar id prefix');
    assert.equal(can(leader, 'person.read', personResource(T, 'p3', [])), false, 'no active employment');
    assert.equal(can(leader, 'person.export', personResource(T, 'p1', ['r/a/b'])), false, 'export is for oneself only');
    assert.equal(can(leader, 'person.export', personResource(T, 'p-leader', [])), true);
  });
});
