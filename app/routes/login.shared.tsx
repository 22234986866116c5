// Small pieces the sign-in and account-administration pages share: the error summary for a
// failed form, a field's message, the status alert, dates in the user's language, and the
// session cookie. (Not a route; lives beside the auth routes.)
import { useEffect, useRef, type ComponentProps, type ComponentRef, type ReactNode } from 'react';
import { Alert, ErrorSummary, Field, Heading, Input, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useT } from '../i18n/use-t.ts';
import type { ErrorPayload } from '../http/problem.ts';
import type { Language } from '../../locales/index.ts';
import { dateTimeFormat } from '../i18n/format.ts';

export type FormResult = { ok: true; message?: string } | { ok: false; error: ErrorPayload } | undefined;

export function fieldError(result: FormResult, path: string): string | undefined {
  if (!result || result.ok) return undefined;
  return result.error.issues.find((i) => i.path === path)?.message;
}

/** Validation problems as a linked summary; any other failure as one alert. */
export function FormProblems({ result, titleKey }: { result: FormResult; titleKey?: string }) {
  const t = useT();
  const summary = useRef<ComponentRef<typeof ErrorSummary>>(null);
  const failed = result && !result.ok ? result.error : null;
  // After a failed submit, move focus to the summary so it is read out and the links are next.
  useEffect(() => {
    if (failed?.issues.length) summary.current?.focus();
  }, [failed]);
  if (!failed) return null;
  const error = failed;
  if (error.issues.length) {
    return (
      <ErrorSummary ref={summary} tabIndex={-1}>
        <ErrorSummary.Heading>{t('errors.summaryTitle')}</ErrorSummary.Heading>
        <ErrorSummary.List>
          {error.issues.map((i) => (
            <ErrorSummary.Item key={`${i.path}-${i.message}`}>
              <ErrorSummary.Link href={`#${i.path}`}>{i.message}</ErrorSummary.Link>
            </ErrorSummary.Item>
          ))}
        </ErrorSummary.List>
      </ErrorSummary>
    );
  }
  return (
    <Alert data-color="danger" role="alert">
      {titleKey ? (
        <Heading level={2} data-size="xs">
          {t(titleKey)}
        </Heading>
      ) : null}
      <Paragraph>{error.message}</Paragraph>
    </Alert>
  );
}

export function StatusMessage({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert data-color="success" role="status">
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}

export function formatDateTime(iso: string | null, language: Language): string | null {
  if (!iso) return null;
  return dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(new Date(iso));
}

export const TENANT_COOKIE = 'rytme_tenant';
export const OIDC_COOKIE = 'rytme_oidc';

type TextFieldProps = Omit<ComponentProps<typeof Input>, 'id' | 'name'> & {
  /** Used as both id and name, and as the anchor the error summary links to. */
  name: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
};

/**
 * A labelled text input whose label, description and error are wired with explicit ids
 * (for / aria-describedby / aria-invalid) in the server-rendered HTML, before any script runs.
 */
export function TextField({ name, label, description, error, ...input }: TextFieldProps) {
  const describedBy = [description ? `${name}-description` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <Field>
      <Label htmlFor={name}>{label}</Label>
      {description ? <Field.Description id={`${name}-description`}>{description}</Field.Description> : null}
      <Input {...input} id={name} name={name} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
      {error ? <ValidationMessage id={`${name}-error`}>{error}</ValidationMessage> : null}
    </Field>
  );
}

/** A two-column list of facts (term, value), e.g. about an account. */
export function FactList({ facts }: { facts: Array<[ReactNode, ReactNode]> }) {
  return (
    <dl style={{ display: 'grid', gridTemplateColumns: 'minmax(8rem, max-content) 1fr', gap: '0.5rem 1.5rem', margin: 0 }}>
      {facts.map(([term, value], i) => (
        <div key={i} style={{ display: 'contents' }}>
          <dt style={{ fontWeight: 500 }}>{term}</dt>
          <dd style={{ margin: 0 }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
