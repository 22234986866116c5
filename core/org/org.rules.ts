// Pure rules for the organisation and its people: materialised paths, cycle checks, the
// shape of a tree, and the validation schemas for units, persons and employments.
import { z } from 'zod';
import { AppError, AppErrorCode, type ValidationIssue } from '../shared/app-error.ts';
import { issuesFromZod } from '../shared/zod.ts';

import { UNIT_KINDS } from './unit-kinds.ts';
export { UNIT_KINDS, type TUnitKind } from './unit-kinds.ts';

// ---------------------------------------------------------------- paths

/** Path of a unit placed under `parentPath` (or a root when the parent is null). */
export function childPath(parentPath: string | null, unitId: string): string {
  return parentPath ? `${parentPath}/${unitId}` : unitId;
}

/** Depth of a unit from its path: a root has depth 0. */
export function depthOfPath(path: string): number {
  return path.split('/').length - 1;
}

/** Ids of the unit's ancestors (root first), excluding the unit itself. */
export function ancestorIds(path: string): string[] {
  return path.split('/').slice(0, -1);
}

/** True when `path` is `ancestorPath` itself or lies below it. */
export function isInSubtree(path: string, ancestorPath: string): boolean {
  return path === ancestorPath || path.startsWith(`${ancestorPath}/`);
}

/** Moving a unit under `newParentPath` would make it its own ancestor. */
export function wouldCreateCycle(unitPath: string, newParentPath: string): boolean {
  return isInSubtree(newParentPath, unitPath);
}

/** The new path of a unit in a moved subtree (`oldPrefix` is the moved unit's old path). */
export function rebasePath(path: string, oldPrefix: string, newPrefix: string): string {
  if (!isInSubtree(path, oldPrefix)) throw new Error(`rebasePath: ${path} is not under ${oldPrefix}`);
  return newPrefix + path.slice(oldPrefix.length);
}

// Tree shaping lives in tree.ts (no dependencies, so the browser bundle can use it too).
export { buildTree, filterTreeIds, flattenTree, type FlatUnit, type TreeNode } from './tree.ts';

// ---------------------------------------------------------------- validation

/** Form text: trimmed; empty becomes null for optional fields. */
const text = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(1).max(max));
const optionalText = (max: number) =>
  z.preprocess((v) => (v === undefined || v === null ? null : typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : v), z.string().max(max).nullable());
const optionalUuid = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.uuid().nullable());

export const ZUnitInputSchema = z.object({
  name: text(200),
  kind: z.enum(UNIT_KINDS),
  code: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(1).max(50).regex(/^[\p{L}\p{N}_.\-/]+$/u, 'org.errors.codeFormat')),
  parentId: optionalUuid,
});
export type TUnitInput = z.infer<typeof ZUnitInputSchema>;

export const ZVersionSchema = z.coerce.number().int().min(1);

/** Oldest and youngest plausible birth years for an employee, relative to `year`. */
export function birthYearRange(year: number): { min: number; max: number } {
  return { min: year - 100, max: year - 13 };
}

export function personInputSchema(currentYear: number) {
  const range = birthYearRange(currentYear);
  return z.object({
    givenName: text(100),
    familyName: text(100),
    email: z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : (v ?? null)), z.email().max(254).nullable()),
    phone: z.preprocess(
      (v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : (v ?? null)),
      z.string().max(30).regex(/^\+?[0-9 ()-]{5,}$/, 'org.errors.phoneFormat').nullable(),
    ),
    birthYear: z.preprocess(
      (v) => (v === '' || v === undefined || v === null ? null : typeof v === 'string' ? Number(v.trim()) : v),
      z.number().int().min(range.min).max(range.max).nullable(),
    ),
  });
}
export type TPersonInput = z.infer<ReturnType<typeof personInputSchema>>;

/** FTE in percent: 0–100 with at most two decimals; accepts a decimal comma. */
export const ZFteSchema = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim().replace(',', '.'))) : v),
  z
    .number()
    .min(0)
    .max(100)
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-7, 'org.errors.fteDecimals'),
);

const isoDate = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.iso.date());
const optionalIsoDate = z.preprocess((v) => (v === '' || v === undefined ? null : typeof v === 'string' ? v.trim() : v), z.iso.date().nullable());

export const ZEmploymentInputSchema = z
  .object({
    unitId: z.uuid(),
    employeeNumber: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(1).max(30).regex(/^[\p{L}\p{N}_.-]+$/u, 'org.errors.employeeNumberFormat')),
    positionTitle: text(200),
    ftePercent: ZFteSchema,
    styrk08: z.preprocess((v) => (v === '' || v === undefined ? null : typeof v === 'string' ? v.trim() : v), z.string().regex(/^\d{4}$/, 'org.errors.styrkUnknown').nullable()),
    ksJobCode: optionalText(20),
    occupationalGroup: optionalText(100),
    startDate: isoDate,
    endDate: optionalIsoDate,
  })
  .superRefine((value, ctx) => {
    if (value.endDate && value.endDate < value.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'org.errors.endBeforeStart' });
  });
export type TEmploymentInput = z.infer<typeof ZEmploymentInputSchema>;

export const ZEndEmploymentSchema = z.object({ endDate: isoDate });

/** zod issues as AppError issues; our own refinements carry `org.*` message keys. */
export function orgIssues(error: z.ZodError): ValidationIssue[] {
  const base = issuesFromZod(error);
  return base.map((issue, i) => {
    const message = error.issues[i]?.message ?? '';
    return message.startsWith('org.errors.') ? { path: issue.path, key: message } : issue;
  });
}

/** Parse input or throw AppError(VALIDATION) with translated-key issues. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError(AppErrorCode.VALIDATION, { issues: orgIssues(result.error) });
  return result.data;
}

/** Names of the fields whose value differs (for audit diffs: names only, never values). */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(after) as Array<keyof T & string>) {
    const a = before[key];
    const b = after[key];
    if (b === undefined) continue;
    if ((a ?? null) !== (b ?? null)) out.push(key);
  }
  return out.sort();
}
