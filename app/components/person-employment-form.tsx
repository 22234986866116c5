// One employment form (edit an existing one, or add a new one): unit, employee number,
// position title, FTE, STYRK-08 occupation, KS job code, occupational group and dates.
import { Form } from 'react-router';
import { Button, Fieldset } from '@digdir/designsystemet-react';
import { useT } from '../i18n/use-t.ts';
import { CsrfField } from './csrf-field.tsx';
import { fieldError, FormErrorSummary, type FormErrorPayload } from './form-errors.tsx';
import { SelectInput, TextInput } from './form-field.tsx';

export interface EmploymentFormValues {
  unitId: string;
  employeeNumber: string;
  positionTitle: string;
  ftePercent: string | number;
  styrk08: string | null;
  ksJobCode: string | null;
  occupationalGroup: string | null;
  startDate: string;
  endDate: string | null;
}

export interface EmploymentFormProps {
  prefix: string;
  legend: string;
  intent: 'employment' | 'add';
  employmentId?: string;
  version?: number;
  values: EmploymentFormValues;
  unitOptions: Array<{ id: string; name: string; depth: number }>;
  occupations: Array<{ code: string; name: string }>;
  error: FormErrorPayload | null;
}

export function EmploymentForm({ prefix, legend, intent, employmentId, version, values, unitOptions, occupations, error }: EmploymentFormProps) {
  const t = useT();
  return (
    <Form method="post" noValidate className="form employment-form" id={intent === 'add' ? 'new-employment' : undefined}>
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      {employmentId ? <input type="hidden" name="employmentId" value={employmentId} /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <Fieldset>
        <Fieldset.Legend>{legend}</Fieldset.Legend>
        <FormErrorSummary error={error} prefix={prefix} />
        <SelectInput
          prefix={prefix}
          name="unitId"
          label={t('org.employment.fields.unit')}
          required
          defaultValue={values.unitId}
          error={fieldError(error, 'unitId')}
          emptyLabel={values.unitId ? undefined : t('org.employment.chooseUnit')}
          options={unitOptions.map((u) => ({ value: u.id, label: `${'\u2003'.repeat(u.depth)}${u.name}` }))}
        />
        <div className="form-grid">
          <TextInput prefix={prefix} name="employeeNumber" label={t('org.employment.fields.employeeNumber')} required width="short" defaultValue={values.employeeNumber} error={fieldError(error, 'employeeNumber')} />
          <TextInput prefix={prefix} name="positionTitle" label={t('org.employment.fields.positionTitle')} required defaultValue={values.positionTitle} error={fieldError(error, 'positionTitle')} />
          <TextInput
            prefix={prefix}
            name="ftePercent"
            label={t('org.employment.fields.ftePercent')}
            description={t('org.employment.fields.fteHelp')}
            required
            width="short"
            inputMode="decimal"
            defaultValue={values.ftePercent}
            error={fieldError(error, 'ftePercent')}
          />
        </div>
        <SelectInput
          prefix={prefix}
          name="styrk08"
          label={t('org.employment.fields.styrk08')}
          description={t('org.employment.fields.styrkHelp')}
          defaultValue={values.styrk08}
          error={fieldError(error, 'styrk08')}
          emptyLabel={t('org.employment.noOccupation')}
          options={occupations.map((o) => ({ value: o.code, label: `${o.code} ${o.name}` }))}
        />
        <div className="form-grid">
          <TextInput prefix={prefix} name="ksJobCode" label={t('org.employment.fields.ksJobCode')} width="short" defaultValue={values.ksJobCode} error={fieldError(error, 'ksJobCode')} />
          <TextInput prefix={prefix} name="occupationalGroup" label={t('org.employment.fields.occupationalGroup')} defaultValue={values.occupationalGroup} error={fieldError(error, 'occupationalGroup')} />
          <TextInput prefix={prefix} name="startDate" type="date" label={t('org.employment.fields.startDate')} required width="short" defaultValue={values.startDate} error={fieldError(error, 'startDate')} />
          <TextInput prefix={prefix} name="endDate" type="date" label={t('org.employment.fields.endDate')} width="short" defaultValue={values.endDate} error={fieldError(error, 'endDate')} />
        </div>
        <div className="cluster">
          <Button type="submit">{intent === 'add' ? t('org.employment.add') : t('org.employment.save')}</Button>
        </div>
      </Fieldset>
    </Form>
  );
}
