// The unit form (new and edit): name, kind, code, parent (a select of allowed units, indented
// by depth) and, when editing, its leaders. Shows field errors and a focused error summary.
import { Form } from 'react-router';
import { Button, Checkbox, Fieldset } from '@digdir/designsystemet-react';
import { useT } from '../i18n/use-t.ts';
import { CsrfField } from './csrf-field.tsx';
import { fieldError, fieldId, FormErrorSummary, type FormErrorPayload } from './form-errors.tsx';
import { SelectInput, TextInput } from './form-field.tsx';
import { UNIT_KINDS } from '../../core/org/unit-kinds.ts';

export interface UnitFormValues {
  name: string;
  kind: string;
  code: string;
  parentId: string | null;
  leaderPersonIds?: string[];
}

export interface UnitFormProps {
  mode: 'new' | 'edit';
  values: UnitFormValues;
  version?: number;
  parentOptions: Array<{ id: string; name: string; depth: number }>;
  isRoot: boolean;
  leaders?: Array<{ personId: string; name: string }>;
  leaderCandidates?: Array<{ personId: string; name: string }>;
  error: FormErrorPayload | null;
  cancelTo: string;
}

const PREFIX = 'unit';

export function UnitForm({ mode, values, version, parentOptions, isRoot, leaders = [], leaderCandidates = [], error, cancelTo }: UnitFormProps) {
  const t = useT();
  const chosen = new Set(values.leaderPersonIds ?? leaders.map((l) => l.personId));
  const leaderChoices = [...leaders, ...leaderCandidates];
  return (
    <Form method="post" className="stack form" noValidate aria-describedby={error ? 'unit-form-errors' : undefined}>
      <CsrfField />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <div id="unit-form-errors">
        <FormErrorSummary error={error} prefix={PREFIX} />
      </div>
      <TextInput prefix={PREFIX} name="name" label={t('org.unit.fields.name')} required defaultValue={values.name} error={fieldError(error, 'name')} />
      <SelectInput
        prefix={PREFIX}
        name="kind"
        label={t('org.unit.fields.kind')}
        required
        defaultValue={values.kind}
        error={fieldError(error, 'kind')}
        options={UNIT_KINDS.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))}
      />
      <TextInput
        prefix={PREFIX}
        name="code"
        label={t('org.unit.fields.code')}
        description={t('org.unit.fields.codeHelp')}
        required
        width="short"
        defaultValue={values.code}
        error={fieldError(error, 'code')}
      />
      {isRoot ? (
        <input type="hidden" name="parentId" value="" />
      ) : (
        <SelectInput
          prefix={PREFIX}
          name="parentId"
          label={t('org.unit.fields.parent')}
          description={mode === 'edit' ? t('org.unit.fields.parentHelp') : undefined}
          required
          defaultValue={values.parentId}
          error={fieldError(error, 'parentId')}
          emptyLabel={parentOptions.length ? undefined : t('org.unit.fields.noParent')}
          options={parentOptions.map((p) => ({ value: p.id, label: `${'\u2003'.repeat(p.depth)}${p.name}` }))}
        />
      )}
      {mode === 'edit' ? (
        <Fieldset id={fieldId(PREFIX, 'leaderPersonIds')}>
          <Fieldset.Legend>{t('org.unit.fields.leaders')}</Fieldset.Legend>
          <Fieldset.Description>{t('org.unit.fields.leadersHelp')}</Fieldset.Description>
          <input type="hidden" name="leadersSubmitted" value="1" />
          {leaderChoices.length ? (
            <div className="leader-choices">
              {leaderChoices.map((p) => (
                <Checkbox key={p.personId} name="leaderPersonIds" value={p.personId} label={p.name} defaultChecked={chosen.has(p.personId)} />
              ))}
            </div>
          ) : (
            <p>{t('org.unit.fields.noCandidates')}</p>
          )}
        </Fieldset>
      ) : null}
      <div className="cluster">
        <Button type="submit" name="intent" value="save">
          {mode === 'new' ? t('org.unit.create') : t('common.actions.save')}
        </Button>
        <a href={cancelTo} className="ds-link">
          {t('common.actions.cancel')}
        </a>
      </div>
    </Form>
  );
}
