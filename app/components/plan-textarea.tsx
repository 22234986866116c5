// A labelled textarea on Designsystemet with ids wired for labels and errors (server-rendered).
import { Field, Label, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useT } from '../i18n/use-t.ts';
import { fieldId } from './form-errors.tsx';

export function TextArea({ prefix, name, label, description, error, required, defaultValue, rows = 4 }: { prefix: string; name: string; label: string; description?: string; error?: string | undefined; required?: boolean; defaultValue?: string; rows?: number }) {
  const t = useT();
  const id = fieldId(prefix, name);
  const describedBy = [error ? `${id}-error` : null, description ? `${id}-desc` : null].filter(Boolean).join(' ') || undefined;
  return (
    <Field className="form-field">
      <Label htmlFor={id}>
        {label}
        {required ? null : <span className="form-field__optional"> ({t('org.form.optional')})</span>}
      </Label>
      {description ? <Field.Description id={`${id}-desc`}>{description}</Field.Description> : null}
      <Textarea id={id} name={name} rows={rows} defaultValue={defaultValue ?? ''} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      {error ? <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage> : null}
    </Field>
  );
}
