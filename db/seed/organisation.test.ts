import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateOrganisation } from './organisation.ts';

describe('generateOrganisation', () => {
  it('is deterministic for a seed and well formed', () => {
    let n = 0;
    const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
    const a = generateOrganisation({ seed: 7, employees: 600, uuid });
    n = 0;
    const b = generateOrganisation({ seed: 7, employees: 600, uuid });
    assert.deepEqual(a, b);
    assert.equal(a.persons.length, 600);
    const ids = new Set(a.units.map((u) => u.id));
    for (const u of a.units) {
      if (u.parentId) assert.ok(ids.has(u.parentId), 'parent exists');
      assert.equal(u.path.split('/').length, u.depth + 1);
      assert.ok(u.path.endsWith(u.id));
    }
    const numbers = new Set(a.employments.map((e) => e.employeeNumber));
    assert.equal(numbers.size, a.employments.length, 'employee numbers unique');
    const emails = new Set(a.persons.map((p) => p.email));
    assert.equal(emails.size, a.persons.length, 'e-mails unique');
    for (const l of a.leaders) assert.ok(ids.has(l.unitId));
  });

  it('reaches about 2,000 units at 50,000 employees', () => {
    const org = generateOrganisation({ seed: 1, employees: 50_000 });
    assert.equal(org.persons.length, 50_000);
    assert.ok(org.units.length > 1_500 && org.units.length < 3_500, `units: ${org.units.length}`);
    const sectors = new Set(org.units.filter((u) => u.kind === 'sektor').map((u) => u.name));
    assert.deepEqual([...sectors].sort(), ['Helse og omsorg', 'Kultur', 'Oppvekst', 'Stab og støtte', 'Teknisk']);
  });
});
