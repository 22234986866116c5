import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../shared/app-error.ts';
import { parseCreateTenant, SLUG_PATTERN, suggestSlug } from './platform.rules.ts';

const valid = { name: 'Fjordvik kommune', slug: 'fjordvik', municipalityNumber: '4699', regionId: '', defaultLanguage: 'nn', adminEmail: 'Admin@Fjordvik.kommune.no', adminName: 'Ingrid Admin' };

function issuesOf(input: unknown): Record<string, string> {
  try {
    parseCreateTenant(input);
  } catch (error) {
    assert.ok(error instanceof AppError);
    return Object.fromEntries(error.issues.map((i) => [i.path, i.key]));
  }
  throw new Error('expected a validation error');
}

describe('platform rules', () => {
  it('accepts a valid tenant and normalises e-mail and empty region', () => {
    const parsed = parseCreateTenant(valid);
    assert.equal(parsed.adminEmail, 'admin@fjordvik.kommune.no');
    assert.equal(parsed.regionId, null);
    assert.equal(parsed.defaultLanguage, 'nn');
  });

  it('allows only lower-case letters, digits and inner hyphens in slugs', () => {
    for (const ok of ['ab', 'fjordvik', 'nord-fron', 'k-4601', '0301']) assert.ok(SLUG_PATTERN.test(ok), ok);
    for (const bad of ['a', 'Fjordvik', 'fjord vik', '-fjordvik', 'fjordvik-', 'fjord--vik', 'fjørdvik', 'x'.repeat(51), 'a/b']) assert.ok(!SLUG_PATTERN.test(bad), bad);
    assert.deepEqual(issuesOf({ ...valid, slug: 'fjord vik' }), { slug: 'admin.platform.errors.slugFormat' });
  });

  it('requires a four-digit municipality number', () => {
    assert.deepEqual(issuesOf({ ...valid, municipalityNumber: '461' }), { municipalityNumber: 'admin.platform.errors.municipalityNumberFormat' });
    assert.deepEqual(issuesOf({ ...valid, municipalityNumber: '46011' }), { municipalityNumber: 'admin.platform.errors.municipalityNumberFormat' });
    assert.deepEqual(issuesOf({ ...valid, municipalityNumber: '' }), { municipalityNumber: 'errors.field.required' });
  });

  it('reports every missing field with the shared message keys', () => {
    const issues = issuesOf({ defaultLanguage: 'xx' });
    assert.equal(issues.name, 'errors.field.required');
    assert.equal(issues.adminEmail, 'errors.field.required');
    assert.equal(issues.defaultLanguage, 'errors.field.invalid');
    assert.equal(issuesOf({ ...valid, adminEmail: 'not-an-address' }).adminEmail, 'errors.field.format.email');
    assert.equal(issuesOf({ ...valid, adminEmail: '  ' }).adminEmail, 'errors.field.required');
  });

  it('suggests a slug from a Norwegian name', () => {
    assert.equal(suggestSlug('Fjordvik kommune'), 'fjordvik');
    assert.equal(suggestSlug('Bø i Telemark'), 'bo-i-telemark');
    assert.equal(suggestSlug('Hå'), 'ha');
    assert.equal(suggestSlug('Ærøy Åsen'), 'aeroy-asen');
  });
});
