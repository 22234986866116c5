// Shared form error helpers: read field errors from a runForForm result, and an error
// summary (Designsystemet ErrorSummary) that links each message to its field and takes focus
// when it appears after a failed submit.
import { useEffect, useRef } from 'react';
import { ErrorSummary } from '@digdir/designsystemet-react';
import { useT } from '../i18n/use-t.ts';

export interface FormErrorPayload {
  code: string;
  message: string;
  issues: Array<{ path: string; message: string }>;
}

/** The shape runForForm gives an action: `{ ok: true, value }` or `{ ok: false, error }`. */
export type FormResult = { ok: true } | { ok: false; error: FormErrorPayload };

export function formError(result: unknown): FormErrorPayload | null {
  if (result && typeof result === 'object' && 'ok' in result && (result as { ok: unknown }).ok === false) {
    return (result as unknown as { error: FormErrorPayload }).error;
  }
  return null;
}

/** The message for one field (first issue whose path matches), or undefined. */
export function fieldError(error: FormErrorPayload | null | undefined, path: string): string | undefined {
  return error?.issues.find((i) => i.path === path)?.message;
}

/** Id of a field's input for a form (prefix) and path; links in the summary point here. */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/[^\w-]/g, '-')}`;
}

export interface FormErrorSummaryProps {
  error: FormErrorPayload | null | undefined;
  /** Field id prefix of the form the issues belong to. */
  prefix: string;
  /** Optional heading; defaults to the error's message. */
  heading?: string;
}

export function FormErrorSummary({ error, prefix, heading }: FormErrorSummaryProps) {
  const t = useT();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  return (
    <ErrorSummary ref={ref as never} tabIndex={-1} data-testid="error-summary">
      <ErrorSummary.Heading level={2} data-size="xs">
        {heading ?? (error.issues.length ? t('errors.summaryTitle') : error.message)}
      </ErrorSummary.Heading>
      {error.issues.length ? (
        <ErrorSummary.List>
          {error.issues.map((issue) => (
            <ErrorSummary.Item key={`${issue.path}-${issue.message}`}>
              <ErrorSummary.Link href={`#${fieldId(prefix, issue.path)}`}>{issue.message}</ErrorSummary.Link>
            </ErrorSummary.Item>
          ))}
        </ErrorSummary.List>
      ) : null}
    </ErrorSummary>
  );
}
