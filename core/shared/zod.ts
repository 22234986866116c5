// Turn zod errors into AppError validation issues with message keys from the errors catalogue,
// so every boundary (form, API, import row) reports the same translated messages.
import type { z } from 'zod';
import { AppError, AppErrorCode, type ValidationIssue } from './app-error.ts';

export function issuesFromZod(error: z.ZodError, prefix = ''): ValidationIssue[] {
  return error.issues.map((issue): ValidationIssue => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null || issue.input === ''
          ? { path, key: 'errors.field.required' }
          : { path, key: 'errors.field.invalid' };
      case 'too_small':
        return { path, key: issue.origin === 'string' ? 'errors.field.tooShort' : 'errors.field.tooSmall', params: { min: Number(issue.minimum) } };
      case 'too_big':
        return { path, key: issue.origin === 'string' ? 'errors.field.tooLong' : 'errors.field.tooBig', params: { max: Number(issue.maximum) } };
      case 'invalid_format':
        return { path, key: `errors.field.format.${issue.format}` };
      default:
        return { path, key: issue.message.startsWith('errors.') ? issue.message : 'errors.field.invalid' };
    }
  });
}

/** Parse or throw an AppError(VALIDATION). */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError(AppErrorCode.VALIDATION, { issues: issuesFromZod(result.error) });
  return result.data;
}
