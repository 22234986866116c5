// Form fields on Designsystemet with explicit ids, so labels, descriptions and error messages
// are wired (for/aria-describedby/aria-invalid) in the server-rendered HTML too, before any
// script runs.
import type { ReactNode } from 'react';
import { Field, Input, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { useT } from '../i18n/use-t.ts';
import { fieldId } from './form-errors.tsx';

interface BaseProps {
  prefix: string;
  name: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  required?: boolean;
}

function describedBy(id: string, description: ReactNode, error: string | undefined): string | undefined {
  const ids = [error ? `${id}-error` : null, description ? `${id}-desc` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export interface TextInputProps extends BaseProps {
  defaultValue?: string | number | null | undefined;
  type?: 'text' | 'email' | 'tel' | 'number' | 'date' | 'search';
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email' | 'tel';
  autoComplete?: string;
  width?: 'short' | 'full';
}

export function TextInput({ prefix, name, label, description, error, required, defaultValue, type = 'text', inputMode, autoComplete, width = 'full' }: TextInputProps) {
  const t = useT();
  const id = fieldId(prefix, name);
  return (
    <Field className={width === 'short' ? 'form-field form-field--short' : 'form-field'}>
      <Label htmlFor={id}>
        {label}
        {required ? null : <span className="form-field__optional"> ({t('org.form.optional')})</span>}
      </Label>
      {description ? (
        <Field.Description id={`${id}-desc`}>{description}</Field.Description>
      ) : null}
      <Input
        id={id}
        name={name}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete ?? 'off'}
        defaultValue={defaultValue ?? ''}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
      />
      {error ? <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage> : null}
    </Field>
  );
}

export interface SelectInputProps extends BaseProps {
  defaultValue?: string | null | undefined;
  options: Array<{ value: string; label: string }>;
  /** Label of an empty first option (for optional selects). */
  emptyLabel?: string;
}

export function SelectInput({ prefix, name, label, description, error, required, defaultValue, options, emptyLabel }: SelectInputProps) {
  const t = useT();
  const id = fieldId(prefix, name);
  return (
    <Field className="form-field">
      <Label htmlFor={id}>
        {label}
        {required ? null : <span className="form-field__optional"> ({t('org.form.optional')})</span>}
      </Label>
      {description ? <Field.Description id={`${id}-desc`}>{description}</Field.Description> : null}
      <Select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ''}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
      >
        {emptyLabel !== undefined ? <Select.Option value="">{emptyLabel}</Select.Option> : null}
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
      {error ? <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage> : null}
    </Field>
  );
}

