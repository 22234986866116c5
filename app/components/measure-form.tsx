// The form to create or edit a measure: type, title, description, provider, dates, place or
// online, capacity, course fee and substitute cost per participant, target groups, competence
// area and the mapping needs it answers. Works without scripts.
import { Form } from 'react-router';
import { Button, Checkbox, Field, Fieldset, Label, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useT } from '../i18n/use-t.ts';
import { MEASURE_TYPES } from '../../core/shared/measure-types.ts';
import { CsrfField } from './csrf-field.tsx';
import { fieldError, fieldId, FormErrorSummary, type FormErrorPayload } from './form-errors.tsx';
import { SelectInput, TextInput } from './form-field.tsx';

export const MEASURE_PREFIX = 'measure';

export interface MeasureFormValues {
  type: string;
  title: string;
  description: string;
  providerId: string;
  startDate: string;
  endDate: string;
  place: string;
  online: boolean;
  capacity: string;
  costNok: string;
  substituteCostNok: string;
  targetUnitIds: string[];
  targetGroups: string;
  competenceAreaId: string;
  needIds: string[];
}

export const EMPTY_MEASURE: MeasureFormValues = {
  type: 'external_course',
  title: '',
  description: '',
  providerId: '',
  startDate: '',
  endDate: '',
  place: '',
  online: false,
  capacity: '20',
  costNok: '0',
  substituteCostNok: '0',
  targetUnitIds: [],
  targetGroups: '',
  competenceAreaId: '',
  needIds: [],
};

export function measureValuesFrom(form: FormData): MeasureFormValues {
  const s = (k: string) => String(form.get(k) ?? '');
  return {
    type: s('type'),
    title: s('title'),
    description: s('description'),
    providerId: s('providerId'),
    startDate: s('startDate'),
    endDate: s('endDate'),
    place: s('place'),
    online: form.get('online') === 'on',
    capacity: s('capacity'),
    costNok: s('costNok'),
    substituteCostNok: s('substituteCostNok'),
    targetUnitIds: form.getAll('targetUnitIds').map(String),
    targetGroups: s('targetGroups'),
    competenceAreaId: s('competenceAreaId'),
    needIds: form.getAll('needIds').map(String),
  };
}

export interface MeasureFormProps {
  mode: 'new' | 'edit';
  values: MeasureFormValues;
  version?: number;
  choices: {
    providers: Array<{ id: string; name: string }>;
    areas: Array<{ id: string; name: string }>;
    units: Array<{ id: string; name: string; depth: number }>;
    needs: Array<{ id: string; description: string; areaName: string; unitName: string }>;
  };
  error: FormErrorPayload | null;
  cancelTo: string;
}

export function MeasureForm({ mode, values, version, choices, error, cancelTo }: MeasureFormProps) {
  const t = useT();
  const p = MEASURE_PREFIX;
  const descriptionId = fieldId(p, 'description');
  const units = new Set(values.targetUnitIds);
  const needs = new Set(values.needIds);
  return (
    <Form method="post" className="stack form-narrow" noValidate>
      <CsrfField />
      <input type="hidden" name="intent" value="measure" />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrorSummary error={error} prefix={p} />
      <SelectInput prefix={p} name="type" label={t('catalogue.form.type')} required defaultValue={values.type} error={fieldError(error, 'type')} options={MEASURE_TYPES.map((m) => ({ value: m, label: t(`measures.type.${m}`) }))} />
      <TextInput prefix={p} name="title" label={t('catalogue.form.title')} required defaultValue={values.title} error={fieldError(error, 'title')} />
      <Field className="form-field">
        <Label htmlFor={descriptionId}>
          {t('catalogue.form.description')}
          <span className="form-field__optional"> ({t('org.form.optional')})</span>
        </Label>
        <Textarea id={descriptionId} name="description" rows={4} defaultValue={values.description} />
      </Field>
      <SelectInput prefix={p} name="providerId" label={t('catalogue.form.provider')} defaultValue={values.providerId} error={fieldError(error, 'providerId')} emptyLabel={t('catalogue.form.noProvider')} options={choices.providers.map((x) => ({ value: x.id, label: x.name }))} />
      <TextInput prefix={p} name="startDate" type="date" width="short" label={t('catalogue.form.startDate')} description={t('catalogue.form.startDateHelp')} required defaultValue={values.startDate} error={fieldError(error, 'startDate')} />
      <TextInput prefix={p} name="endDate" type="date" width="short" label={t('catalogue.form.endDate')} description={t('catalogue.form.endDateHelp')} defaultValue={values.endDate} error={fieldError(error, 'endDate')} />
      <TextInput prefix={p} name="place" label={t('catalogue.form.place')} defaultValue={values.place} error={fieldError(error, 'place')} />
      <Checkbox name="online" label={t('catalogue.form.online')} defaultChecked={values.online} />
      <TextInput prefix={p} name="capacity" type="number" inputMode="numeric" width="short" label={t('catalogue.form.capacity')} required defaultValue={values.capacity} error={fieldError(error, 'capacity')} />
      <TextInput prefix={p} name="costNok" type="number" inputMode="numeric" width="short" label={t('catalogue.form.costNok')} required defaultValue={values.costNok} error={fieldError(error, 'costNok')} />
      <TextInput prefix={p} name="substituteCostNok" type="number" inputMode="numeric" width="short" label={t('catalogue.form.substituteCostNok')} description={t('catalogue.form.substituteHelp')} required defaultValue={values.substituteCostNok} error={fieldError(error, 'substituteCostNok')} />
      <SelectInput prefix={p} name="competenceAreaId" label={t('catalogue.form.area')} defaultValue={values.competenceAreaId} error={fieldError(error, 'competenceAreaId')} emptyLabel={t('catalogue.form.noArea')} options={choices.areas.map((a) => ({ value: a.id, label: a.name }))} />
      <TextInput prefix={p} name="targetGroups" label={t('catalogue.form.targetGroups')} description={t('catalogue.form.targetGroupsHelp')} defaultValue={values.targetGroups} error={fieldError(error, 'targetGroups')} />
      <Fieldset id={fieldId(p, 'targetUnitIds')}>
        <Fieldset.Legend>{t('catalogue.form.targetUnits')}</Fieldset.Legend>
        <div className="leader-choices">
          {choices.units.map((u) => (
            <Checkbox key={u.id} name="targetUnitIds" value={u.id} label={`${'\u2003'.repeat(u.depth)}${u.name}`} defaultChecked={units.has(u.id)} />
          ))}
        </div>
      </Fieldset>
      <Fieldset id={fieldId(p, 'needIds')}>
        <Fieldset.Legend>{t('catalogue.form.needs')}</Fieldset.Legend>
        {fieldError(error, 'needIds') ? <ValidationMessage>{fieldError(error, 'needIds')}</ValidationMessage> : null}
        {choices.needs.length === 0 ? <p>{t('catalogue.form.noNeeds')}</p> : null}
        <div className="leader-choices">
          {choices.needs.map((n) => (
            <Checkbox key={n.id} name="needIds" value={n.id} label={`${n.unitName}: ${n.areaName}${n.description ? ` – ${n.description}` : ''}`} defaultChecked={needs.has(n.id)} />
          ))}
        </div>
      </Fieldset>
      <div className="cluster">
        <Button type="submit">{mode === 'new' ? t('catalogue.form.create') : t('catalogue.form.save')}</Button>
        <a href={cancelTo} className="ds-link">
          {t('catalogue.form.cancel')}
        </a>
      </div>
    </Form>
  );
}
