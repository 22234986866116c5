// The column mapping: one select per Rytme field listing the file's headers (preselected from
// the remembered tenant mapping, then by header name), and the "end missing employments" choice.
import { Form } from 'react-router';
import { Button, Checkbox, Field, Heading, Label, Paragraph, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { useT } from '../i18n/use-t.ts';
import { CsrfField } from './csrf-field.tsx';
import { FormErrorSummary, fieldError, fieldId, type FormErrorPayload } from './form-errors.tsx';

export interface ImportMappingFormProps {
  headers: string[];
  fields: readonly string[];
  requiredFields: readonly string[];
  mapping: Record<string, string | undefined>;
  mappingVersion: number | null;
  endMissing: boolean;
  error: FormErrorPayload | null;
}

export function ImportMappingForm({ headers, fields, requiredFields, mapping, mappingVersion, endMissing, error }: ImportMappingFormProps) {
  const t = useT();
  return (
    <Form method="post" className="stack" aria-labelledby="mapping-heading">
      <CsrfField />
      <input type="hidden" name="intent" value="preview" />
      <input type="hidden" name="mappingVersion" value={mappingVersion ?? ''} />
      <Heading level={2} data-size="sm" id="mapping-heading">
        {t('import.mapping.heading')}
      </Heading>
      <Paragraph>{t('import.mapping.intro')}</Paragraph>
      <FormErrorSummary error={error} prefix="map" />
      <div className="import-mapping">
        {fields.map((field) => {
          const id = fieldId('map', `mapping.${field}`);
          const message = fieldError(error, `mapping.${field}`);
          const required = requiredFields.includes(field);
          return (
            <Field key={field}>
              <Label htmlFor={id}>
                {t(`import.field.${field}`)}
                {required ? ` ${t('import.mapping.requiredMark')}` : null}
              </Label>
              <Select id={id} name={`map.${field}`} defaultValue={mapping[field] ?? ''} aria-invalid={message ? true : undefined} aria-describedby={message ? `${id}-error` : undefined}>
                <Select.Option value="">{t('import.mapping.none')}</Select.Option>
                {headers.map((h) => (
                  <Select.Option key={h} value={h}>
                    {h}
                  </Select.Option>
                ))}
              </Select>
              {message ? <ValidationMessage id={`${id}-error`}>{message}</ValidationMessage> : null}
            </Field>
          );
        })}
      </div>
      <Checkbox id="endMissing" name="endMissing" value="1" defaultChecked={endMissing} label={t('import.mapping.endMissing')} description={t('import.mapping.endMissingHelp')} />
      <div>
        <Button type="submit">{t('import.mapping.submit')}</Button>
      </div>
    </Form>
  );
}
