// Pure rules for platform administration: what a valid tenant and region look like. Used by
// the create use cases and unit-tested in platform.rules.test.ts.
import { z } from 'zod';
import type { ValidationIssue } from '../shared/app-error.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { issuesFromZod } from '../shared/zod.ts';
import { LANGUAGES } from '../../locales/index.ts';

/** Lower-case letters, digits and single hyphens; starts and ends with a letter or digit. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,48}[a-z0-9]?$/;
/** Kommunenummer: four digits (e.g. 4601 Bergen, 0301 Oslo). */
export const MUNICIPALITY_NUMBER_PATTERN = /^\d{4}$/;

const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const ZCreateTenantSchema = z.object({
  name: trimmed(120),
  slug: z.string().trim().toLowerCase().min(1).max(50),
  municipalityNumber: z.string().trim().min(1),
  regionId: z.union([z.uuid(), z.literal('').transform(() => null)]).nullable().default(null),
  defaultLanguage: z.enum(LANGUAGES),
  adminEmail: z.email().trim().toLowerCase().max(254),
  adminName: trimmed(120),
});
export type TCreateTenant = z.output<typeof ZCreateTenantSchema>;

export const ZCreateRegionSchema = z.object({ name: trimmed(120) });
export type TCreateRegion = z.output<typeof ZCreateRegionSchema>;

export const ZTenantStatusChangeSchema = z.object({
  tenantId: z.uuid(),
  status: z.enum(['active', 'suspended']),
  version: z.coerce.number().int().positive(),
});
export type TTenantStatusChange = z.output<typeof ZTenantStatusChangeSchema>;

/** Parse the new-tenant form: zod for shape, then the slug and municipality number formats. */
export function parseCreateTenant(input: unknown): TCreateTenant {
  const result = ZCreateTenantSchema.safeParse(input);
  // An empty text field is "required", not "too short".
  const issues: ValidationIssue[] = result.success
    ? []
    : issuesFromZod(result.error).map((i) => (i.key === 'errors.field.tooShort' && i.params?.min === 1 ? { path: i.path, key: 'errors.field.required' } : i));
  const raw = (input ?? {}) as Record<string, unknown>;
  // A field left empty is "required", whatever format it would have needed.
  for (const issue of issues) {
    const value = raw[issue.path];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (issue.path !== 'regionId') issue.key = 'errors.field.required';
    }
  }
  const has = (path: string) => issues.some((i) => i.path === path);
  const slug = typeof raw.slug === 'string' ? raw.slug.trim().toLowerCase() : '';
  if (!has('slug') && !SLUG_PATTERN.test(slug)) issues.push({ path: 'slug', key: 'admin.platform.errors.slugFormat' });
  const number = typeof raw.municipalityNumber === 'string' ? raw.municipalityNumber.trim() : '';
  if (!has('municipalityNumber') && !MUNICIPALITY_NUMBER_PATTERN.test(number)) issues.push({ path: 'municipalityNumber', key: 'admin.platform.errors.municipalityNumberFormat' });
  if (issues.length || !result.success) throw new AppError(AppErrorCode.VALIDATION, { issues });
  return result.data;
}

/** A slug suggestion from a municipality name: "Fjordvik kommune" -> "fjordvik". */
export function suggestSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/\s+kommune$/, '')
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
}
