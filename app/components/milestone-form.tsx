// The form to create or edit a milestone: name, what to do, deadline, owner, what it concerns,
// target units (every unit of a kind, chosen units, or the municipality as a whole), and the
// reminder schedule with escalation. Works without scripts.
import { Form } from 'react-router';
import { Button, Checkbox, Field, Fieldset, Label, Radio, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useT } from '../i18n/use-t.ts';
import { UNIT_KINDS } from '../../core/org/unit-kinds.ts';
import { CsrfField } from './csrf-field.tsx';
import { fieldError, fieldId, FormErrorSummary, type FormErrorPayload } from './form-errors.tsx';
import { SelectInput, TextInput } from './form-field.tsx';

export const MILESTONE_PREFIX = 'milestone';

export interface MilestoneFormValues {
  title: string;
  description: string;
  deadline: string;
  ownerRole: string;
  concerns: string;
  target: string;
  targetUnitIds: string[];
  reminderOffsets: string;
  overdueEveryDays: string;
  escalateAfterDays: string;
}

export const EMPTY_MILESTONE = (year: number): MilestoneFormValues => ({
  title: '',
  description: '',
  deadline: `${year}-01-15`,
  ownerRole: 'unit_leader',
  concerns: 'other',
  target: 'kind:eining',
  targetUnitIds: [],
  reminderOffsets: '14, 3, 0',
  overdueEveryDays: '7',
  escalateAfterDays: '14',
});

/** The form values of a submitted form (kept after a failed save). */
export function milestoneValuesFrom(form: FormData): MilestoneFormValues {
  const s = (k: string) => String(form.get(k) ?? '');
  return {
    title: s('title'),
    description: s('description'),
    deadline: s('deadline'),
    ownerRole: s('ownerRole'),
    concerns: s('concerns'),
    target: s('target'),
    targetUnitIds: form.getAll('targetUnitIds').map(String),
    reminderOffsets: s('reminderOffsets'),
    overdueEveryDays: s('overdueEveryDays'),
    escalateAfterDays: s('escalateAfterDays'),
  };
}

interface Props {
  mode: 'new' | 'edit';
  values: MilestoneFormValues;
  version?: number;
  units: Array<{ id: string; name: string; depth: number }>;
  error: FormErrorPayload | null;
  cancelTo: string;
  /** A region's shared milestone: no chosen units (every municipality has its own), a note instead. */
  regional?: boolean;
  /** Extra hidden fields sent with the form. */
  extraHidden?: Record<string, string>;
}

const OWNER_ROLES = ['unit_leader', 'coordinator', 'executive'];
const CONCERNS = ['mapping_form', 'unit_plan', 'municipal_plan', 'economy_plan', 'evaluation', 'other'];

export function MilestoneForm({ mode, values, version, units, error, cancelTo, regional = false, extraHidden }: Props) {
  const t = useT();
  const p = MILESTONE_PREFIX;
  const chosen = new Set(values.targetUnitIds);
  const descriptionId = fieldId(p, 'description');
  return (
    <Form method="post" className="stack" noValidate>
      <CsrfField />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {Object.entries(extraHidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormErrorSummary error={error} prefix={p} />
      <TextInput prefix={p} name="title" label={t('wheel.form.title')} required defaultValue={values.title} error={fieldError(error, 'title')} />
      <Field className="form-field">
        <Label htmlFor={descriptionId}>
          {t('wheel.form.description')}
          <span className="form-field__optional"> ({t('org.form.optional')})</span>
        </Label>
        <Textarea id={descriptionId} name="description" rows={4} defaultValue={values.description} aria-invalid={fieldError(error, 'description') ? true : undefined} />
        {fieldError(error, 'description') ? <ValidationMessage>{fieldError(error, 'description')}</ValidationMessage> : null}
      </Field>
      <TextInput prefix={p} name="deadline" type="date" width="short" label={t('wheel.form.deadline')} required defaultValue={values.deadline} error={fieldError(error, 'deadline')} />
      <SelectInput prefix={p} name="ownerRole" label={t('wheel.form.ownerRole')} required defaultValue={values.ownerRole} error={fieldError(error, 'ownerRole')} options={OWNER_ROLES.map((r) => ({ value: r, label: t(`wheel.ownerRole.${r}`) }))} />
      <SelectInput prefix={p} name="concerns" label={t('wheel.form.concerns')} required defaultValue={values.concerns} error={fieldError(error, 'concerns')} options={CONCERNS.map((c) => ({ value: c, label: t(`wheel.concerns.${c}`) }))} />
      <Fieldset id={fieldId(p, 'target')}>
        <Fieldset.Legend>{t('wheel.form.target')}</Fieldset.Legend>
        {regional ? <Fieldset.Description>{t('wheel.region.targetsNote')}</Fieldset.Description> : null}
        {fieldError(error, 'target') ? <ValidationMessage>{fieldError(error, 'target')}</ValidationMessage> : null}
        {UNIT_KINDS.filter((k) => k !== 'kommune').map((kind) => (
          <Radio key={kind} name="target" value={`kind:${kind}`} label={t('wheel.form.targetKind', { kind: t(`org.kind.${kind}`) })} defaultChecked={values.target === `kind:${kind}`} />
        ))}
        {regional ? null : <Radio name="target" value="units" label={t('wheel.form.targetUnits')} defaultChecked={values.target === 'units'} />}
        <Radio name="target" value="none" label={t('wheel.form.targetNone')} defaultChecked={values.target === 'none'} />
      </Fieldset>
      {regional ? null : <Fieldset id={fieldId(p, 'targetUnitIds')}>
        <Fieldset.Legend>{t('wheel.form.targetUnitIds')}</Fieldset.Legend>
        <Fieldset.Description>{t('wheel.form.targetUnitIdsHelp')}</Fieldset.Description>
        {fieldError(error, 'targetUnitIds') ? <ValidationMessage>{fieldError(error, 'targetUnitIds')}</ValidationMessage> : null}
        <div className="leader-choices">
          {units.map((u) => (
            <Checkbox key={u.id} name="targetUnitIds" value={u.id} label={`${'\u2003'.repeat(u.depth)}${u.name}`} defaultChecked={chosen.has(u.id)} />
          ))}
        </div>
      </Fieldset>}
      <TextInput prefix={p} name="reminderOffsets" label={t('wheel.form.reminderOffsets')} description={t('wheel.form.reminderOffsetsHelp')} defaultValue={values.reminderOffsets} error={fieldError(error, 'reminderOffsets')} required />
      <TextInput prefix={p} name="overdueEveryDays" type="number" inputMode="numeric" width="short" label={t('wheel.form.overdueEveryDays')} description={t('wheel.form.overdueEveryDaysHelp')} defaultValue={values.overdueEveryDays} error={fieldError(error, 'overdueEveryDays')} required />
      <TextInput prefix={p} name="escalateAfterDays" type="number" inputMode="numeric" width="short" label={t('wheel.form.escalateAfterDays')} description={t('wheel.form.escalateAfterDaysHelp')} defaultValue={values.escalateAfterDays} error={fieldError(error, 'escalateAfterDays')} />
      <div className="cluster">
        <Button type="submit">{mode === 'new' ? t('wheel.form.create') : t('wheel.form.save')}</Button>
        <a href={cancelTo} className="ds-link">
          {t('wheel.form.cancel')}
        </a>
      </div>
    </Form>
  );
}
