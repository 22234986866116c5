// The upload form: one file input, checked for size in the browser before sending (the server
// refuses anything over the limit anyway, with a translated page).
import { useState } from 'react';
import { Form } from 'react-router';
import { Button, Field, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { useT } from '../i18n/use-t.ts';
import { CsrfField } from './csrf-field.tsx';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace('.0', '')} MB`;

export function ImportUploadForm({ limitBytes, serverError }: { limitBytes: number; serverError: string | null }) {
  const t = useT();
  const [clientError, setClientError] = useState<string | null>(null);
  const error = clientError ?? serverError;
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="stack"
      onSubmit={(event) => {
        const input = event.currentTarget.elements.namedItem('file') as HTMLInputElement | null;
        const file = input?.files?.[0];
        if (!file) {
          event.preventDefault();
          setClientError(t('import.upload.missing'));
          input?.focus();
        } else if (file.size > limitBytes) {
          event.preventDefault();
          setClientError(t('import.upload.tooLarge', { size: mb(file.size), limit: mb(limitBytes) }));
          input?.focus();
        } else setClientError(null);
      }}
    >
      <CsrfField />
      <Field>
        <Label htmlFor="import-file">{t('import.upload.label')}</Label>
        <Field.Description id="import-file-desc">{t('import.upload.description', { limit: mb(limitBytes) })}</Field.Description>
        <input
          id="import-file"
          name="file"
          type="file"
          className="ds-input import-file-input"
          accept=".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={error ? 'import-file-error import-file-desc' : 'import-file-desc'}
          aria-invalid={error ? true : undefined}
          onChange={() => setClientError(null)}
        />
        <div aria-live="polite">{error ? <ValidationMessage id="import-file-error">{error}</ValidationMessage> : null}</div>
      </Field>
      <div>
        <Button type="submit">{t('import.upload.submit')}</Button>
      </div>
    </Form>
  );
}
